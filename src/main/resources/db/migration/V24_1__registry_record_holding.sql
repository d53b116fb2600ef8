-- Which agency holds a person's enterprise-pension record (issue 16 item 3; 国办发〔2009〕66号 暂行办法 第八条第（四）项):
-- after a completed transfer that moved the record, the receiving agency holds it and serves the person (registry
-- page, rights record, 缴费明细, new cases such as retirement); the agencies that held it before keep read-only access
-- to their own part. Without a row, the agency of the person's registration region holds the record. The person's
-- region_code (the distribution column) never changes: a holding is a row of its own, distributed with the person.
-- One current holding per person (until IS NULL); one take-over per transfer; rows are never deleted.
CREATE TABLE registry_record_holding (
    id            BIGSERIAL    NOT NULL,
    region_code   CHAR(6)      NOT NULL,
    person_id     BIGINT       NOT NULL,
    holder_region CHAR(6)      NOT NULL,
    from_region   CHAR(6)      NOT NULL,
    since         DATE         NOT NULL,
    until         DATE,
    reference     VARCHAR(40)  NOT NULL,
    months        INT          NOT NULL CHECK (months >= 0),
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT registry_record_holding_pk PRIMARY KEY (id, region_code),
    CONSTRAINT registry_record_holding_person_fkey FOREIGN KEY (person_id, region_code)
        REFERENCES registry_person (id, region_code),
    CONSTRAINT registry_record_holding_two_agencies CHECK (holder_region <> from_region),
    CONSTRAINT registry_record_holding_period CHECK (until IS NULL OR until >= since),
    CONSTRAINT registry_record_holding_reference UNIQUE (reference, region_code)
);
-- one agency holds the record at a time: two take-overs at once, one row (the other fails on this index)
CREATE UNIQUE INDEX registry_record_holding_current ON registry_record_holding (person_id, region_code)
    WHERE until IS NULL;
CREATE INDEX registry_record_holding_holder_idx ON registry_record_holding (holder_region) WHERE until IS NULL;
CREATE TRIGGER registry_record_holding_region_fixed BEFORE UPDATE OF region_code ON registry_record_holding
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
-- a holding is history: only its end may be written, once
CREATE FUNCTION registry_record_holding_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'registry_record_holding is history: DELETE refused';
    END IF;
    IF OLD.until IS NOT NULL OR NEW.until IS NULL
       OR (OLD.id, OLD.person_id, OLD.holder_region, OLD.from_region, OLD.since, OLD.reference, OLD.months)
          IS DISTINCT FROM (NEW.id, NEW.person_id, NEW.holder_region, NEW.from_region, NEW.since, NEW.reference, NEW.months) THEN
        RAISE EXCEPTION 'registry_record_holding: only the end of the current holding may be set';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER registry_record_holding_history BEFORE UPDATE OR DELETE ON registry_record_holding FOR EACH ROW
    EXECUTE FUNCTION registry_record_holding_guard();

-- transfers completed before this version (record moved, no temporary account): their holdings, in order
INSERT INTO registry_record_holding (region_code, person_id, holder_region, from_region, since, until, reference,
                                     months, created_by, created_at)
SELECT region_code, person_id, to_region, from_region, step_on,
       lead(step_on) OVER (PARTITION BY person_id ORDER BY step_on, id), 'transfer:' || id,
       coalesce(merged_months, 0), 'V24_1', now()
  FROM transfer_case WHERE status = 'COMPLETED' AND temporary_account IS NOT TRUE;
