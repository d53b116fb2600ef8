-- The temporary pension account (临时基本养老保险缴费账户, issue 16; 国办发〔2009〕66号 暂行办法 第五条第（二）项、
-- 第六条): a man of 50 or more, a woman of 40 or more, moving to a place that is neither the household registration's
-- nor one where they hold 10 years, keeps the record where it was and gets a temporary account at the new place
-- (the holder). The holder records there the contributions made at the new place, year by year (the personal
-- account's credits in full and 12% of the year's contribution wages as the pooled part), and when the person's final
-- place is determined (10 years at the holder, or a transfer home or to a place that takes the record), collects
-- (归集) what it holds into the basic pension account at that place. One row per account, distributed with the person
-- (region_code: the person's region, fixed), like transfer_case.
CREATE TABLE transfer_temp_account (
    id               BIGSERIAL     NOT NULL,
    region_code      CHAR(6)       NOT NULL,
    person_id        BIGINT        NOT NULL,
    transfer_id      BIGINT        NOT NULL,
    holder_region    CHAR(6)       NOT NULL,
    record_region    CHAR(6)       NOT NULL,
    status           VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'COLLECTED')),
    opened_on        DATE          NOT NULL,
    opened_by        VARCHAR(64)   NOT NULL,
    months           INT           NOT NULL DEFAULT 0 CHECK (months >= 0),
    personal         NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (personal >= 0),
    pooled           NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (pooled >= 0),
    collected_on     DATE,
    collected_to     CHAR(6),
    collected_by     VARCHAR(64),
    collected_reason VARCHAR(12)   CHECK (collected_reason IN ('YEARS_THERE', 'TRANSFER')),
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT transfer_temp_account_pk PRIMARY KEY (id, region_code),
    CONSTRAINT transfer_temp_account_transfer_fkey FOREIGN KEY (transfer_id, region_code)
        REFERENCES transfer_case (id, region_code),
    CONSTRAINT transfer_temp_account_two_places CHECK (holder_region <> record_region),
    -- collected once, with its day, place, clerk and reason all together
    CONSTRAINT transfer_temp_account_collected CHECK ((status = 'COLLECTED') = (collected_on IS NOT NULL
        AND collected_to IS NOT NULL AND collected_by IS NOT NULL AND collected_reason IS NOT NULL))
);
-- one account per transfer that opened it; one open account per person and holder agency
CREATE UNIQUE INDEX transfer_temp_account_transfer ON transfer_temp_account (transfer_id, region_code);
CREATE UNIQUE INDEX transfer_temp_account_one_open ON transfer_temp_account (person_id, holder_region, region_code)
    WHERE status = 'OPEN';
CREATE INDEX transfer_temp_account_person_idx ON transfer_temp_account (person_id);
CREATE INDEX transfer_temp_account_holder_idx ON transfer_temp_account (holder_region, status);

-- the years recorded in a temporary account, each once; never changed
CREATE TABLE transfer_temp_year (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    account_id   BIGINT        NOT NULL,
    year         INT           NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    months       INT           NOT NULL CHECK (months BETWEEN 1 AND 12),
    monthly_base NUMERIC(14,2) NOT NULL CHECK (monthly_base >= 0),
    personal     NUMERIC(14,2) NOT NULL CHECK (personal >= 0),
    pooled       NUMERIC(14,2) NOT NULL CHECK (pooled >= 0),
    booked_on    DATE          NOT NULL,
    booked_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT transfer_temp_year_pk PRIMARY KEY (id, region_code),
    CONSTRAINT transfer_temp_year_account_fkey FOREIGN KEY (account_id, region_code)
        REFERENCES transfer_temp_account (id, region_code),
    CONSTRAINT transfer_temp_year_once UNIQUE (account_id, year, region_code)
);

-- every change of a temporary account (opened, years recorded, collected), in order; never changed
CREATE TABLE transfer_temp_history (
    id          BIGSERIAL    NOT NULL,
    region_code CHAR(6)      NOT NULL,
    account_id  BIGINT       NOT NULL,
    action      VARCHAR(12)  NOT NULL CHECK (action IN ('OPEN', 'BOOK', 'COLLECT')),
    actor       VARCHAR(64)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    detail      VARCHAR(300) NOT NULL DEFAULT '',
    CONSTRAINT transfer_temp_history_pk PRIMARY KEY (id, region_code),
    CONSTRAINT transfer_temp_history_account_fkey FOREIGN KEY (account_id, region_code)
        REFERENCES transfer_temp_account (id, region_code)
);
CREATE INDEX transfer_temp_history_account_idx ON transfer_temp_history (account_id, id);
CREATE TRIGGER transfer_temp_year_no_update BEFORE UPDATE OR DELETE ON transfer_temp_year FOR EACH ROW
    EXECUTE FUNCTION transfer_history_immutable();
CREATE TRIGGER transfer_temp_history_no_update BEFORE UPDATE OR DELETE ON transfer_temp_history FOR EACH ROW
    EXECUTE FUNCTION transfer_history_immutable();
CREATE TRIGGER transfer_temp_account_region_fixed BEFORE UPDATE OF region_code ON transfer_temp_account FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER transfer_temp_year_region_fixed BEFORE UPDATE OF region_code ON transfer_temp_year FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER transfer_temp_history_region_fixed BEFORE UPDATE OF region_code ON transfer_temp_history FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();

-- The amounts a temporary account holds, in the pension fund's chart: recorded into it, Dr 5302 / Cr 2311 (the
-- holder's fund owes them to the person's final place); collected at the holder itself, Dr 2311 / Cr 5302 (they
-- become its own again, as the person's basic account there); collected elsewhere, Dr 2311 / Cr 1002 sent and
-- Dr 1001 / Cr 4301 received.
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('PENSION', '2311', '临时基本养老保险缴费账户资金（待归集）', 'Temporary pension accounts held (to collect)', 'LIABILITY'),
    ('PENSION', '5302', '记入临时基本养老保险缴费账户', 'Recorded into temporary pension accounts', 'EXPENSE');
