-- pension: a settlement reads what was actually paid for each benefit month (issue 9). A payment line and the
-- adjustment it comes from carry the month they pay for (a regular line: its run's month; pre-paid past months paid
-- at once: each its own month). An award records whether the person qualifies for a monthly pension (the 15-year
-- minimum) and, when not, the months counted, the months required and the personal-account balance.
ALTER TABLE payroll_adjustment ADD COLUMN benefit_month DATE;
ALTER TABLE payroll_line ADD COLUMN benefit_month DATE;

ALTER TABLE pension_award ADD COLUMN outcome VARCHAR(20) NOT NULL DEFAULT 'MONTHLY'
    CHECK (outcome IN ('MONTHLY', 'SHORT_OF_MINIMUM'));
ALTER TABLE pension_award ADD COLUMN contribution_months INT;
ALTER TABLE pension_award ADD COLUMN required_months INT;
ALTER TABLE pension_award ADD COLUMN required_source VARCHAR(200);
ALTER TABLE pension_award ADD COLUMN account_balance NUMERIC(14,2);
