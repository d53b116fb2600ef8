-- The payroll's vocabulary is a fact of the database as well as of the code (issue 19): a payment line's kind and an
-- order's benefit are checked like the order's kind and status already are. PayrollIT compares each CHECK with its enum.
ALTER TABLE payroll_line ADD CONSTRAINT payroll_line_kind_check
    CHECK (kind IN ('REGULAR','PREPAYMENT','ARREARS','SETTLEMENT','DEDUCTION','RECOVERY'));
ALTER TABLE payroll_order ADD CONSTRAINT payroll_order_benefit_check CHECK (benefit IN ('PENSION'));
