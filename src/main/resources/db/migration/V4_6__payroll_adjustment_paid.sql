-- payroll: an adjustment is paid by the first run, in its month or later, that pays its order; one due while the
-- order was suspended waits for the run after the recipient certifies again
ALTER TABLE payroll_adjustment ADD COLUMN paid_run BIGINT;
CREATE INDEX payroll_adjustment_open_idx ON payroll_adjustment (order_id) WHERE paid_run IS NULL;
