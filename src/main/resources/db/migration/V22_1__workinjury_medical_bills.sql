-- Issue 12, item 4 (SX-1b): agreement medical institutions (协议医疗机构) submit their work-injury bills each month
-- electronically with line items; a reviewer pre-pays 85%–90% of the declared amount (the range is the parameter
-- workinjury.medical.prepaymentShare); after the emergency the paper documents are reviewed centrally and the month is
-- settled (多退少补): the top-up paid, or the over-payment receivable from the institution. Every per-institution table
-- is distributed by region_code (V6_9).

-- An agreement hospital's user (协议医疗机构经办人) is a role of its own: it sees its own institution only.
ALTER TABLE identity_user DROP CONSTRAINT identity_user_role_check;
ALTER TABLE identity_user ADD CONSTRAINT identity_user_role_check CHECK (role IN ('CLERK','REVIEWER','FINANCE',
    'AUDITOR','HALL_MANAGER','ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','INJURY_RECOGNITION','PUBLICITY','INSURED_PERSON',
    'EMPLOYER','HOSPITAL'));

-- The work-injury fund's medical accounts: pre-payments wait in 1221 (since V5_1) until settled; the settled amount is
-- the expense; what was pre-paid beyond it is receivable from the institution.
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('WORK_INJURY', '1241', '应收协议医疗机构多预付款', 'Over-pre-payments receivable from agreement medical institutions', 'ASSET'),
    ('WORK_INJURY', '5202', '工伤医疗费用支出', 'Work-injury medical expense', 'EXPENSE');

-- An agreement medical institution of a region, with its agreement period (inclusive) and agreement number.
CREATE TABLE workinjury_institution (
    id              BIGSERIAL    NOT NULL,
    region_code     CHAR(6)      NOT NULL,
    name            TEXT         NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    agreement_no    TEXT         NOT NULL CHECK (char_length(agreement_no) BETWEEN 1 AND 50),
    agreement_from  DATE         NOT NULL,
    agreement_to    DATE         NOT NULL,
    registered_by   TEXT         NOT NULL,
    registered_by_name TEXT      NOT NULL,
    registered_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    CONSTRAINT workinjury_institution_agreement UNIQUE (agreement_no, region_code),
    CHECK (agreement_to >= agreement_from)
);

-- The hospital users of an institution (a HOSPITAL account of the institution's region).
CREATE TABLE workinjury_institution_user (
    username        TEXT         NOT NULL,
    region_code     CHAR(6)      NOT NULL,
    institution_id  BIGINT       NOT NULL,
    PRIMARY KEY (username, region_code),
    FOREIGN KEY (institution_id, region_code) REFERENCES workinjury_institution (id, region_code)
);

-- One statement per institution and month: submitted (replaced by a re-submission until pre-paid), pre-paid at the
-- ratio the reviewer chose, settled on the approved amount. The amounts are facts the database keeps consistent.
CREATE TABLE workinjury_medical_statement (
    id              BIGSERIAL     NOT NULL,
    region_code     CHAR(6)       NOT NULL,
    institution_id  BIGINT        NOT NULL,
    bill_month      DATE          NOT NULL CHECK (EXTRACT(DAY FROM bill_month) = 1),
    status          TEXT          NOT NULL CHECK (status IN ('SUBMITTED', 'PREPAID', 'SETTLED')),
    declared        NUMERIC(14,2) NOT NULL CHECK (declared > 0),
    line_count      INT           NOT NULL CHECK (line_count > 0),
    channel         TEXT          NOT NULL CHECK (channel IN ('CSV', 'XLSX', 'API')),
    submissions     INT           NOT NULL DEFAULT 1 CHECK (submissions >= 1),
    submitted_by    TEXT          NOT NULL,
    submitted_at    TIMESTAMPTZ   NOT NULL,
    prepay_ratio    NUMERIC(5,4)  CHECK (prepay_ratio > 0 AND prepay_ratio <= 1),
    prepaid         NUMERIC(14,2),
    prepaid_on      DATE,
    prepaid_by      TEXT,
    prepay_clauses  TEXT,
    paper_received_on DATE,
    approved        NUMERIC(14,2) CHECK (approved >= 0),
    settlement      NUMERIC(14,2),
    settled_on      DATE,
    settled_by      TEXT,
    version         INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id, region_code),
    CONSTRAINT workinjury_medical_statement_month UNIQUE (institution_id, bill_month, region_code),
    FOREIGN KEY (institution_id, region_code) REFERENCES workinjury_institution (id, region_code),
    CHECK ((status = 'SUBMITTED') = (prepaid IS NULL)),
    CHECK ((prepaid IS NULL) = (prepay_ratio IS NULL) AND (prepaid IS NULL) = (prepaid_on IS NULL)
           AND (prepaid IS NULL) = (prepaid_by IS NULL)),
    CHECK (prepaid IS NULL OR prepaid = round(declared * prepay_ratio, 2)),
    CHECK ((status = 'SETTLED') = (approved IS NOT NULL)),
    CHECK ((approved IS NULL) = (settlement IS NULL) AND (approved IS NULL) = (settled_on IS NULL)
           AND (approved IS NULL) = (settled_by IS NULL) AND (approved IS NULL) = (paper_received_on IS NULL)),
    CHECK (approved IS NULL OR (approved <= declared AND settlement = approved - prepaid))
);
CREATE INDEX workinjury_medical_statement_region_idx ON workinjury_medical_statement (region_code, status, bill_month);

-- The line items of a statement as submitted (the file's line number, the patient as the registry knows them, with
-- the ID number masked, the recognized injury the line is paid for, the day, the item, the amount).
CREATE TABLE workinjury_medical_line (
    statement_id    BIGINT        NOT NULL,
    region_code     CHAR(6)       NOT NULL,
    line_no         INT           NOT NULL CHECK (line_no > 0),
    person_id       BIGINT        NOT NULL,
    patient_name    TEXT          NOT NULL,
    id_masked       TEXT          NOT NULL,
    recognition_id  BIGINT        NOT NULL,
    treated_on      DATE          NOT NULL,
    item            TEXT          NOT NULL CHECK (char_length(item) BETWEEN 1 AND 100),
    amount          NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (statement_id, line_no, region_code),
    FOREIGN KEY (statement_id, region_code) REFERENCES workinjury_medical_statement (id, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_recognition (id, region_code)
);

-- Every step of a statement (submitted, re-submitted, pre-paid, settled): who, when, what (append-only).
CREATE TABLE workinjury_medical_history (
    id              BIGSERIAL    NOT NULL,
    region_code     CHAR(6)      NOT NULL,
    statement_id    BIGINT       NOT NULL,
    step            TEXT         NOT NULL CHECK (step IN ('SUBMITTED', 'RESUBMITTED', 'PREPAID', 'SETTLED')),
    detail          TEXT         CHECK (char_length(detail) <= 400),
    actor           TEXT         NOT NULL,
    actor_name      TEXT         NOT NULL,
    at              TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (statement_id, region_code) REFERENCES workinjury_medical_statement (id, region_code)
);
CREATE INDEX workinjury_medical_history_statement_idx ON workinjury_medical_history (statement_id, at);
CREATE TRIGGER workinjury_medical_history_append_only BEFORE UPDATE OR DELETE ON workinjury_medical_history
    FOR EACH ROW EXECUTE FUNCTION workinjury_history_append_only();

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['workinjury_institution', 'workinjury_institution_user', 'workinjury_medical_statement',
        'workinjury_medical_line', 'workinjury_medical_history'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
