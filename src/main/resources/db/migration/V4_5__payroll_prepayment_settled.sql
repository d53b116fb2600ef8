-- payroll: a pre-payment order whose months were settled against the computed pension (N-1b, FJ-1.3): what was
-- booked to the pre-payment account is moved to pension expense, and later pre-paid lines go there directly.
ALTER TABLE payroll_order ADD COLUMN prepayment_settled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX payroll_order_settled_idx ON payroll_order (region_code) WHERE prepayment_settled;
-- pre-paid months before the pre-payment started are paid as a one-off PREPAYMENT line (booked like the order's own)
ALTER TABLE payroll_adjustment DROP CONSTRAINT payroll_adjustment_kind_check;
ALTER TABLE payroll_adjustment ADD CONSTRAINT payroll_adjustment_kind_check
    CHECK (kind IN ('ARREARS','SETTLEMENT','DEDUCTION','RECOVERY','PREPAYMENT'));
