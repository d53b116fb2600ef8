-- Issue 12, item 4 (SX-1b 多退): a month settled below its pre-payment leaves the over-pre-payment receivable from the
-- institution (1241). Its repayments (amount, day received; partial allowed) are recorded against the statement:
-- Dr bank 1002 / Cr 1241. The statement keeps the sum repaid, never above what the settlement left owed; two
-- repayments at once are decided by the one-row UPDATE that raises it (the second finds the balance changed).
ALTER TABLE workinjury_medical_statement ADD COLUMN repaid NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (repaid >= 0),
    ADD CONSTRAINT workinjury_medical_statement_repaid
        CHECK (repaid = 0 OR (status = 'SETTLED' AND settlement < 0 AND repaid <= -settlement));

CREATE TABLE workinjury_medical_repayment (
    id              BIGSERIAL     NOT NULL,
    region_code     CHAR(6)       NOT NULL,
    statement_id    BIGINT        NOT NULL,
    amount          NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    received_on     DATE          NOT NULL,
    reference       TEXT          CHECK (char_length(reference) <= 50),
    recorded_by     TEXT          NOT NULL,
    recorded_by_name TEXT         NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (statement_id, region_code) REFERENCES workinjury_medical_statement (id, region_code)
);
CREATE INDEX workinjury_medical_repayment_statement_idx ON workinjury_medical_repayment (statement_id);

CREATE TRIGGER workinjury_medical_repayment_region_fixed BEFORE UPDATE OF region_code ON workinjury_medical_repayment
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();

-- a repayment is a step of the statement's history
ALTER TABLE workinjury_medical_history DROP CONSTRAINT workinjury_medical_history_step_check,
    ADD CONSTRAINT workinjury_medical_history_step_check
        CHECK (step IN ('SUBMITTED', 'RESUBMITTED', 'PREPAID', 'SETTLED', 'REPAID'));
