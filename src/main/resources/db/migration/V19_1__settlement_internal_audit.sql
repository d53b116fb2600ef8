-- Internal audit (稽核内审, issue 15 item 2; N-1e, FJ-1.7): an auditor draws a random sample of the flagged cases or
-- payments of one measure in their region, by a size or a share, with a recorded seed (the same seed over the same
-- population, ordered by its stable key, draws the same items); each sampled item gets one second review (correct,
-- or an error with its amount and a note). The auditor reads the cases and payments: nothing here writes to them.
CREATE TABLE settlement_audit_sample (
    id              BIGSERIAL     NOT NULL,
    region_code     CHAR(6)       NOT NULL,   -- the auditor's region: the population is it and the regions below
    population      VARCHAR(20)   NOT NULL,   -- CASES or PAYMENTS (a kind provided by the module that keeps them)
    measure         VARCHAR(60)   NOT NULL,   -- the flag the population carries
    population_size INT           NOT NULL CHECK (population_size > 0),
    population_hash CHAR(64)      NOT NULL,   -- sha-256 of the population's keys in order: the draw's input, checkable
    requested_size  INT           CHECK (requested_size > 0),
    requested_share NUMERIC(5,4)  CHECK (requested_share > 0 AND requested_share <= 1),
    sample_size     INT           NOT NULL CHECK (sample_size > 0),
    seed            BIGINT        NOT NULL,
    drawn_by        VARCHAR(64)   NOT NULL,
    drawn_at        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    CONSTRAINT settlement_audit_sample_size_or_share CHECK ((requested_size IS NULL) <> (requested_share IS NULL)),
    CONSTRAINT settlement_audit_sample_within CHECK (sample_size <= population_size)
);

CREATE TABLE settlement_audit_item (
    id           BIGSERIAL     NOT NULL,
    sample_id    BIGINT        NOT NULL,
    region_code  CHAR(6)       NOT NULL,     -- the sample's region (distributed with its sample)
    item_region  CHAR(6)       NOT NULL,     -- the item's own region (the sample's or one below it)
    position     INT           NOT NULL CHECK (position > 0),   -- order of the draw
    ref          VARCHAR(80)   NOT NULL,     -- the item in its module, e.g. casework-case:42, payroll-order:7
    case_ref     VARCHAR(40),
    label        TEXT          NOT NULL CHECK (char_length(label) <= 200),
    clauses      VARCHAR(100)  NOT NULL,
    amount       NUMERIC(14,2),              -- what was paid or is at stake, if any
    finding      VARCHAR(10)   CHECK (finding IN ('CORRECT', 'ERROR')),
    error_amount NUMERIC(14,2) CHECK (error_amount >= 0),
    note         TEXT          CHECK (char_length(note) <= 500),
    reviewed_by  VARCHAR(64),
    reviewed_at  TIMESTAMPTZ,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (sample_id, region_code) REFERENCES settlement_audit_sample (id, region_code),
    CONSTRAINT settlement_audit_item_once UNIQUE (sample_id, ref, region_code),
    CONSTRAINT settlement_audit_item_position UNIQUE (sample_id, position, region_code),
    CONSTRAINT settlement_audit_item_reviewed CHECK ((finding IS NULL) = (reviewed_by IS NULL)
                                                     AND (finding IS NULL) = (reviewed_at IS NULL)),
    CONSTRAINT settlement_audit_item_error CHECK ((finding = 'ERROR') = (error_amount IS NOT NULL)
                                                  AND (finding IS DISTINCT FROM 'ERROR' OR note IS NOT NULL))
);
CREATE INDEX settlement_audit_item_sample_idx ON settlement_audit_item (sample_id, position);

CREATE TRIGGER settlement_audit_sample_region_fixed BEFORE UPDATE OF region_code ON settlement_audit_sample
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER settlement_audit_item_region_fixed BEFORE UPDATE OF region_code ON settlement_audit_item
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
