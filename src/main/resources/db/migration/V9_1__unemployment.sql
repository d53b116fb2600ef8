-- unemployment (issue 13): the claims of unemployment benefit (失业保险金), decided at approval of their case, and
-- their history (approval, stops). Per person, so distributed by region_code like the case they belong to.
CREATE TABLE unemployment_claim (
    case_id              BIGINT        NOT NULL,
    region_code          CHAR(6)       NOT NULL,
    person_id            BIGINT        NOT NULL,
    case_reference       VARCHAR(40)   NOT NULL,
    separated_on         DATE          NOT NULL,
    separation_reason    VARCHAR(20)   NOT NULL CHECK (separation_reason IN ('CONTRACT_ENDED', 'DISMISSED', 'RESIGNED',
                                                                             'RETIRED', 'DECEASED', 'OTHER')),
    separation_source    VARCHAR(10)   NOT NULL CHECK (separation_source IN ('REGISTRY', 'CLERK')),
    separation_entered_by VARCHAR(64),
    applied_on           DATE          NOT NULL,
    contribution_months  INT           NOT NULL CHECK (contribution_months >= 0),
    duration_months      INT           NOT NULL CHECK (duration_months BETWEEN 1 AND 24),
    carried_months       INT           NOT NULL DEFAULT 0 CHECK (carried_months BETWEEN 0 AND 24),
    monthly_amount       NUMERIC(12,2) NOT NULL CHECK (monthly_amount > 0),
    first_month          DATE          NOT NULL,
    last_month           DATE          NOT NULL,
    order_id             BIGINT        NOT NULL,
    decision             TEXT          NOT NULL,
    status               VARCHAR(10)   NOT NULL DEFAULT 'PAYING' CHECK (status IN ('PAYING', 'STOPPED')),
    stop_reason          VARCHAR(24)   CHECK (stop_reason IN ('REEMPLOYED', 'PENSION_STARTED', 'ENLISTED', 'EMIGRATED',
                                                              'REFUSED_SUITABLE_WORK')),
    stopped_on           DATE,
    stopped_by           VARCHAR(64),
    approved_by          VARCHAR(64)   NOT NULL,
    approved_at          TIMESTAMPTZ   NOT NULL,
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT unemployment_claim_pk PRIMARY KEY (case_id, region_code),
    CONSTRAINT unemployment_claim_months CHECK (last_month >= first_month),
    CONSTRAINT unemployment_claim_separation_entered
        CHECK ((separation_source = 'CLERK') = (separation_entered_by IS NOT NULL)),
    CONSTRAINT unemployment_claim_stop_complete
        CHECK ((status = 'STOPPED') = (stop_reason IS NOT NULL) AND (stop_reason IS NULL) = (stopped_on IS NULL)
               AND (stop_reason IS NULL) = (stopped_by IS NULL))
);
CREATE INDEX unemployment_claim_person_idx ON unemployment_claim (person_id);
CREATE INDEX unemployment_claim_paying_idx ON unemployment_claim (region_code, case_id) WHERE status = 'PAYING';

-- what happened to a claim, in order: approval, a stop with its reason, recoveries; never changed
CREATE TABLE unemployment_claim_history (
    id          BIGSERIAL     NOT NULL,
    case_id     BIGINT        NOT NULL,
    region_code CHAR(6)       NOT NULL,
    action      VARCHAR(24)   NOT NULL,
    detail      VARCHAR(300)  NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT unemployment_claim_history_pk PRIMARY KEY (id, region_code),
    CONSTRAINT unemployment_claim_history_claim_fkey FOREIGN KEY (case_id, region_code)
        REFERENCES unemployment_claim (case_id, region_code)
);
CREATE INDEX unemployment_claim_history_case_idx ON unemployment_claim_history (case_id);

CREATE TRIGGER unemployment_claim_region_fixed BEFORE UPDATE OF region_code ON unemployment_claim FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER unemployment_claim_history_region_fixed BEFORE UPDATE OF region_code ON unemployment_claim_history
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();

-- payroll: a run's totals per fund as well as per kind of line, so that each benefit is booked to its own fund's
-- accounts (pension, unemployment); totals written before are the pension's
ALTER TABLE payroll_chunk_total ADD COLUMN benefit VARCHAR(16) NOT NULL DEFAULT 'PENSION';
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_pk,
    ADD CONSTRAINT payroll_chunk_total_pk PRIMARY KEY (run_id, no, benefit, kind, region_code);
ALTER TABLE payroll_chunk_total ADD CONSTRAINT payroll_chunk_total_benefit_check
    CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT'));
ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_benefit_check,
    ADD CONSTRAINT payroll_order_benefit_check CHECK (benefit IN ('PENSION', 'UNEMPLOYMENT'));
