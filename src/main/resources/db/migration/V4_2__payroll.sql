-- payroll: standing orders (who is paid what each month, registered by the benefit modules), one-off adjustments
-- (arrears, settlements, deductions), monthly runs per region, and their payment lines.
CREATE TABLE payroll_order (
    id              BIGSERIAL PRIMARY KEY,
    person_id       BIGINT        NOT NULL,
    region_code     CHAR(6)       NOT NULL,
    benefit         VARCHAR(16)   NOT NULL,
    kind            VARCHAR(12)   NOT NULL CHECK (kind IN ('REGULAR','PREPAYMENT')),
    monthly_amount  NUMERIC(12,2) NOT NULL CHECK (monthly_amount >= 0),
    from_month      DATE          NOT NULL,
    until_month     DATE,
    certified_until DATE          NOT NULL,
    status          VARCHAR(10)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','SUSPENDED','STOPPED')),
    suspended_from  DATE,
    bank_account    VARCHAR(32)   NOT NULL,
    account_name    VARCHAR(50)   NOT NULL,
    flags           VARCHAR(200)  NOT NULL DEFAULT '',
    source_ref      VARCHAR(64),
    version         INT           NOT NULL DEFAULT 0
);
CREATE INDEX payroll_order_region_idx ON payroll_order (region_code, id);
CREATE INDEX payroll_order_person_idx ON payroll_order (person_id);

CREATE TABLE payroll_adjustment (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT        NOT NULL REFERENCES payroll_order (id),
    month       DATE          NOT NULL,
    kind        VARCHAR(12)   NOT NULL CHECK (kind IN ('ARREARS','SETTLEMENT','DEDUCTION','RECOVERY')),
    amount      NUMERIC(12,2) NOT NULL,
    flags       VARCHAR(200)  NOT NULL DEFAULT '',
    memo        VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX payroll_adjustment_month_idx ON payroll_adjustment (month, order_id);

CREATE TABLE payroll_run (
    id            BIGSERIAL PRIMARY KEY,
    region_code   CHAR(6)      NOT NULL,
    month         DATE         NOT NULL,
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('RUNNING','COMPLETED')),
    orders_total  BIGINT       NOT NULL,
    done_upto     BIGINT       NOT NULL DEFAULT 0,
    orders_done   BIGINT       NOT NULL DEFAULT 0,
    owner         VARCHAR(80),
    heartbeat     TIMESTAMPTZ,
    started_by    VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    CONSTRAINT payroll_run_month UNIQUE (region_code, month)
);

-- one row per payment; no per-row unique index: a chunk of orders and the run's progress marker are written in
-- one transaction, so a line is written once even when a run is resumed after a crash
CREATE TABLE payroll_line (
    run_id       BIGINT        NOT NULL,
    order_id     BIGINT        NOT NULL,
    person_id    BIGINT        NOT NULL,
    kind         VARCHAR(12)   NOT NULL,
    amount       NUMERIC(12,2) NOT NULL,
    flags        VARCHAR(200)  NOT NULL,
    bank_account VARCHAR(32)   NOT NULL,
    account_name VARCHAR(50)   NOT NULL
);
CREATE INDEX payroll_line_run_idx ON payroll_line USING brin (run_id);
