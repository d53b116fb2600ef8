-- registry (issue 11): an employee's enrollment says when the employment began (社会保险法 第五十八条: the employer
-- registers within 30 days of it) and which emergency measures it was accepted under (N-5a late, FJ-5a backdated);
-- 减员 ends it with the day, the reason (the separation evidence the unemployment benefit reads), who and when.
ALTER TABLE registry_enrollment
    ADD COLUMN employment_start DATE,
    ADD COLUMN flags            TEXT        NOT NULL DEFAULT '',
    ADD COLUMN end_reason       VARCHAR(20) CHECK (end_reason IN ('CONTRACT_ENDED', 'DISMISSED', 'RESIGNED', 'RETIRED',
                                                                  'DECEASED', 'OTHER')),
    ADD COLUMN ended_by         VARCHAR(64),
    ADD COLUMN ended_at         TIMESTAMPTZ,
    ADD CONSTRAINT registry_enrollment_end_complete
        CHECK ((ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL) = (ended_by IS NULL)
               AND (ended_on IS NULL) = (ended_at IS NULL)),
    ADD CONSTRAINT registry_enrollment_end_after_start CHECK (ended_on IS NULL OR ended_on >= first_insured_on),
    ADD CONSTRAINT registry_enrollment_employment_start
        CHECK (employment_start IS NULL OR (category = 'EMPLOYEE' AND first_insured_on >= employment_start));
