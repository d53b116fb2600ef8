-- Issue 12, first slice: work-injury recognition (工伤认定) and labour-capacity appraisal (劳动能力鉴定) tracked end to
-- end, with the appraisal committee's suspensions of on-site appraisal (FJ-6a). Every per-person table is distributed
-- by region_code (in its primary key and in the foreign keys between them); the suspensions are a small reference
-- table every appraisal's deadline reads.

-- The administrative department's work-injury recognition (人社行政部门 工伤认定) is a role of its own.
ALTER TABLE identity_user DROP CONSTRAINT identity_user_role_check;
ALTER TABLE identity_user ADD CONSTRAINT identity_user_role_check CHECK (role IN ('CLERK','REVIEWER','FINANCE',
    'AUDITOR','HALL_MANAGER','ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','INJURY_RECOGNITION','INSURED_PERSON','EMPLOYER'));

-- A recognition application: who applied (the employer within 30 days, the worker or family within a year:
-- 工伤保险条例 第十七条), the application day (FJ-6c: the earliest of the recorded times) and the filing limit it was
-- judged on; acceptance and the decision deadline (第二十条: 60 days, 15 for clear facts; the green channel's limit);
-- the decision, by the department on screen or from its system (SX-2).
CREATE TABLE workinjury_recognition (
    id                BIGSERIAL    NOT NULL,
    region_code       CHAR(6)      NOT NULL,
    person_id         BIGINT       NOT NULL,
    injured_on        DATE         NOT NULL,
    description       TEXT         NOT NULL CHECK (char_length(description) BETWEEN 1 AND 200),
    applicant         TEXT         NOT NULL CHECK (applicant IN ('EMPLOYER', 'WORKER', 'FAMILY')),
    medical_worker    BOOLEAN      NOT NULL,
    infected_at_work  BOOLEAN      NOT NULL,
    sent_to_area      BOOLEAN      NOT NULL,
    green_clauses     TEXT,
    status            TEXT         NOT NULL CHECK (status IN ('APPLIED', 'ACCEPTED', 'RECOGNIZED', 'NOT_RECOGNIZED')),
    applied_on        DATE         NOT NULL,
    applied_rule      TEXT         NOT NULL,
    filing_due_on     DATE         NOT NULL,
    filing_moved_from DATE,
    filing_rule       TEXT         NOT NULL,
    accepted_on       DATE,
    clear_facts       BOOLEAN,
    decision_due_on   DATE,
    decision_moved_from DATE,
    decision_rule     TEXT,
    decided_on        DATE,
    decided_by        TEXT,
    decided_by_name   TEXT,
    decision_source   TEXT         CHECK (decision_source IN ('SCREEN', 'API')),
    decision_number   TEXT         CHECK (char_length(decision_number) <= 50),
    decision_note     TEXT         CHECK (char_length(decision_note) <= 200),
    created_by        TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id, region_code),
    CHECK ((status = 'APPLIED') = (accepted_on IS NULL)),
    CHECK ((status IN ('RECOGNIZED', 'NOT_RECOGNIZED')) = (decided_on IS NOT NULL))
);
CREATE INDEX workinjury_recognition_person_idx ON workinjury_recognition (person_id);
CREATE INDEX workinjury_recognition_region_idx ON workinjury_recognition (region_code, status);

-- FJ-6c: each way the application reached the department, with its time and evidence (who recorded it, and the
-- evidence file in the electronic archive or a note).
CREATE TABLE workinjury_claim_time (
    id               BIGSERIAL    NOT NULL,
    region_code      CHAR(6)      NOT NULL,
    recognition_id   BIGINT       NOT NULL,
    channel          TEXT         NOT NULL CHECK (channel IN ('PHONE', 'POSTMARK', 'ONLINE', 'WINDOW')),
    claimed_on       DATE         NOT NULL,
    evidence_sha256  CHAR(64),
    evidence_note    TEXT         CHECK (char_length(evidence_note) <= 200),
    recorded_by      TEXT         NOT NULL,
    recorded_by_name TEXT         NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_recognition (id, region_code),
    FOREIGN KEY (evidence_sha256, region_code) REFERENCES casework_archive (sha256, region_code),
    CHECK (evidence_sha256 IS NOT NULL OR evidence_note IS NOT NULL)
);
CREATE INDEX workinjury_claim_time_recognition_idx ON workinjury_claim_time (recognition_id);

