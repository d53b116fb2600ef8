-- Issue 14, first slice: the service halls (经办大厅), appointments with a capacity per time slot (SX-5 人流管控),
-- screening at the door (N-2, FJ-2: temperature, a fever not admitted, an incident with the health authority).
-- Every table is distributed by region_code (the hall's city), in its keys and foreign keys (V6_9).

-- A hall of a city's agency. The four halls of the cities this platform serves (jurisdictions.yml).
CREATE TABLE hall_hall (
    id          BIGINT  NOT NULL,
    region_code CHAR(6) NOT NULL,
    name        TEXT    NOT NULL CHECK (char_length(name) <= 100),
    name_en     TEXT    NOT NULL CHECK (char_length(name_en) <= 100),
    address     TEXT    NOT NULL CHECK (char_length(address) <= 200),
    PRIMARY KEY (id, region_code)
);
INSERT INTO hall_hall (id, region_code, name, name_en, address) VALUES
    (1, '350100', '福州市社会劳动保险中心服务大厅', 'Fuzhou social insurance service hall', '福州市鼓楼区'),
    (2, '350200', '厦门市社会保险中心服务大厅', 'Xiamen social insurance service hall', '厦门市思明区'),
    (3, '140100', '太原市社会保险管理服务中心服务大厅', 'Taiyuan social insurance service hall', '太原市小店区'),
    (4, '140900', '忻州市社会保险中心服务大厅', 'Xinzhou social insurance service hall', '忻州市忻府区');

-- One time slot of a hall on a day: its capacity (the parameter hall.slot.capacity when the row is made, or lower when
-- the manager lowered the day's) and the places taken (bookings and admitted walk-ins). A booking takes a place by
-- UPDATE … SET taken = taken + 1 WHERE taken < capacity in its own transaction; the CHECK holds whatever the code does.
CREATE TABLE hall_slot (
    hall_id        BIGINT      NOT NULL,
    region_code    CHAR(6)     NOT NULL,
    day            DATE        NOT NULL,
    starts_at      TIME        NOT NULL,
    capacity       INT         NOT NULL CHECK (capacity >= 0),
    taken          INT         NOT NULL DEFAULT 0 CHECK (taken >= 0),
    capacity_set_by TEXT,
    capacity_set_at TIMESTAMPTZ,
    PRIMARY KEY (hall_id, day, starts_at, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code),
    CHECK (taken <= capacity)
);

-- A booking of a slot for a service (a case type), by an insured person or an employer in the portal or the API, or
-- a walk-in registered at the door. One future booking per holder and service (the partial unique index).
CREATE TABLE hall_booking (
    id                BIGSERIAL   NOT NULL,
    region_code       CHAR(6)     NOT NULL,
    hall_id           BIGINT      NOT NULL,
    day               DATE        NOT NULL,
    starts_at         TIME        NOT NULL,
    code              TEXT        NOT NULL CHECK (code ~ '^[A-Z0-9]{8}$'),
    service           TEXT        NOT NULL CHECK (char_length(service) <= 40),
    holder_kind       TEXT        NOT NULL CHECK (holder_kind IN ('PERSON', 'EMPLOYER', 'WALK_IN')),
    person_id         BIGINT,
    employer_id       BIGINT,
    holder_id         BIGINT      GENERATED ALWAYS AS (coalesce(person_id, employer_id)) STORED,
    visitor_name      TEXT        NOT NULL CHECK (char_length(visitor_name) BETWEEN 1 AND 100),
    visitor_id_masked TEXT,
    status            TEXT        NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'CHECKED_IN', 'NOT_ADMITTED', 'NO_SHOW')),
    booked_by         TEXT        NOT NULL,
    booked_at         TIMESTAMPTZ NOT NULL,
    changed_at        TIMESTAMPTZ,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, day, starts_at, region_code) REFERENCES hall_slot (hall_id, day, starts_at, region_code),
    CHECK ((holder_kind = 'PERSON') = (person_id IS NOT NULL)),
    CHECK ((holder_kind = 'EMPLOYER') = (employer_id IS NOT NULL))
);
CREATE UNIQUE INDEX hall_booking_code_key ON hall_booking (code, region_code);
CREATE UNIQUE INDEX hall_booking_one_per_service_key
    ON hall_booking (holder_kind, holder_id, service, region_code)
    WHERE status = 'BOOKED' AND holder_kind <> 'WALK_IN';
CREATE INDEX hall_booking_slot_idx ON hall_booking (hall_id, day, starts_at);
CREATE INDEX hall_booking_person_idx ON hall_booking (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX hall_booking_employer_idx ON hall_booking (employer_id) WHERE employer_id IS NOT NULL;

-- A temperature taken at the door: with a booking (checked in by its code) or of a walk-in; admitted or not (at or
-- above the fever threshold in force that day, hall.fever.threshold).
CREATE TABLE hall_screening (
    id           BIGSERIAL    NOT NULL,
    region_code  CHAR(6)      NOT NULL,
    hall_id      BIGINT       NOT NULL,
    booking_id   BIGINT,
    visitor_name TEXT         NOT NULL CHECK (char_length(visitor_name) BETWEEN 1 AND 100),
    temperature  NUMERIC(3,1) NOT NULL CHECK (temperature BETWEEN 30 AND 45),
    threshold    NUMERIC(3,1) NOT NULL,
    admitted     BOOLEAN      NOT NULL,
    screened_by  TEXT         NOT NULL,
    screened_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code),
    FOREIGN KEY (booking_id, region_code) REFERENCES hall_booking (id, region_code),
    CHECK (admitted = (temperature < threshold))
);
CREATE INDEX hall_screening_day_idx ON hall_screening (hall_id, screened_at);

-- An incident at the hall: today only a fever at the door (the visitor taken to the observation room, the health
-- authority's contact of the hall's city written down with it). Escalation upward is a later slice of issue 14.
CREATE TABLE hall_incident (
    id             BIGSERIAL   NOT NULL,
    region_code    CHAR(6)     NOT NULL,
    hall_id        BIGINT      NOT NULL,
    screening_id   BIGINT      NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('FEVER')),
    status         TEXT        NOT NULL CHECK (status IN ('OPEN')),
    health_contact TEXT        NOT NULL,
    clauses        TEXT        NOT NULL,
    opened_by      TEXT        NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code),
    FOREIGN KEY (screening_id, region_code) REFERENCES hall_screening (id, region_code)
);
CREATE INDEX hall_incident_open_idx ON hall_incident (hall_id) WHERE status = 'OPEN';

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['hall_hall', 'hall_slot', 'hall_booking', 'hall_screening', 'hall_incident'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
