-- Issue 13 item 1 (社会保险法 第四十八条): for each month a claimant is paid unemployment benefit, the unemployment
-- fund pays the claimant's basic medical insurance premium to the medical insurance agency. It is a standing order of
-- its own (benefit MEDICAL_PREMIUM) beside the benefit's, paid to the agency's account by the same payroll and booked
-- to the unemployment fund's account 5102.
ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_benefit_check,
    ADD CONSTRAINT payroll_order_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM'));
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_benefit_check,
    ADD CONSTRAINT payroll_chunk_total_benefit_check
        CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'MEDICAL_PREMIUM'));
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('UNEMPLOYMENT', '5102', '代缴基本医疗保险费支出', 'Medical insurance premiums paid for claimants', 'EXPENSE');
ALTER TABLE unemployment_claim
    ADD COLUMN medical_order_id BIGINT,
    ADD COLUMN medical_premium  NUMERIC(12,2) CHECK (medical_premium >= 0);
