-- payroll: payments made for months after a recipient's death, to be recovered (N-1e risk control)
CREATE TABLE payroll_recovery (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT        NOT NULL REFERENCES payroll_order (id),
    person_id   BIGINT        NOT NULL,
    month       DATE          NOT NULL,
    amount      NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    reason      VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT payroll_recovery_month UNIQUE (order_id, month)
);
ALTER TABLE payroll_order ADD COLUMN death_date DATE;
