-- Bank returns, bank-account changes and reissue (issue 15, item 4; N-1e, FJ-1.7: every payment comes from the system
-- and is booked).
--
-- A payment is what one line of the bank file asks the bank to pay: the net of an approved run's lines of one standing
-- order (so one fund), to the account the order had when the run was computed. Payments are written when the run is
-- approved (from its frozen lines) and carry the reference the bank file and the bank's return file name. The return
-- settles each payment once: SENT → PAID or SENT → FAILED is a single-winner update, and a return file whose lines do
-- not all win is refused whole (all or nothing). A failed payment's money came back to the fund's bank account and is
-- owed to the recipient: it is booked Dr 1002 bank / Cr 2201 returned benefits payable. After the recipient's account
-- is corrected (a change approved by a second finance user), the failed payment is reissued once, as a REISSUE line of
-- the order in the next regular run (payroll_adjustment.reissue_of is unique), booked Dr 2201 / Cr 1002.

-- the returned-benefits payable of each fund's chart
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('PENSION', '2201', '应付待遇（银行退回待重发）', 'Benefits payable (returned by the bank, to reissue)', 'LIABILITY'),
    ('UNEMPLOYMENT', '2201', '应付待遇（银行退回待重发）', 'Benefits payable (returned by the bank, to reissue)', 'LIABILITY'),
    ('WORK_INJURY', '2201', '应付待遇（银行退回待重发）', 'Benefits payable (returned by the bank, to reissue)', 'LIABILITY');

-- the recipient's bank, when known (else the bank is read from the account number's prefix, per the layouts in force)
ALTER TABLE payroll_order ADD COLUMN bank_code VARCHAR(16);

-- the payroll's vocabulary: a reissued payment is a kind of adjustment and of line
ALTER TABLE payroll_line DROP CONSTRAINT payroll_line_kind_check,
    ADD CONSTRAINT payroll_line_kind_check
        CHECK (kind IN ('REGULAR', 'PREPAYMENT', 'ARREARS', 'SETTLEMENT', 'DEDUCTION', 'RECOVERY', 'LUMP_SUM', 'REISSUE'));
ALTER TABLE payroll_adjustment DROP CONSTRAINT payroll_adjustment_kind_check,
    ADD CONSTRAINT payroll_adjustment_kind_check
        CHECK (kind IN ('ARREARS', 'SETTLEMENT', 'DEDUCTION', 'RECOVERY', 'PREPAYMENT', 'LUMP_SUM', 'REISSUE'));
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_kind_check,
    ADD CONSTRAINT payroll_chunk_total_kind_check
        CHECK (kind IN ('REGULAR', 'PREPAYMENT', 'ARREARS', 'SETTLEMENT', 'DEDUCTION', 'RECOVERY', 'LUMP_SUM', 'REISSUE'));

CREATE TABLE payroll_bank_return (
    id            BIGSERIAL     NOT NULL,
    region_code   CHAR(6)       NOT NULL,
    run_id        BIGINT        NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    paid          INT           NOT NULL CHECK (paid >= 0),
    failed        INT           NOT NULL CHECK (failed >= 0),
    paid_amount   NUMERIC(16,2) NOT NULL CHECK (paid_amount >= 0),
    failed_amount NUMERIC(16,2) NOT NULL CHECK (failed_amount >= 0),
    imported_by   VARCHAR(64)   NOT NULL,
    imported_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT payroll_bank_return_pk PRIMARY KEY (id, region_code),
    -- the same file is imported once per run
    CONSTRAINT payroll_bank_return_file UNIQUE (run_id, sha256, region_code),
    CONSTRAINT payroll_bank_return_run FOREIGN KEY (run_id, region_code) REFERENCES payroll_run (id, region_code),
    CHECK (paid + failed > 0)
);

