-- Sealed documents that belong to a person or an employer rather than to a case (issue 16): the 缴费明细 of a
-- person, the monthly bill (核定单) of an employer, the pension award notice of a retirement case. Each names whom it
-- concerns (the person, the employer: who may download it) and what it states (subject: e.g. the bill's employer and
-- month), the one a newer document of the same subject replaces. One original per subject and kind; a document is
-- replaced at most once (casework_certificate_reissued_once), so two requests at once issue one document.
ALTER TABLE casework_certificate ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE casework_certificate
    ADD COLUMN person_id   BIGINT,
    ADD COLUMN employer_id BIGINT,
    ADD COLUMN subject     VARCHAR(60),
    ADD CONSTRAINT casework_certificate_concerns
        CHECK (case_id IS NOT NULL OR person_id IS NOT NULL OR employer_id IS NOT NULL),
    ADD CONSTRAINT casework_certificate_subject CHECK (subject IS NULL OR length(btrim(subject)) > 0);
CREATE UNIQUE INDEX casework_certificate_subject_original ON casework_certificate (subject, kind, region_code)
    WHERE replaces_code IS NULL AND subject IS NOT NULL;
CREATE INDEX casework_certificate_subject_idx ON casework_certificate (subject, kind, region_code)
    WHERE subject IS NOT NULL;
