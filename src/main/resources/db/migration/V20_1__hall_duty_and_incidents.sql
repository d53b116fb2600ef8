-- Issue 14, item 5 (N-7, FJ-7): the duty roster of leaders on patrol (带班领导) with their patrol logs, and incidents
-- reported upward (city → province → national), each level acknowledging within a time limit
-- (hall.incident.acknowledge.*.minutes) or the report shows overdue. Distributed by region_code (the hall's city).

-- A leader on duty at a hall on a day: a staff user of the hall's city, chosen by its hall manager.
CREATE TABLE hall_duty (
    id          BIGSERIAL   NOT NULL,
    region_code CHAR(6)     NOT NULL,
    hall_id     BIGINT      NOT NULL,
    day         DATE        NOT NULL,
    leader_user TEXT        NOT NULL,
    leader_name TEXT        NOT NULL CHECK (char_length(leader_name) <= 100),
    assigned_by TEXT        NOT NULL,
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code)
);
CREATE UNIQUE INDEX hall_duty_once_key ON hall_duty (hall_id, day, leader_user, region_code);
CREATE UNIQUE INDEX hall_duty_ref_key ON hall_duty (id, day, leader_user, region_code);

-- A patrol by the leader on duty (time, place, findings): the foreign key holds that the leader was on duty that day.
CREATE TABLE hall_patrol (
    id           BIGSERIAL   NOT NULL,
    region_code  CHAR(6)     NOT NULL,
    duty_id      BIGINT      NOT NULL,
    day          DATE        NOT NULL,
    leader_user  TEXT        NOT NULL,
    patrolled_at TIMESTAMPTZ NOT NULL,
    place        TEXT        NOT NULL CHECK (char_length(place) BETWEEN 1 AND 100),
    findings     TEXT        NOT NULL CHECK (char_length(findings) BETWEEN 1 AND 500),
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (duty_id, day, leader_user, region_code) REFERENCES hall_duty (id, day, leader_user, region_code),
    CHECK ((patrolled_at AT TIME ZONE 'Asia/Shanghai')::date = day)
);
CREATE INDEX hall_patrol_duty_idx ON hall_patrol (duty_id);

-- Incidents: three kinds (a suspected case — the fever at the door opens one —, crowding, a complaint), a level that
-- holds the report (CITY, PROVINCE, NATIONAL) and must acknowledge it by due_at; OPEN until the last level of its
-- route acknowledged it (ACKNOWLEDGED). An acknowledgement is one UPDATE … WHERE level = … AND status = 'OPEN'.
ALTER TABLE hall_incident DROP CONSTRAINT hall_incident_kind_check;
ALTER TABLE hall_incident DROP CONSTRAINT hall_incident_status_check;
UPDATE hall_incident SET kind = 'SUSPECTED_CASE' WHERE kind = 'FEVER';
ALTER TABLE hall_incident
    ALTER COLUMN screening_id DROP NOT NULL,
    ALTER COLUMN health_contact DROP NOT NULL,
    ADD COLUMN description TEXT CHECK (char_length(description) BETWEEN 1 AND 500),
    ADD COLUMN level TEXT NOT NULL DEFAULT 'CITY' CHECK (level IN ('CITY', 'PROVINCE', 'NATIONAL')),
    ADD COLUMN due_at TIMESTAMPTZ,
    ADD CONSTRAINT hall_incident_kind_check CHECK (kind IN ('SUSPECTED_CASE', 'CROWDING', 'COMPLAINT')),
    ADD CONSTRAINT hall_incident_status_check CHECK (status IN ('OPEN', 'ACKNOWLEDGED')),
    ADD CONSTRAINT hall_incident_what_check CHECK (screening_id IS NOT NULL OR description IS NOT NULL),
    ADD CONSTRAINT hall_incident_due_check CHECK (status <> 'OPEN' OR due_at IS NOT NULL);
ALTER TABLE hall_incident ALTER COLUMN level DROP DEFAULT;
-- incidents opened before this migration: due at the city within the limit in force (60 minutes, V20_1's parameter)
UPDATE hall_incident SET due_at = opened_at + interval '60 minutes' WHERE due_at IS NULL;
DROP INDEX hall_incident_open_idx;
CREATE INDEX hall_incident_open_idx ON hall_incident (region_code, level) WHERE status = 'OPEN';

-- Every change of an incident, with who and when: opened, acknowledged (and forwarded up to the next level).
CREATE TABLE hall_incident_event (
    id           BIGSERIAL   NOT NULL,
    region_code  CHAR(6)     NOT NULL,
    incident_id  BIGINT      NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('OPENED', 'ACKNOWLEDGED', 'FORWARDED')),
    level        TEXT        NOT NULL CHECK (level IN ('CITY', 'PROVINCE', 'NATIONAL')),
    to_level     TEXT        CHECK (to_level IN ('PROVINCE', 'NATIONAL')),
    overdue      BOOLEAN     NOT NULL DEFAULT false,
    by_user      TEXT        NOT NULL,
    by_name      TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    note         TEXT        CHECK (char_length(note) <= 200),
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (incident_id, region_code) REFERENCES hall_incident (id, region_code),
    CHECK ((action = 'FORWARDED') = (to_level IS NOT NULL))
);
CREATE INDEX hall_incident_event_idx ON hall_incident_event (incident_id);
INSERT INTO hall_incident_event (region_code, incident_id, action, level, by_user, by_name, at)
SELECT i.region_code, i.id, 'OPENED', 'CITY', i.opened_by,
       coalesce((SELECT u.display_name FROM identity_user u WHERE u.username = i.opened_by), '大厅主管'), i.opened_at
  FROM hall_incident i;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['hall_duty', 'hall_patrol', 'hall_incident_event'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
