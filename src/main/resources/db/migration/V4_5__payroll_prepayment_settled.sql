-- payroll: a pre-payment order whose months were settled against the computed pension (N-1b, FJ-1.3): what was
-- booked to the pre-payment account is moved to pension expense, and later pre-paid lines go there directly.
ALTER TABLE payroll_order ADD COLUMN prepayment_settled BOOLEAN NOT NULL DEFAULT FALSE;
