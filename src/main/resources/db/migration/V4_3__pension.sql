-- pension: the award of a retirement case (facts, calculation with sources, entitlement decision, pre-payment and
-- the settlement schedule), kept with the case it belongs to.
CREATE TABLE pension_award (
    case_id            BIGINT        PRIMARY KEY,
    person_id          BIGINT        NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    scheme             VARCHAR(12)   NOT NULL CHECK (scheme IN ('ENTERPRISE','INSTITUTION')),
    retired_on         DATE          NOT NULL,
    first_month        DATE          NOT NULL,
    prepayment_amount  NUMERIC(12,2),
    prepayment_source  VARCHAR(100),
    prepayment_from    DATE,
    prepayment_order   BIGINT,
    monthly_amount     NUMERIC(12,2),
    calculation        TEXT,
    entitlement        TEXT,
    settlement         TEXT,
    regular_order      BIGINT,
    updated_at         TIMESTAMPTZ   NOT NULL,
    updated_by         VARCHAR(64)   NOT NULL
);
