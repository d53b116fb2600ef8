-- casework: applications of every business type, their history, materials (the electronic archive, N-3c),
-- commitments with the deferred-materials ledger (SX-3), and issued certificates with their electronic seal.
CREATE TABLE casework_case (
    id              BIGSERIAL PRIMARY KEY,
    reference       VARCHAR(32)  NOT NULL UNIQUE,
    type            VARCHAR(40)  NOT NULL,
    person_id       BIGINT,
    employer_id     BIGINT,
    applicant_name  VARCHAR(100) NOT NULL,
    applicant_id    VARCHAR(18)  NOT NULL,
    region_code     CHAR(6)      NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    submitted_by    VARCHAR(64)  NOT NULL,
    applicant_user  VARCHAR(64),
    received_at     TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    priority        INT          NOT NULL DEFAULT 0,
    due_on          DATE         NOT NULL,
    flags           TEXT         NOT NULL DEFAULT '[]',
    form            TEXT         NOT NULL DEFAULT '{}',
    missing         TEXT         NOT NULL DEFAULT '[]',
    returned_once   BOOLEAN      NOT NULL DEFAULT FALSE,
    accepted_by     VARCHAR(64),
    decided_by      VARCHAR(64),
    decision_reason VARCHAR(500),
    idempotency_key VARCHAR(80),
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT casework_case_idempotency UNIQUE (submitted_by, idempotency_key)
);
CREATE INDEX casework_case_queue_idx ON casework_case (region_code bpchar_pattern_ops, status, priority DESC, due_on, received_at);
CREATE INDEX casework_case_person_idx ON casework_case (person_id);
CREATE INDEX casework_case_applicant_idx ON casework_case (applicant_user);

CREATE TABLE casework_history (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT       NOT NULL REFERENCES casework_case (id),
    action      VARCHAR(24)  NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    reason      VARCHAR(500),
    details     TEXT
);
CREATE INDEX casework_history_case_idx ON casework_history (case_id, id);

-- the electronic archive: each file stored once by its SHA-256, never changed, never deleted
CREATE TABLE casework_archive (
    sha256       CHAR(64)     PRIMARY KEY,
    content_type VARCHAR(40)  NOT NULL,
    size_bytes   INT          NOT NULL,
    content      BYTEA        NOT NULL,
    stored_at    TIMESTAMPTZ  NOT NULL
);
CREATE FUNCTION casework_archive_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'casework_archive is an append-only electronic archive (N-3c): % refused', TG_OP;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER casework_archive_no_update BEFORE UPDATE OR DELETE ON casework_archive
    FOR EACH ROW EXECUTE FUNCTION casework_archive_immutable();
CREATE TRIGGER casework_archive_no_truncate BEFORE TRUNCATE ON casework_archive
    FOR EACH STATEMENT EXECUTE FUNCTION casework_archive_immutable();

CREATE TABLE casework_material (
    id             BIGSERIAL PRIMARY KEY,
    case_id        BIGINT       NOT NULL REFERENCES casework_case (id),
    item           VARCHAR(40)  NOT NULL,
    sha256         CHAR(64)     NOT NULL REFERENCES casework_archive (sha256),
    file_name      VARCHAR(200) NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX casework_material_case_idx ON casework_material (case_id);

CREATE TABLE casework_commitment (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT       NOT NULL REFERENCES casework_case (id),
    item         VARCHAR(40)  NOT NULL,
    region_code  CHAR(6)      NOT NULL,
    letter       TEXT         NOT NULL,
    clauses      VARCHAR(100) NOT NULL,
    signed_by    VARCHAR(64)  NOT NULL,
    signature    VARCHAR(50)  NOT NULL,
    signed_at    TIMESTAMPTZ  NOT NULL,
    arrived_at   TIMESTAMPTZ,
    arrived_via  VARCHAR(16),
    arrived_late BOOLEAN,
    recorded_by  VARCHAR(64),
    material_id  BIGINT REFERENCES casework_material (id),
    CONSTRAINT casework_commitment_item UNIQUE (case_id, item)
);
CREATE INDEX casework_commitment_region_idx ON casework_commitment (region_code bpchar_pattern_ops, arrived_at);

CREATE TABLE casework_certificate (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT       NOT NULL UNIQUE REFERENCES casework_case (id),
    code        VARCHAR(40)  NOT NULL UNIQUE,
    content     TEXT         NOT NULL,
    signature   TEXT         NOT NULL,
    key_id      VARCHAR(40)  NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE casework_seal_key (
    key_id      VARCHAR(40)  PRIMARY KEY,
    public_key  BYTEA        NOT NULL,
    private_key BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
