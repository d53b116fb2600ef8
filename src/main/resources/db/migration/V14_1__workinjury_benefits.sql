-- Issue 12, item 3: work-injury benefits decided at the approval of a WORK_INJURY_BENEFIT case and paid by the payroll
-- from the work-injury fund (工伤保险条例 第三十五条、第六十四条): the one-time disability allowance as a one-off order
-- (LUMP_SUM), the monthly disability allowance (grades 1–4) and the nursing allowance as standing orders, months since
-- the appraisal paid as arrears. The fund's accounts 1002, 1231 and 5201 exist since V9_1.

-- the payroll's vocabulary: a benefit of the work-injury fund, and the one-off kind of order and line
ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_benefit_check,
    ADD CONSTRAINT payroll_order_benefit_check CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'));
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_benefit_check,
    ADD CONSTRAINT payroll_chunk_total_benefit_check CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'));
ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_kind_check,
    ADD CONSTRAINT payroll_order_kind_check CHECK (kind IN ('REGULAR', 'PREPAYMENT', 'LUMP_SUM'));
ALTER TABLE payroll_line DROP CONSTRAINT payroll_line_kind_check,
    ADD CONSTRAINT payroll_line_kind_check
        CHECK (kind IN ('REGULAR', 'PREPAYMENT', 'ARREARS', 'SETTLEMENT', 'DEDUCTION', 'RECOVERY', 'LUMP_SUM'));
ALTER TABLE payroll_adjustment DROP CONSTRAINT payroll_adjustment_kind_check,
    ADD CONSTRAINT payroll_adjustment_kind_check
        CHECK (kind IN ('ARREARS', 'SETTLEMENT', 'DEDUCTION', 'RECOVERY', 'PREPAYMENT', 'LUMP_SUM'));
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_kind_check,
    ADD CONSTRAINT payroll_chunk_total_kind_check
        CHECK (kind IN ('REGULAR', 'PREPAYMENT', 'ARREARS', 'SETTLEMENT', 'DEDUCTION', 'RECOVERY', 'LUMP_SUM'));

-- The benefit decision of one approved case: its inputs (grade, nursing level, the own wage with the months and the
-- clamp it rests on, the regional average wage) and its amounts, with the orders that pay them. One decision per
-- appraisal conclusion (two approvals at once cannot pay twice).
CREATE TABLE workinjury_award (
    case_id            BIGINT        NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    person_id          BIGINT        NOT NULL,
    case_reference     VARCHAR(40)   NOT NULL,
    recognition_id     BIGINT        NOT NULL,
    appraisal_id       BIGINT        NOT NULL,
    grade              SMALLINT      NOT NULL CHECK (grade BETWEEN 1 AND 10),
    nursing_level      VARCHAR(10)   NOT NULL CHECK (nursing_level IN ('NONE', 'PARTIAL', 'MOSTLY', 'FULL')),
    concluded_on       DATE          NOT NULL,
    wage_months        SMALLINT      NOT NULL CHECK (wage_months BETWEEN 0 AND 12),
    wage_average       NUMERIC(12,2) NOT NULL CHECK (wage_average >= 0),
    own_wage           NUMERIC(12,2) NOT NULL CHECK (own_wage > 0),
    own_wage_clamp     VARCHAR(20)   NOT NULL CHECK (own_wage_clamp IN ('WITHIN', 'RAISED_TO_FLOOR', 'LOWERED_TO_CEILING')),
    regional_average   NUMERIC(12,2) NOT NULL CHECK (regional_average > 0),
    lump_sum_months    SMALLINT      NOT NULL CHECK (lump_sum_months > 0),
    lump_sum           NUMERIC(14,2) NOT NULL CHECK (lump_sum > 0),
    monthly_allowance  NUMERIC(12,2) CHECK (monthly_allowance > 0),
    nursing_allowance  NUMERIC(12,2) CHECK (nursing_allowance > 0),
    first_month        DATE          NOT NULL,
    decision           TEXT          NOT NULL,
    approved_by        VARCHAR(64)   NOT NULL,
    approved_at        TIMESTAMPTZ   NOT NULL,
    CONSTRAINT workinjury_award_pk PRIMARY KEY (case_id, region_code),
    CONSTRAINT workinjury_award_one_per_appraisal UNIQUE (appraisal_id, region_code),
    CONSTRAINT workinjury_award_monthly_grades CHECK ((monthly_allowance IS NOT NULL) = (grade <= 4)),
    CONSTRAINT workinjury_award_nursing CHECK ((nursing_allowance IS NOT NULL) = (nursing_level <> 'NONE'))
);
CREATE INDEX workinjury_award_person_idx ON workinjury_award (person_id);

-- the orders that pay an award: one a benefit (LUMP_SUM, DISABILITY, NURSING)
CREATE TABLE workinjury_award_order (
    case_id     BIGINT      NOT NULL,
    region_code CHAR(6)     NOT NULL,
    benefit     VARCHAR(12) NOT NULL CHECK (benefit IN ('LUMP_SUM', 'DISABILITY', 'NURSING')),
    order_id    BIGINT      NOT NULL,
    CONSTRAINT workinjury_award_order_pk PRIMARY KEY (case_id, benefit, region_code),
    FOREIGN KEY (case_id, region_code) REFERENCES workinjury_award (case_id, region_code)
);

CREATE TRIGGER workinjury_award_region_fixed BEFORE UPDATE OF region_code ON workinjury_award FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER workinjury_award_order_region_fixed BEFORE UPDATE OF region_code ON workinjury_award_order
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
