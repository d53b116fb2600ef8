-- Issue 11, items 4 and 5: employers' deferral (缓缴), payments and their matching to bills, arrears and late fees,
-- and the books of contributions per fund.

-- A bill is one per employer and month whatever its status (it was unique while open only): once money has been
-- matched to it, it is no longer recomputed, and a second assessment of the month returns it. It carries the day its
-- payment is due (contribution.bill.dueDay of the month after), what has been paid against it and its status.
DROP INDEX contribution_bill_open_key;
CREATE UNIQUE INDEX contribution_bill_month_key ON contribution_bill (employer_id, year, month, region_code);
ALTER TABLE contribution_bill DROP CONSTRAINT contribution_bill_status_check;
ALTER TABLE contribution_bill ADD CONSTRAINT contribution_bill_status_check
    CHECK (status IN ('OPEN', 'PART_PAID', 'PAID'));
ALTER TABLE contribution_bill ADD COLUMN paid NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (paid >= 0);
ALTER TABLE contribution_bill ADD COLUMN due_on DATE;
UPDATE contribution_bill SET due_on = make_date(year, month, 15) + INTERVAL '1 month';
ALTER TABLE contribution_bill ALTER COLUMN due_on SET NOT NULL;
ALTER TABLE contribution_bill ADD CONSTRAINT contribution_bill_paid_status CHECK (
    (status = 'OPEN' AND paid = 0) OR (status = 'PART_PAID' AND paid > 0 AND paid < total_due)
    OR (status = 'PAID' AND paid = total_due));

-- An employer's deferral of its contributions (缓缴, 人社部发〔2020〕11号 第三条), approved by a reviewer through the
-- casework workflow (case type EMPLOYER_DEFERRAL): the months covered (费款所属期 from_month .. to_month, at most
-- contribution.deferral.employer.maxMonths), the day it ends (the due date of the last month's bill: every month covered
-- is paid by then with no late fee), the case.
-- Its back-payment deadline (lifted + 3 months, FJ-1.4) is tracked by the policy module.
CREATE TABLE contribution_employer_deferral (
    id             BIGSERIAL    NOT NULL,
    region_code    CHAR(6)      NOT NULL,
    employer_id    BIGINT       NOT NULL,
    from_month     DATE         NOT NULL CHECK (extract(day FROM from_month) = 1),
    to_month       DATE         NOT NULL CHECK (extract(day FROM to_month) = 1 AND to_month >= from_month),
    months         SMALLINT     NOT NULL CHECK (months BETWEEN 1 AND 12),
    ends_on        DATE         NOT NULL CHECK (ends_on > to_month),
    reason         TEXT         NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
    source         TEXT         NOT NULL,
    case_reference TEXT         NOT NULL,
    approved_by    TEXT         NOT NULL,
    approved_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    CONSTRAINT contribution_employer_deferral_case UNIQUE (case_reference, region_code)
);
CREATE INDEX contribution_employer_deferral_employer_idx ON contribution_employer_deferral (employer_id, from_month);

-- A payment file from the tax/bank collection channel: imported once (its SHA-256 is unique per region), all lines
-- or none.
CREATE TABLE contribution_payment_file (
    id          BIGSERIAL     NOT NULL,
    region_code CHAR(6)       NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    file_name   TEXT          CHECK (char_length(file_name) <= 255),
    line_count  INT           NOT NULL CHECK (line_count > 0),
    total       NUMERIC(16,2) NOT NULL CHECK (total > 0),
    imported_by TEXT          NOT NULL,
    imported_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    CONSTRAINT contribution_payment_file_once UNIQUE (sha256, region_code)
);

-- A payment for one employer and month (费款所属期), from a file line or recorded online, with the channel's own
-- reference (流水号: unique, so the same payment is never counted twice, even from parallel requests). Matched to the
-- month's bill: the part applied to it (allocated) and what is left over (excess: the whole amount when no bill
-- could be matched, bill_id NULL; an overpayment otherwise). The late fee on the part applied after the due date
-- (社会保险法 第八十六条), with the waiver that applied and its sources, or NULL fee columns when paid in time.
CREATE TABLE contribution_payment (
    id            BIGSERIAL     NOT NULL,
    region_code   CHAR(6)       NOT NULL,
    employer_id   BIGINT        NOT NULL,
    year          SMALLINT      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    month         SMALLINT      NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount        NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    paid_on       DATE          NOT NULL,
    channel       TEXT          NOT NULL CHECK (channel IN ('FILE', 'ONLINE')),
    reference     TEXT          NOT NULL CHECK (char_length(reference) BETWEEN 1 AND 40),
    file_id       BIGINT,
    line_no       INT           CHECK (line_no > 0),
    bill_id       BIGINT,
    allocated     NUMERIC(14,2) NOT NULL CHECK (allocated >= 0),
    excess        NUMERIC(14,2) NOT NULL CHECK (excess >= 0),
    fee_due_on    DATE,
    fee_days      INT           CHECK (fee_days >= 0),
    fee_computed  NUMERIC(14,2) CHECK (fee_computed >= 0),
    fee_waived    NUMERIC(14,2) CHECK (fee_waived >= 0),
    fee_charged   NUMERIC(14,2) CHECK (fee_charged >= 0),
    fee_waiver    TEXT,
    fee_sources   TEXT,
    recorded_by   TEXT          NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    CONSTRAINT contribution_payment_reference UNIQUE (reference, region_code),
    FOREIGN KEY (file_id, region_code) REFERENCES contribution_payment_file (id, region_code),
    FOREIGN KEY (bill_id, region_code) REFERENCES contribution_bill (id, region_code),
    CHECK (amount = allocated + excess),
    CHECK (bill_id IS NOT NULL OR allocated = 0),
    CHECK ((channel = 'FILE') = (file_id IS NOT NULL AND line_no IS NOT NULL)),
    CHECK ((fee_days IS NULL) = (fee_computed IS NULL) AND (fee_days IS NULL) = (fee_charged IS NULL)),
    CHECK (fee_computed IS NULL OR fee_computed = fee_waived + fee_charged),
    CHECK ((fee_waiver IS NULL) OR fee_computed IS NOT NULL)
);
CREATE INDEX contribution_payment_employer_idx ON contribution_payment (employer_id, year, month);
CREATE INDEX contribution_payment_bill_idx ON contribution_payment (bill_id) WHERE bill_id IS NOT NULL;

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contribution_employer_deferral', 'contribution_payment_file', 'contribution_payment'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;

-- The books of contributions, in each fund's chart (社会保险基金会计制度): the bill (核定) makes the contributions
-- receivable and the fund's income; a payment moves the part applied from receivable to the collection account; a late
-- fee charged is receivable and income of its own.
ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_kind_check;
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_kind_check
    CHECK (kind IN ('ASSET', 'LIABILITY', 'EXPENSE', 'FUND', 'INCOME'));
INSERT INTO ledger_account (fund, code, name, name_en, kind)
SELECT f.code, a.code, a.name, a.name_en, a.kind FROM ledger_fund f CROSS JOIN (VALUES
    ('1001', '银行存款（收入户）', 'Bank deposits (collection account)', 'ASSET'),
    ('1131', '应收社会保险费', 'Contributions receivable', 'ASSET'),
    ('1132', '应收滞纳金', 'Late fees receivable', 'ASSET'),
    ('4001', '社会保险费收入', 'Contribution income', 'INCOME'),
    ('4101', '滞纳金收入', 'Late fee income', 'INCOME')) AS a (code, name, name_en, kind);