-- A labour-capacity appraisal of a recognized injury (or a re-appraisal of an earlier conclusion): the committee's
-- conclusion is due 60 days after the application, extendable once by 30 (第二十五条), later by the days on-site
-- appraisal was suspended (FJ-6a, computed from workinjury_suspension); the conclusion: a disability grade 1–10 or
-- none, a nursing level, the document in the archive; re-appraisal may be asked within 15 days of receiving it
-- (第二十六条; FJ-6b moves a window ending during the emergency).
CREATE TABLE workinjury_appraisal (
    id                BIGSERIAL    NOT NULL,
    region_code       CHAR(6)      NOT NULL,
    recognition_id    BIGINT       NOT NULL,
    person_id         BIGINT       NOT NULL,
    reappraisal_of    BIGINT,
    status            TEXT         NOT NULL CHECK (status IN ('APPLIED', 'CONCLUDED')),
    applied_on        DATE         NOT NULL,
    extended          BOOLEAN      NOT NULL DEFAULT FALSE,
    extension_reason  TEXT         CHECK (char_length(extension_reason) <= 200),
    grade             SMALLINT     CHECK (grade BETWEEN 1 AND 10),
    nursing_level     TEXT         CHECK (nursing_level IN ('NONE', 'PARTIAL', 'MOSTLY', 'FULL')),
    concluded_on      DATE,
    received_on       DATE,
    conclusion_sha256 CHAR(64),
    reappraisal_clauses TEXT,
    created_by        TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_recognition (id, region_code),
    FOREIGN KEY (reappraisal_of, region_code) REFERENCES workinjury_appraisal (id, region_code),
    FOREIGN KEY (conclusion_sha256, region_code) REFERENCES casework_archive (sha256, region_code),
    CHECK ((status = 'CONCLUDED') = (concluded_on IS NOT NULL AND received_on IS NOT NULL
                                    AND conclusion_sha256 IS NOT NULL AND nursing_level IS NOT NULL))
);
CREATE INDEX workinjury_appraisal_person_idx ON workinjury_appraisal (person_id);
CREATE INDEX workinjury_appraisal_recognition_idx ON workinjury_appraisal (recognition_id);

-- Every state change of a recognition or an appraisal: who, when, what (append-only).
CREATE TABLE workinjury_history (
    id             BIGSERIAL    NOT NULL,
    region_code    CHAR(6)      NOT NULL,
    recognition_id BIGINT       NOT NULL,
    appraisal_id   BIGINT,
    step           TEXT         NOT NULL,
    detail         TEXT         CHECK (char_length(detail) <= 400),
    actor          TEXT         NOT NULL,
    actor_name     TEXT         NOT NULL,
    at             TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_recognition (id, region_code),
    FOREIGN KEY (appraisal_id, region_code) REFERENCES workinjury_appraisal (id, region_code)
);
CREATE INDEX workinjury_history_recognition_idx ON workinjury_history (recognition_id, at);

CREATE FUNCTION workinjury_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'workinjury_history is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER workinjury_history_append_only BEFORE UPDATE OR DELETE ON workinjury_history
    FOR EACH ROW EXECUTE FUNCTION workinjury_history_append_only();

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['workinjury_recognition', 'workinjury_claim_time', 'workinjury_appraisal',
        'workinjury_history'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;

-- FJ-6a: periods when on-site appraisal is suspended in a jurisdiction (and below it), with the reason, inclusive.
CREATE TABLE workinjury_suspension (
    id           BIGSERIAL    PRIMARY KEY,
    region_code  CHAR(6)      NOT NULL,
    starts_on    DATE         NOT NULL,
    ends_on      DATE         NOT NULL,
    reason       TEXT         NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
    clauses      TEXT         NOT NULL,
    recorded_by  TEXT         NOT NULL,
    recorded_by_name TEXT     NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    CHECK (ends_on >= starts_on)
);
