-- Settlement worklists after an emergency (issue 15, item 1; N-1e, FJ-1.7). Entering liftedOn opens one item per
-- region, kind and reference of what was done under the emergency's measures (the kinds are provided by the modules
-- that keep those items); each is closed by one decision, by whom and when. Distributed by region_code (V6_9).
CREATE TABLE settlement_item (
    id           BIGSERIAL     NOT NULL,
    region_code  CHAR(6)       NOT NULL,
    emergency_id BIGINT        NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    ref          VARCHAR(80)   NOT NULL,   -- the item in its module, e.g. payroll-order:42
    case_ref     VARCHAR(40),              -- the case it belongs to, if any
    label        TEXT          NOT NULL CHECK (char_length(label) <= 200),
    clauses      VARCHAR(100)  NOT NULL,
    amount       NUMERIC(14,2),            -- the amount at stake, if any
    opened_at    TIMESTAMPTZ   NOT NULL,
    decision     VARCHAR(16)   CHECK (decision IN ('CONFIRMED','CORRECTED','RECOVERY_OPENED')),
    decided_by   VARCHAR(64),
    decided_at   TIMESTAMPTZ,
    note         TEXT          CHECK (char_length(note) <= 500),
    PRIMARY KEY (id, region_code),
    CONSTRAINT settlement_item_once UNIQUE (emergency_id, kind, ref, region_code),
    CONSTRAINT settlement_item_decided CHECK ((decision IS NULL) = (decided_by IS NULL)
                                              AND (decision IS NULL) = (decided_at IS NULL)),
    CONSTRAINT settlement_item_noted CHECK (decision IS NULL OR decision = 'CONFIRMED' OR note IS NOT NULL)
);
CREATE INDEX settlement_item_open_idx ON settlement_item (region_code, kind) WHERE decision IS NULL;

CREATE TRIGGER settlement_item_region_fixed BEFORE UPDATE OF region_code ON settlement_item FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
