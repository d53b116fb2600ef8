-- Recoveries (追回, issue 15 item 5): an over-payment is a case of its own. Opening it books the receivable (1231
-- 应收多发待遇 of the fund that paid); each step (a deduction from a later payroll run, a repayment received, an
-- approved write-off) is booked against that receivable and recorded in the case's history. The balance is a fact
-- the database keeps: never below zero, never above the amount, zero exactly when the case is closed.
CREATE TABLE recovery_case (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    person_id    BIGINT        NOT NULL,
    person_name  VARCHAR(50)   NOT NULL,
    fund         VARCHAR(16)   NOT NULL CHECK (fund IN ('PENSION','UNEMPLOYMENT','WORK_INJURY')),
    cause        VARCHAR(24)   NOT NULL CHECK (cause IN ('DEATH','PREPAYMENT_SETTLEMENT','BENEFIT_STOPPED',
                                                         'SETTLEMENT_DECISION','OTHER')),
    source_ref   VARCHAR(80)   NOT NULL,   -- what found the over-payment: payroll-order:42, settlement-item:7, case …
    case_ref     VARCHAR(40),              -- the benefit case it belongs to, if any
    paid_order   BIGINT,                   -- the standing order that over-paid, if known
    clauses      VARCHAR(100)  NOT NULL,
    amount       NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    balance      NUMERIC(12,2) NOT NULL,
    status       VARCHAR(12)   NOT NULL CHECK (status IN ('OPEN','DEDUCTING','REQUESTED','CLOSED')),
    deduct_order BIGINT,                   -- while DEDUCTING: the order whose later payments are deducted
    booked_as    VARCHAR(80)   NOT NULL,   -- the voucher that booked the receivable
    opened_by    VARCHAR(64)   NOT NULL,
    opened_at    TIMESTAMPTZ   NOT NULL,
    notice_at    TIMESTAMPTZ,              -- the payment request (追回通知) issued
    version      INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id, region_code),
    CONSTRAINT recovery_case_source UNIQUE (source_ref, region_code),
    CONSTRAINT recovery_case_balance CHECK (balance >= 0 AND balance <= amount),
    CONSTRAINT recovery_case_closed CHECK ((status = 'CLOSED') = (balance = 0)),
    CONSTRAINT recovery_case_deducting CHECK ((status = 'DEDUCTING') = (deduct_order IS NOT NULL))
);
CREATE INDEX recovery_case_person_idx ON recovery_case (person_id);
CREATE INDEX recovery_case_status_idx ON recovery_case (region_code, status);

-- A write-off (核销) is requested by one user and approved by another (maker-checker, as the payroll approval): the
-- database refuses the maker deciding, and a second open request of the same case.
CREATE TABLE recovery_writeoff (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    case_id      BIGINT        NOT NULL,
    amount       NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    reason       TEXT          NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 300),
    status       VARCHAR(10)   NOT NULL CHECK (status IN ('REQUESTED','APPROVED','REJECTED')),
    requested_by VARCHAR(64)   NOT NULL,
    requested_at TIMESTAMPTZ   NOT NULL,
    decided_by   VARCHAR(64),
    decided_at   TIMESTAMPTZ,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (case_id, region_code) REFERENCES recovery_case (id, region_code),
    CONSTRAINT recovery_writeoff_decided CHECK ((status = 'REQUESTED') = (decided_by IS NULL)
                                                AND (decided_by IS NULL) = (decided_at IS NULL)),
    CONSTRAINT recovery_writeoff_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE UNIQUE INDEX recovery_writeoff_one_open ON recovery_writeoff (case_id, region_code) WHERE status = 'REQUESTED';

-- The deductions from later payroll runs, one a month: each is a DEDUCTION adjustment of the payroll (paid once, by
-- the run that pays the order) and is booked by that run (Dr 1002 … Cr 1231 through its negative line).
CREATE TABLE recovery_installment (
    case_id       BIGINT        NOT NULL,
    region_code   CHAR(6)       NOT NULL,
    month         DATE          NOT NULL,
    adjustment_id BIGINT        NOT NULL,
    amount        NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    paid_run      BIGINT,
    PRIMARY KEY (case_id, month, region_code),
    CONSTRAINT recovery_installment_adjustment UNIQUE (adjustment_id, region_code),
    FOREIGN KEY (case_id, region_code) REFERENCES recovery_case (id, region_code)
);

-- The case's history: every step, with the amount, the balance after it and the voucher that booked it (append-only).
CREATE TABLE recovery_step (
    id            BIGSERIAL     NOT NULL,
    region_code   CHAR(6)       NOT NULL,
    case_id       BIGINT        NOT NULL,
    kind          VARCHAR(20)   NOT NULL CHECK (kind IN ('OPENED','DEDUCTION_STARTED','DEDUCTED','PAYMENT_REQUESTED',
                                                         'REPAID','WRITE_OFF_REQUESTED','WRITE_OFF_REJECTED',
                                                         'WRITTEN_OFF','CLOSED')),
    amount        NUMERIC(12,2),
    balance_after NUMERIC(12,2) NOT NULL CHECK (balance_after >= 0),
    voucher       VARCHAR(80),
    paid_on       DATE,
    writeoff_id   BIGINT,
    note          TEXT          CHECK (char_length(note) <= 300),
    actor         VARCHAR(64)   NOT NULL,
    at            TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (case_id, region_code) REFERENCES recovery_case (id, region_code),
    FOREIGN KEY (writeoff_id, region_code) REFERENCES recovery_writeoff (id, region_code),
    CONSTRAINT recovery_step_amount CHECK (amount IS NULL OR amount > 0),
    CONSTRAINT recovery_step_writeoff CHECK (kind <> 'WRITTEN_OFF' OR writeoff_id IS NOT NULL)
);
CREATE INDEX recovery_step_case_idx ON recovery_step (case_id, id);

-- no write-off without its approval: the step names an approved request, decided by someone else than its maker
CREATE FUNCTION recovery_step_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'recovery_step is append-only: % refused', TG_OP;
    END IF;
    IF NEW.kind = 'WRITTEN_OFF' AND NOT EXISTS (
            SELECT 1 FROM recovery_writeoff w WHERE w.id = NEW.writeoff_id AND w.region_code = NEW.region_code
               AND w.case_id = NEW.case_id AND w.status = 'APPROVED' AND w.decided_by <> w.requested_by) THEN
        RAISE EXCEPTION 'a write-off needs an approved request of a second user';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recovery_step_guard BEFORE INSERT OR UPDATE OR DELETE ON recovery_step
    FOR EACH ROW EXECUTE FUNCTION recovery_step_guard();

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['recovery_case', 'recovery_writeoff', 'recovery_installment', 'recovery_step'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
