-- Issue 15 item 6: the death of a pension recipient (社会保险法 第十七条, 第十四条).
-- A death recorded by a clerk with its evidence, or from the civil-affairs death data (SX-2, N-1e): one row per
-- person, the first record wins (the orders are stopped and the months paid after the death month booked as
-- recoveries by the payroll, StandingOrders.recordDeath).
CREATE TABLE pension_death (
    person_id    BIGINT        NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    died_on      DATE          NOT NULL,
    source       VARCHAR(8)    NOT NULL CHECK (source IN ('CLERK', 'IMPORT')),
    evidence     TEXT          NOT NULL CHECK (char_length(evidence) BETWEEN 1 AND 200),
    overpaid     NUMERIC(12,2) NOT NULL CHECK (overpaid >= 0),
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT pension_death_pk PRIMARY KEY (person_id, region_code)
);

-- The survivors' claim (丧葬补助金、抚恤金) with the inherited personal-account balance, as approved: one per deceased
-- (a second approval for the same deceased, or of the same case, loses on the keys). The amounts are checked here.
CREATE TABLE pension_survivor_award (
    case_id            BIGINT        NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    deceased_id        BIGINT        NOT NULL,
    case_reference     VARCHAR(40)   NOT NULL,
    died_on            DATE          NOT NULL,
    claimant_person_id BIGINT        NOT NULL,
    relationship       VARCHAR(8)    NOT NULL CHECK (relationship IN ('SPOUSE', 'CHILD', 'PARENT', 'OTHER')),
    funeral_grant      NUMERIC(12,2) NOT NULL CHECK (funeral_grant >= 0),
    survivors_benefit  NUMERIC(12,2) NOT NULL CHECK (survivors_benefit >= 0),
    inheritance        NUMERIC(12,2) NOT NULL CHECK (inheritance >= 0),
    payroll_month      DATE          NOT NULL,
    grant_order        BIGINT        NOT NULL,
    inheritance_order  BIGINT,
    decision           TEXT          NOT NULL,
    approved_by        VARCHAR(64)   NOT NULL,
    approved_at        TIMESTAMPTZ   NOT NULL,
    CONSTRAINT pension_survivor_award_pk PRIMARY KEY (case_id, region_code),
    CONSTRAINT pension_survivor_award_one_per_deceased UNIQUE (deceased_id, region_code),
    CONSTRAINT pension_survivor_award_inheritance_order CHECK ((inheritance > 0) = (inheritance_order IS NOT NULL))
);

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['pension_death', 'pension_survivor_award'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;

-- Two benefits of the pension fund paid once to the survivors, each to its own expense account: the grant and
-- benefit (SURVIVORS, 5003) and the inherited personal-account balance (INHERITANCE, 5004). Full lists of today's
-- values plus these two (other slices may extend the same constraints: the merger unions them).
ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_benefit_check,
    ADD CONSTRAINT payroll_order_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM', 'SURVIVORS', 'INHERITANCE'));
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_benefit_check,
    ADD CONSTRAINT payroll_chunk_total_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM', 'SURVIVORS', 'INHERITANCE'));
ALTER TABLE payroll_payment DROP CONSTRAINT payroll_payment_benefit_check,
    ADD CONSTRAINT payroll_payment_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM', 'SURVIVORS', 'INHERITANCE'));
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('PENSION', '5003', '丧葬补助金和抚恤金支出', 'Funeral grants and survivors'' benefits', 'EXPENSE'),
    ('PENSION', '5004', '个人账户余额继承支出', 'Personal-account balances paid to heirs', 'EXPENSE');
