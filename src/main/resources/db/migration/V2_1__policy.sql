-- policy: emergencies with their dates (entered as they become known), the history of every change to them,
-- and the open items whose deadline counts from one of those dates (pending while the date is unknown).
CREATE TABLE policy_emergency (
    id              BIGSERIAL PRIMARY KEY,
    region_code     CHAR(6)      NOT NULL,
    name            VARCHAR(100) NOT NULL,
    declared_on     DATE         NOT NULL,
    level1_ended_on DATE,
    lifted_on       DATE,
    seed_key        VARCHAR(64) UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT policy_emergency_level1_check CHECK (level1_ended_on IS NULL OR level1_ended_on >= declared_on),
    CONSTRAINT policy_emergency_lifted_check CHECK (lifted_on IS NULL OR lifted_on >= declared_on),
    CONSTRAINT policy_emergency_order_check CHECK (lifted_on IS NULL OR level1_ended_on IS NULL
                                                  OR lifted_on >= level1_ended_on)
);
CREATE INDEX policy_emergency_region_idx ON policy_emergency (region_code);

CREATE TABLE policy_emergency_change (
    id           BIGSERIAL PRIMARY KEY,
    emergency_id BIGINT       NOT NULL REFERENCES policy_emergency (id),
    field        VARCHAR(32)  NOT NULL,
    old_value    VARCHAR(100),
    new_value    VARCHAR(100),
    reason       VARCHAR(200),
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX policy_emergency_change_idx ON policy_emergency_change (emergency_id, id);

CREATE TABLE policy_deadline_item (
    id           BIGSERIAL PRIMARY KEY,
    owner        VARCHAR(32)  NOT NULL,
    ref          VARCHAR(100) NOT NULL,
    label        VARCHAR(200) NOT NULL,
    region_code  CHAR(6)      NOT NULL,
    rule_code    VARCHAR(64)  NOT NULL,
    emergency_id BIGINT       NOT NULL REFERENCES policy_emergency (id),
    due_on       DATE,
    moved_from   DATE,
    is_open      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    resolved_at  TIMESTAMPTZ,
    closed_at    TIMESTAMPTZ,
    CONSTRAINT policy_deadline_item_key UNIQUE (owner, ref, rule_code)
);
CREATE INDEX policy_deadline_item_emergency_idx ON policy_deadline_item (emergency_id, rule_code) WHERE is_open;
