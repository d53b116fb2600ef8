-- Issue 11, items 6 (N-5b / N-5c, FJ-5b / FJ-5c) and 7: a flexible worker's own pension payments (灵活就业人员缴费),
-- made late as a lump sum (一次性补缴), a gap payment (中断补缴) or periodic payments (定期缴费), and every paid month
-- in the person's rights record, from those payments and from the employer's bills paid in full.

-- One payment by (or for) a person: the months it covers (from_month .. to_month of one year), the base chosen and
-- the base used (clamped to the floor and ceiling), the amount and the part credited to the personal account, the
-- day paid, and the late fee on it, with the waiver and its sources (N-5c / FJ-5c) when waived.
CREATE TABLE contribution_person_payment (
    id             BIGSERIAL     NOT NULL,
    region_code    CHAR(6)       NOT NULL,
    person_id      BIGINT        NOT NULL,
    mode           TEXT          NOT NULL CHECK (mode IN ('LUMP_SUM', 'GAP', 'PERIODIC')),
    year           SMALLINT      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    from_month     SMALLINT      NOT NULL CHECK (from_month BETWEEN 1 AND 12),
    to_month       SMALLINT      NOT NULL CHECK (to_month BETWEEN from_month AND 12),
    months         SMALLINT      NOT NULL CHECK (months BETWEEN 1 AND 12),
    declared_base  NUMERIC(12,2) NOT NULL CHECK (declared_base >= 0),
    base_used      NUMERIC(12,2) NOT NULL CHECK (base_used >= 0),
    amount         NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    account_credit NUMERIC(14,2) NOT NULL CHECK (account_credit >= 0 AND account_credit <= amount),
    paid_on        DATE          NOT NULL,
    fee_computed   NUMERIC(14,2) NOT NULL CHECK (fee_computed >= 0),
    fee_waived     NUMERIC(14,2) NOT NULL CHECK (fee_waived >= 0),
    fee_charged    NUMERIC(14,2) NOT NULL CHECK (fee_charged >= 0),
    flags          TEXT          NOT NULL DEFAULT '',
    recorded_by    TEXT          NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id, region_code),
    CHECK (fee_computed = fee_waived + fee_charged)
);
CREATE INDEX contribution_person_payment_person_idx ON contribution_person_payment (person_id, year);

-- A paid month of a person's record (费款所属期), one per person and month (one winner: a month is never paid twice):
-- the base, the personal-account credit, the day paid, where it came from (a person's payment or an employer's bill),
-- whether it counts as paid in its own month (in time, or late under N-5c / FJ-5c: no break in continuity) or as a
-- back payment after a break (late under the normal rules), the rule that decided it and why, and the flags (the
-- clauses it was accepted under). The yearly rows of contribution_year hold the history loaded in bulk.
CREATE TABLE contribution_month (
    person_id      BIGINT        NOT NULL,
    region_code    CHAR(6)       NOT NULL,
    year           SMALLINT      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    month          SMALLINT      NOT NULL CHECK (month BETWEEN 1 AND 12),
    base           NUMERIC(12,2) NOT NULL CHECK (base >= 0),
    account_credit NUMERIC(12,2) NOT NULL CHECK (account_credit >= 0),
    amount         NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    due_on         DATE          NOT NULL,
    paid_on        DATE          NOT NULL,
    source         TEXT          NOT NULL CHECK (source IN ('PERSON', 'BILL')),
    payment_id     BIGINT,
    bill_id        BIGINT,
    own_month      BOOLEAN       NOT NULL,
    rule           TEXT          NOT NULL CHECK (rule IN ('ON_TIME', 'MEASURE', 'NORMAL')),
    reason         TEXT          NOT NULL,
    fee_charged    NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (fee_charged >= 0),
    flags          TEXT          NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, year, month, region_code),
    CHECK ((source = 'PERSON') = (payment_id IS NOT NULL) AND (source = 'BILL') = (bill_id IS NOT NULL)),
    CHECK (own_month = (rule <> 'NORMAL'))
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contribution_person_payment', 'contribution_month'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
