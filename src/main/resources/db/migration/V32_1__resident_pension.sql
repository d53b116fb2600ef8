-- The residents' pension (城乡居民基本养老保险, issue 13 item 2; 国发〔2014〕8号): a fund of its own with its chart of
-- accounts, the residents' yearly contributions and government subsidies that make the personal account (recorded by a
-- clerk, booked to the fund), the claims decided at approval of their case and their history, and the payroll's
-- vocabulary extended by the benefit RESIDENT_PENSION (booked to the residents' fund).

INSERT INTO ledger_fund (code, name, name_en) VALUES
    ('RESIDENT_PENSION', '城乡居民基本养老保险基金', 'Urban and rural residents'' basic pension fund');
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('RESIDENT_PENSION', '1001', '银行存款（收入户）', 'Bank deposits (collection account)', 'ASSET'),
    ('RESIDENT_PENSION', '1002', '银行存款（支出户）', 'Bank deposits (payments account)', 'ASSET'),
    ('RESIDENT_PENSION', '1231', '应收多发待遇', 'Over-payments receivable', 'ASSET'),
    ('RESIDENT_PENSION', '2201', '应付待遇（银行退回待重发）', 'Benefits payable (returned by the bank, to reissue)', 'LIABILITY'),
    ('RESIDENT_PENSION', '4001', '个人缴费收入', 'Residents'' contributions', 'INCOME'),
    ('RESIDENT_PENSION', '4201', '政府补贴收入', 'Government subsidies', 'INCOME'),
    ('RESIDENT_PENSION', '5401', '城乡居民基本养老金支出', 'Residents'' pension expense', 'EXPENSE');

-- the payroll's benefits: today's full list plus RESIDENT_PENSION (the merger unions the lists)
ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_benefit_check,
    ADD CONSTRAINT payroll_order_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM', 'SURVIVORS', 'INHERITANCE', 'RESIDENT_PENSION'));
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_benefit_check,
    ADD CONSTRAINT payroll_chunk_total_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM', 'SURVIVORS', 'INHERITANCE', 'RESIDENT_PENSION'));
ALTER TABLE payroll_payment DROP CONSTRAINT payroll_payment_benefit_check,
    ADD CONSTRAINT payroll_payment_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM', 'SURVIVORS', 'INHERITANCE', 'RESIDENT_PENSION'));

-- a resident's contribution of one year: the grade chosen (档次) and the government subsidy (政府补贴), both credited
-- to the personal account; one row a person a year, never changed (a correction is for the merger of a later issue)
CREATE TABLE resident_contribution (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    person_id    BIGINT        NOT NULL,
    year         INT           NOT NULL CHECK (year BETWEEN 2009 AND 2100),
    amount       NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    subsidy      NUMERIC(12,2) NOT NULL CHECK (subsidy >= 0),
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT resident_contribution_pk PRIMARY KEY (id, region_code),
    CONSTRAINT resident_contribution_year UNIQUE (person_id, year, region_code)
);
CREATE INDEX resident_contribution_person_idx ON resident_contribution (person_id);

-- a residents' pension claim, decided at approval: the facts, each part of the monthly amount, the order that pays it
CREATE TABLE resident_pension_claim (
    case_id             BIGINT        NOT NULL,
    region_code         CHAR(6)       NOT NULL,
    person_id           BIGINT        NOT NULL,
    case_reference      VARCHAR(40)   NOT NULL,
    applied_on          DATE          NOT NULL,
    reached_age_on      DATE          NOT NULL,
    contribution_years  INT           NOT NULL CHECK (contribution_years >= 0),
    required_years      INT           NOT NULL CHECK (required_years BETWEEN 0 AND 15),
    account_balance     NUMERIC(12,2) NOT NULL CHECK (account_balance >= 0),
    basic_amount        NUMERIC(12,2) NOT NULL CHECK (basic_amount > 0),
    account_amount      NUMERIC(12,2) NOT NULL CHECK (account_amount >= 0),
    monthly_amount      NUMERIC(12,2) NOT NULL CHECK (monthly_amount > 0),
    first_month         DATE          NOT NULL,
    arrears_months      INT           NOT NULL CHECK (arrears_months >= 0),
    order_id            BIGINT        NOT NULL,
    decision            TEXT          NOT NULL,
    approved_by         VARCHAR(64)   NOT NULL,
    approved_at         TIMESTAMPTZ   NOT NULL,
    CONSTRAINT resident_pension_claim_pk PRIMARY KEY (case_id, region_code),
    CONSTRAINT resident_pension_claim_parts CHECK (monthly_amount = basic_amount + account_amount)
);
-- one residents' pension a person
CREATE UNIQUE INDEX resident_pension_claim_person_uq ON resident_pension_claim (person_id, region_code);

-- what happened to a claim, in order; never changed
CREATE TABLE resident_pension_history (
    id          BIGSERIAL     NOT NULL,
    case_id     BIGINT        NOT NULL,
    region_code CHAR(6)       NOT NULL,
    action      VARCHAR(24)   NOT NULL,
    detail      VARCHAR(300)  NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT resident_pension_history_pk PRIMARY KEY (id, region_code),
    CONSTRAINT resident_pension_history_claim_fkey FOREIGN KEY (case_id, region_code)
        REFERENCES resident_pension_claim (case_id, region_code)
);
CREATE INDEX resident_pension_history_case_idx ON resident_pension_history (case_id);

CREATE TRIGGER resident_contribution_region_fixed BEFORE UPDATE OF region_code ON resident_contribution FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER resident_pension_claim_region_fixed BEFORE UPDATE OF region_code ON resident_pension_claim FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER resident_pension_history_region_fixed BEFORE UPDATE OF region_code ON resident_pension_history
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
