-- Issue 11 (collection): late fees made collectable, employers' credits from overpayments, unidentified receipts.

-- A late-fee assessment (滞纳金核定): one per payment that settled part of a bill after its due date (社会保险法
-- 第八十六条: 自欠缴之日起，按日加收万分之五), with the days, the daily rate and its source, the fee computed, waived
-- (with the waiver's reason and its clauses: a deferral, N-5c / FJ-5c) and charged, split per fund the way it was booked
-- (应收滞纳金 against 滞纳金收入 of each fund). Paid by later money of the employer after its contributions (the order
-- is the platform's convention, Payments.allocate); WAIVED when nothing is charged.
CREATE TABLE contribution_late_fee (
    id                 BIGSERIAL     NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    employer_id        BIGINT        NOT NULL,
    year               SMALLINT      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    month              SMALLINT      NOT NULL CHECK (month BETWEEN 1 AND 12),
    bill_id            BIGINT        NOT NULL,
    payment_id         BIGINT        NOT NULL,
    overdue            NUMERIC(14,2) NOT NULL CHECK (overdue > 0),
    due_on             DATE          NOT NULL,
    settled_on         DATE          NOT NULL CHECK (settled_on > due_on),
    days               INT           NOT NULL CHECK (days > 0),
    daily_rate         NUMERIC(9,6)  NOT NULL CHECK (daily_rate > 0 AND daily_rate < 0.01),
    computed           NUMERIC(14,2) NOT NULL CHECK (computed >= 0),
    waived             NUMERIC(14,2) NOT NULL CHECK (waived >= 0),
    charged            NUMERIC(14,2) NOT NULL CHECK (charged >= 0),
    waiver             TEXT,
    sources            TEXT          NOT NULL,
    pension_share      NUMERIC(14,2) NOT NULL CHECK (pension_share >= 0),
    unemployment_share NUMERIC(14,2) NOT NULL CHECK (unemployment_share >= 0),
    work_injury_share  NUMERIC(14,2) NOT NULL CHECK (work_injury_share >= 0),
    paid               NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    status             TEXT          NOT NULL CHECK (status IN ('OPEN', 'PART_PAID', 'PAID', 'WAIVED')),
    assessed_at        TIMESTAMPTZ   NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id, region_code),
    CONSTRAINT contribution_late_fee_payment_once UNIQUE (payment_id, region_code),
    FOREIGN KEY (bill_id, region_code) REFERENCES contribution_bill (id, region_code),
    FOREIGN KEY (payment_id, region_code) REFERENCES contribution_payment (id, region_code),
    CHECK (computed = waived + charged),
    CHECK (pension_share + unemployment_share + work_injury_share = charged),
    CHECK ((waiver IS NULL) = (waived = 0)),
    CHECK (paid <= charged),
    CHECK ((status = 'WAIVED' AND charged = 0 AND paid = 0) OR (status = 'OPEN' AND charged > 0 AND paid = 0)
        OR (status = 'PART_PAID' AND paid > 0 AND paid < charged) OR (status = 'PAID' AND charged > 0 AND paid = charged))
);
CREATE INDEX contribution_late_fee_employer_idx ON contribution_late_fee (employer_id, year, month);
CREATE INDEX contribution_late_fee_open_idx ON contribution_late_fee (region_code) WHERE status IN ('OPEN', 'PART_PAID');

-- What a payment paid of late fees: one row per fee and payment.
CREATE TABLE contribution_late_fee_paid (
    id          BIGSERIAL     NOT NULL,
    region_code CHAR(6)       NOT NULL,
    late_fee_id BIGINT        NOT NULL,
    payment_id  BIGINT        NOT NULL,
    amount      NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    paid_on     DATE          NOT NULL,
    PRIMARY KEY (id, region_code),
    CONSTRAINT contribution_late_fee_paid_once UNIQUE (late_fee_id, payment_id, region_code),
    FOREIGN KEY (late_fee_id, region_code) REFERENCES contribution_late_fee (id, region_code),
    FOREIGN KEY (payment_id, region_code) REFERENCES contribution_payment (id, region_code)
);

-- A payment: the part applied to late fees (fees_paid), and its channel may be CREDIT (the employer's credit applied
-- to a bill, automatically). What is left (excess) is the employer's credit.
ALTER TABLE contribution_payment ADD COLUMN fees_paid NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (fees_paid >= 0);
DO $$
DECLARE c TEXT;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'contribution_payment'::regclass AND contype = 'c'
               AND (pg_get_constraintdef(oid) LIKE '%amount = (allocated + excess)%'
                    OR pg_get_constraintdef(oid) LIKE '%channel = ANY%' OR pg_get_constraintdef(oid) LIKE '%''FILE''::text)%')
    LOOP
        EXECUTE format('ALTER TABLE contribution_payment DROP CONSTRAINT %I', c);
    END LOOP;
END $$;
ALTER TABLE contribution_payment ADD CONSTRAINT contribution_payment_channel_check
    CHECK (channel IN ('FILE', 'ONLINE', 'CREDIT'));
ALTER TABLE contribution_payment ADD CONSTRAINT contribution_payment_file_line
    CHECK ((channel = 'FILE') = (file_id IS NOT NULL AND line_no IS NOT NULL));
ALTER TABLE contribution_payment ADD CONSTRAINT contribution_payment_parts
    CHECK (amount = allocated + fees_paid + excess);
ALTER TABLE contribution_payment ADD CONSTRAINT contribution_payment_credit_exact
    CHECK (channel <> 'CREDIT' OR (excess = 0 AND bill_id IS NOT NULL));

-- An employer's credit (预收：多缴待抵): the balance, never below zero (the database refuses it), and every movement:
-- a payment's excess (OVERPAID), an unidentified receipt matched to it (MATCHED), applied to a bill (APPLIED), a refund
-- requested (REFUND, reserved at once) and given back when the refund is rejected (REFUND_REJECTED); the day the money
-- of a movement was there (available_on: the day paid or received), so that a credit applied to a later bill counts as
-- paid on the latest day its money came in, never earlier.
CREATE TABLE contribution_employer_credit (
    employer_id BIGINT        NOT NULL,
    region_code CHAR(6)       NOT NULL,
    balance     NUMERIC(14,2) NOT NULL CHECK (balance >= 0),
    PRIMARY KEY (employer_id, region_code)
);
CREATE TABLE contribution_credit_movement (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    employer_id  BIGINT        NOT NULL,
    kind         TEXT          NOT NULL CHECK (kind IN ('OVERPAID', 'MATCHED', 'APPLIED', 'REFUND', 'REFUND_REJECTED')),
    amount       NUMERIC(14,2) NOT NULL CHECK (amount <> 0),
    payment_id   BIGINT,
    receipt_id   BIGINT,
    refund_id    BIGINT,
    available_on DATE          NOT NULL,
    recorded_by  TEXT          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    CHECK ((kind IN ('OVERPAID', 'MATCHED', 'REFUND_REJECTED')) = (amount > 0)),
    CHECK (kind NOT IN ('OVERPAID', 'APPLIED') OR payment_id IS NOT NULL),
    CHECK (kind <> 'MATCHED' OR receipt_id IS NOT NULL),
    CHECK (kind NOT IN ('REFUND', 'REFUND_REJECTED') OR refund_id IS NOT NULL)
);
CREATE INDEX contribution_credit_movement_employer_idx ON contribution_credit_movement (employer_id, id);

-- A refund of an employer's credit: requested (the amount reserved off the balance), then approved or rejected by
-- another user of the collection section (never the one who asked).
CREATE TABLE contribution_credit_refund (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    employer_id  BIGINT        NOT NULL,
    amount       NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    reason       TEXT          NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
    status       TEXT          NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by TEXT          NOT NULL,
    requested_at TIMESTAMPTZ   NOT NULL,
    decided_by   TEXT,
    decided_at   TIMESTAMPTZ,
    note         TEXT          CHECK (char_length(note) <= 500),
    PRIMARY KEY (id, region_code),
    CHECK ((status = 'REQUESTED') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX contribution_credit_refund_employer_idx ON contribution_credit_refund (employer_id);

-- A receipt in the collection account that cannot be matched to an employer (暂收款: unknown reference or payer), with
-- the bank's reference (unique per region), until finance matches it to an employer (its credit, applied to its
-- bills) or refunds it; either once (UPDATE … WHERE status = 'UNMATCHED').
CREATE TABLE contribution_receipt (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    reference    TEXT          NOT NULL CHECK (char_length(reference) BETWEEN 1 AND 40),
    amount       NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    received_on  DATE          NOT NULL,
    payer        TEXT          CHECK (char_length(payer) <= 200),
    status       TEXT          NOT NULL CHECK (status IN ('UNMATCHED', 'MATCHED', 'REFUNDED')),
    employer_id  BIGINT,
    recorded_by  TEXT          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    resolved_by  TEXT,
    resolved_at  TIMESTAMPTZ,
    note         TEXT          CHECK (char_length(note) <= 500),
    PRIMARY KEY (id, region_code),
    CONSTRAINT contribution_receipt_reference UNIQUE (reference, region_code),
    CHECK ((status = 'MATCHED') = (employer_id IS NOT NULL)),
    CHECK ((status = 'UNMATCHED') = (resolved_by IS NULL) AND (resolved_by IS NULL) = (resolved_at IS NULL))
);

-- Every state change of a late fee, a refund or a receipt.
CREATE TABLE contribution_collection_history (
    id          BIGSERIAL   NOT NULL,
    region_code CHAR(6)     NOT NULL,
    item        TEXT        NOT NULL CHECK (item IN ('LATE_FEE', 'REFUND', 'RECEIPT')),
    item_id     BIGINT      NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    amount      NUMERIC(14,2),
    by_user     TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    note        TEXT,
    PRIMARY KEY (id, region_code)
);
CREATE INDEX contribution_collection_history_item_idx ON contribution_collection_history (item, item_id);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contribution_late_fee', 'contribution_late_fee_paid', 'contribution_employer_credit',
            'contribution_credit_movement', 'contribution_credit_refund', 'contribution_receipt',
            'contribution_collection_history'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;

-- The two liabilities of collection, in the pension fund's chart (the collection account 1001 of that fund receives
-- money not yet allocated to a fund; applied to a bill, each other fund's share is transferred to its own 1001):
-- 2121 预收社会保险费 (employers' credits) and 2131 暂收款 (receipts not yet identified).
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('PENSION', '2121', '预收社会保险费（单位多缴待抵）', 'Contributions received in advance (employer credits)', 'LIABILITY'),
    ('PENSION', '2131', '暂收款（待查明缴费）', 'Unidentified receipts', 'LIABILITY');
