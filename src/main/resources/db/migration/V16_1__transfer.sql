-- Pension transfer (转移接续, issue 16 item 3; 国办发〔2009〕66号 and its 城镇企业职工基本养老保险关系转移接续暂行办法):
-- the person applies to the receiving agency, which issues the contact letter (联系函) to the sending agency; the
-- sending agency computes the transfer, issues the 参保缴费凭证 and the 信息表 and sends the funds; the receiving
-- agency accepts. One row per transfer, seen by both agencies, distributed with the person (region_code: the region
-- the person is registered in, fixed), so that one open transfer per person holds nationally.
CREATE TABLE transfer_case (
    id                BIGSERIAL     NOT NULL,
    region_code       CHAR(6)       NOT NULL,
    person_id         BIGINT        NOT NULL,
    from_region       CHAR(6)       NOT NULL,
    to_region         CHAR(6)       NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('APPLIED', 'LETTER_SENT', 'FUNDS_SENT', 'COMPLETED', 'REFUSED')),
    channel           VARCHAR(12)   NOT NULL CHECK (channel IN ('WEB', 'MOBILE_API', 'COUNTER')),
    flags             VARCHAR(200)  NOT NULL DEFAULT '',
    applied_by        VARCHAR(64)   NOT NULL,
    applied_at        TIMESTAMPTZ   NOT NULL,
    step_on           DATE          NOT NULL,
    due_on            DATE,
    temporary_account BOOLEAN,
    decision          TEXT,
    personal_account  NUMERIC(14,2) CHECK (personal_account >= 0),
    pooled            NUMERIC(14,2) CHECK (pooled >= 0),
    transferred       NUMERIC(14,2) CHECK (transferred >= 0),
    months            INT           CHECK (months >= 0),
    merged_months     INT           CHECK (merged_months >= 0),
    refusal_reason    VARCHAR(200),
    version           INT           NOT NULL DEFAULT 0,
    CONSTRAINT transfer_case_pk PRIMARY KEY (id, region_code),
    CONSTRAINT transfer_case_two_agencies CHECK (from_region <> to_region),
    -- the amounts are computed once, by the sending agency, all together; a temporary account moves no money
    CONSTRAINT transfer_case_amounts CHECK ((status IN ('APPLIED', 'LETTER_SENT', 'REFUSED'))
        = (transferred IS NULL AND decision IS NULL AND temporary_account IS NULL)),
    CONSTRAINT transfer_case_total CHECK (transferred IS NULL OR temporary_account
        OR transferred = personal_account + pooled),
    CONSTRAINT transfer_case_temporary_no_money CHECK (transferred IS NULL OR NOT temporary_account OR transferred = 0),
    CONSTRAINT transfer_case_open_due CHECK ((status IN ('COMPLETED', 'REFUSED')) = (due_on IS NULL)),
    CONSTRAINT transfer_case_merged CHECK ((status = 'COMPLETED') = (merged_months IS NOT NULL)),
    CONSTRAINT transfer_case_refused CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL))
);
-- one open transfer per person (a second application is refused; two at once: one wins)
CREATE UNIQUE INDEX transfer_case_one_open ON transfer_case (person_id, region_code)
    WHERE status NOT IN ('COMPLETED', 'REFUSED');
CREATE INDEX transfer_case_person_idx ON transfer_case (person_id);
CREATE INDEX transfer_case_to_idx ON transfer_case (to_region, status);
CREATE INDEX transfer_case_from_idx ON transfer_case (from_region, status);

-- every step of a transfer, in order; never changed
CREATE TABLE transfer_history (
    id          BIGSERIAL    NOT NULL,
    region_code CHAR(6)      NOT NULL,
    transfer_id BIGINT       NOT NULL,
    action      VARCHAR(12)  NOT NULL,
    from_status VARCHAR(12),
    to_status   VARCHAR(12)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    detail      VARCHAR(300) NOT NULL DEFAULT '',
    CONSTRAINT transfer_history_pk PRIMARY KEY (id, region_code),
    CONSTRAINT transfer_history_transfer_fkey FOREIGN KEY (transfer_id, region_code)
        REFERENCES transfer_case (id, region_code)
);
CREATE INDEX transfer_history_transfer_idx ON transfer_history (transfer_id, id);
CREATE FUNCTION transfer_history_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'transfer_history is the record of a transfer: % refused', TG_OP;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER transfer_history_no_update BEFORE UPDATE OR DELETE ON transfer_history FOR EACH ROW
    EXECUTE FUNCTION transfer_history_immutable();
CREATE TRIGGER transfer_case_region_fixed BEFORE UPDATE OF region_code ON transfer_case FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER transfer_history_region_fixed BEFORE UPDATE OF region_code ON transfer_history FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();

-- The transfer documents are issued for the transfer (subject transfer:<id>) and the person, not for a case: the
-- columns that allow it come with V17_1 (documents of persons and employers).

-- The funds moved between agencies (社会保险基金会计制度: 转移支出 / 转移收入) in the pension fund's chart.
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('PENSION', '5301', '基本养老保险关系转移支出', 'Pension transfers out', 'EXPENSE'),
    ('PENSION', '4301', '基本养老保险关系转移收入', 'Pension transfers in', 'INCOME');
