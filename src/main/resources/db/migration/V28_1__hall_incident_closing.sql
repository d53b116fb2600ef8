-- Issue 14, item 8 (N-7, FJ-7): an incident is closed with who, when and the resolution (required); a closed incident
-- leaves the open and overdue lists; closing is one UPDATE … WHERE status <> 'CLOSED' (the second close finds no row).
-- The time-limit job marks the level whose limit passed once it has told that level (overdue_notified_level), so that
-- each level is told once, by one node.
ALTER TABLE hall_incident DROP CONSTRAINT hall_incident_status_check;
ALTER TABLE hall_incident
    ADD COLUMN closed_by TEXT,
    ADD COLUMN closed_by_name TEXT CHECK (char_length(closed_by_name) <= 100),
    ADD COLUMN closed_at TIMESTAMPTZ,
    ADD COLUMN resolution TEXT CHECK (char_length(resolution) BETWEEN 1 AND 500),
    ADD COLUMN overdue_notified_level TEXT CHECK (overdue_notified_level IN ('CITY', 'PROVINCE', 'NATIONAL')),
    ADD CONSTRAINT hall_incident_status_check CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    ADD CONSTRAINT hall_incident_closed_check CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)
        AND (status <> 'CLOSED' OR (closed_by IS NOT NULL AND closed_by_name IS NOT NULL AND resolution IS NOT NULL)));

ALTER TABLE hall_incident_event DROP CONSTRAINT hall_incident_event_action_check;
ALTER TABLE hall_incident_event
    ADD CONSTRAINT hall_incident_event_action_check CHECK (action IN ('OPENED', 'ACKNOWLEDGED', 'FORWARDED', 'CLOSED'));