CREATE TABLE payroll_payment (
    id            BIGSERIAL     NOT NULL,
    region_code   CHAR(6)       NOT NULL,
    run_id        BIGINT        NOT NULL,
    order_id      BIGINT        NOT NULL,
    person_id     BIGINT        NOT NULL,
    benefit       VARCHAR(16)   NOT NULL CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY')),
    bank_code     VARCHAR(16),
    bank_account  VARCHAR(32)   NOT NULL,
    account_name  VARCHAR(50)   NOT NULL,
    amount        NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    status        VARCHAR(8)    NOT NULL DEFAULT 'SENT' CHECK (status IN ('SENT', 'PAID', 'FAILED')),
    reason        VARCHAR(200),
    return_id     BIGINT,
    CONSTRAINT payroll_payment_pk PRIMARY KEY (id, region_code),
    CONSTRAINT payroll_payment_order UNIQUE (run_id, order_id, region_code),
    CONSTRAINT payroll_payment_run FOREIGN KEY (run_id, region_code) REFERENCES payroll_run (id, region_code),
    CONSTRAINT payroll_payment_return FOREIGN KEY (return_id, region_code) REFERENCES payroll_bank_return (id, region_code),
    -- settled by exactly one return; a failure has its reason
    CHECK ((status = 'SENT') = (return_id IS NULL)),
    CHECK ((status = 'FAILED') = (reason IS NOT NULL))
);
CREATE INDEX payroll_payment_failed_idx ON payroll_payment (region_code, order_id) WHERE status = 'FAILED';

-- a settled payment stays settled: neither its result nor what was sent changes
CREATE FUNCTION payroll_payment_settled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'SENT' OR (NEW.id, NEW.run_id, NEW.order_id, NEW.person_id, NEW.benefit,
        NEW.bank_account, NEW.account_name, NEW.amount) IS DISTINCT FROM (OLD.id, OLD.run_id, OLD.order_id,
        OLD.person_id, OLD.benefit, OLD.bank_account, OLD.account_name, OLD.amount) THEN
        RAISE EXCEPTION 'payroll payment % is settled or sent: it cannot be changed', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payroll_payment_settled BEFORE UPDATE OR DELETE ON payroll_payment
    FOR EACH ROW EXECUTE FUNCTION payroll_payment_settled();

-- a failed payment is reissued once: one REISSUE adjustment per payment, paid by one run (paid_run)
ALTER TABLE payroll_adjustment ADD COLUMN reissue_of BIGINT,
    ADD CONSTRAINT payroll_adjustment_reissue_once UNIQUE (reissue_of, region_code),
    ADD CONSTRAINT payroll_adjustment_reissue_payment FOREIGN KEY (reissue_of, region_code)
        REFERENCES payroll_payment (id, region_code),
    ADD CONSTRAINT payroll_adjustment_reissue_kind CHECK ((kind = 'REISSUE') = (reissue_of IS NOT NULL));

-- a change of a standing order's bank account, requested by one finance user and approved (or rejected) by another;
-- the rows are the account's history
CREATE TABLE payroll_account_change (
    id            BIGSERIAL    NOT NULL,
    region_code   CHAR(6)      NOT NULL,
    order_id      BIGINT       NOT NULL,
    old_account   VARCHAR(32)  NOT NULL,
    old_name      VARCHAR(50)  NOT NULL,
    old_bank      VARCHAR(16),
    new_account   VARCHAR(32)  NOT NULL,
    new_name      VARCHAR(50)  NOT NULL,
    new_bank      VARCHAR(16)  NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    status        VARCHAR(8)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by  VARCHAR(64)  NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    TIMESTAMPTZ,
    reissued      INT,         -- failed payments scheduled for reissue by the approval
    CONSTRAINT payroll_account_change_pk PRIMARY KEY (id, region_code),
    CONSTRAINT payroll_account_change_order FOREIGN KEY (order_id, region_code) REFERENCES payroll_order (id, region_code),
    CONSTRAINT payroll_account_change_decided CHECK ((status = 'PENDING') = (decided_by IS NULL)
                                                     AND (decided_by IS NULL) = (decided_at IS NULL)),
    -- four eyes: the database refuses a decision by the one who asked
    CONSTRAINT payroll_account_change_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CONSTRAINT payroll_account_change_differs CHECK (new_account <> old_account OR new_name <> old_name)
);
-- one open request per order
CREATE UNIQUE INDEX payroll_account_change_open ON payroll_account_change (order_id, region_code) WHERE status = 'PENDING';

-- distributed by region_code like the rest of the payroll (V6_9): a row's region is fixed once written
CREATE TRIGGER payroll_bank_return_region_fixed BEFORE UPDATE OF region_code ON payroll_bank_return FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER payroll_payment_region_fixed BEFORE UPDATE OF region_code ON payroll_payment FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER payroll_account_change_region_fixed BEFORE UPDATE OF region_code ON payroll_account_change FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
