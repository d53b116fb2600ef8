-- audit: one operation log for every security-relevant event (issue 10, item 4; 等保2.0 安全审计). Each row carries
-- the hash of the row before it (a hash chain in the order rows were committed: `seq`, given under a lock), so a row
-- changed, removed or inserted later breaks the chain at that point. The rows cannot be updated, deleted or truncated.
CREATE TABLE audit_log (
    id        BIGSERIAL     PRIMARY KEY,
    seq       BIGINT        NOT NULL UNIQUE,
    at        TIMESTAMPTZ   NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    ip        VARCHAR(64)   NOT NULL DEFAULT '',
    action    VARCHAR(64)   NOT NULL,
    target    VARCHAR(200)  NOT NULL DEFAULT '',
    detail    VARCHAR(2000) NOT NULL DEFAULT '',
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);

-- the digest of a row given the hash before it: the one definition the chain and its verification share
CREATE FUNCTION audit_log_digest(prev CHAR(64), seq BIGINT, at TIMESTAMPTZ, actor TEXT, ip TEXT, action TEXT,
                                 target TEXT, detail TEXT) RETURNS CHAR(64) AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f', prev, seq::text,
                  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, ip, action, target, detail),
                  'UTF8')), 'hex')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
    last_seq  BIGINT;
    last_hash CHAR(64);
BEGIN
    -- one writer at a time until commit: the chain follows the order in which rows become visible
    PERFORM pg_advisory_xact_lock(7410001);
    SELECT l.seq, l.hash INTO last_seq, last_hash FROM audit_log l ORDER BY l.seq DESC LIMIT 1;
    NEW.seq := COALESCE(last_seq, 0) + 1;
    NEW.prev_hash := COALESCE(last_hash, repeat('0', 64));
    NEW.hash := audit_log_digest(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor, NEW.ip, NEW.action, NEW.target, NEW.detail);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
