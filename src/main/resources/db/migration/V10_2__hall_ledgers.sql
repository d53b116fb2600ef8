-- Issue 14, items 3 and 4: the hall hygiene ledger (daily checks with who and when), protective supplies (receipts,
-- issues, the stock per hall held by the database) and the staff health ledger (SX-5: each staff member's daily
-- temperature and symptoms). Distributed by region_code (the hall's city) like V10_1.

-- A daily check done (ventilation, disinfection of counters or of self-service machines, masks on staff): the kinds
-- and their due times come from the parameters (hall.hygiene.*.dueTimes); a due check without a row is open, overdue
-- once its time has passed. One row per check and due time: the first to record it wins.
CREATE TABLE hall_hygiene_check (
    id           BIGSERIAL   NOT NULL,
    region_code  CHAR(6)     NOT NULL,
    hall_id      BIGINT      NOT NULL,
    day          DATE        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('VENTILATION', 'COUNTER_DISINFECTION', 'MACHINE_DISINFECTION', 'STAFF_MASKS')),
    due_at       TIME        NOT NULL,
    done_by      TEXT        NOT NULL,
    done_by_name TEXT        NOT NULL,
    done_at      TIMESTAMPTZ NOT NULL,
    note         TEXT        CHECK (char_length(note) <= 200),
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code)
);
CREATE UNIQUE INDEX hall_hygiene_check_once_key ON hall_hygiene_check (hall_id, day, kind, due_at, region_code);

-- The stock of a protective supply at a hall; never negative whatever the code does.
CREATE TABLE hall_supply_stock (
    hall_id     BIGINT  NOT NULL,
    region_code CHAR(6) NOT NULL,
    item        TEXT    NOT NULL CHECK (item IN ('MASKS', 'DISINFECTANT', 'THERMOMETERS')),
    stock       INT     NOT NULL DEFAULT 0 CHECK (stock >= 0),
    PRIMARY KEY (hall_id, item, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code)
);
INSERT INTO hall_supply_stock (hall_id, region_code, item)
SELECT h.id, h.region_code, i.item FROM hall_hall h CROSS JOIN (VALUES ('MASKS'), ('DISINFECTANT'), ('THERMOMETERS')) i (item);

-- A receipt or an issue of a supply, with the stock after it (written in the transaction that moved the stock).
CREATE TABLE hall_supply_movement (
    id          BIGSERIAL   NOT NULL,
    region_code CHAR(6)     NOT NULL,
    hall_id     BIGINT      NOT NULL,
    item        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('RECEIPT', 'ISSUE')),
    quantity    INT         NOT NULL CHECK (quantity > 0),
    stock_after INT         NOT NULL CHECK (stock_after >= 0),
    party       TEXT        CHECK (char_length(party) <= 100),
    note        TEXT        CHECK (char_length(note) <= 200),
    moved_by    TEXT        NOT NULL,
    moved_by_name TEXT      NOT NULL,
    moved_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, item, region_code) REFERENCES hall_supply_stock (hall_id, item, region_code)
);
CREATE INDEX hall_supply_movement_hall_idx ON hall_supply_movement (hall_id, moved_at);

-- A staff member's health on a day (SX-5): temperature, symptoms, absent for health; self-reported or entered by the
-- hall manager; flagged at or above the fever threshold in force (hall.fever.threshold) or with any symptom.
CREATE TABLE hall_staff_health (
    id          BIGSERIAL    NOT NULL,
    staff_user  TEXT         NOT NULL,
    staff_name  TEXT         NOT NULL CHECK (char_length(staff_name) <= 100),
    day         DATE         NOT NULL,
    region_code CHAR(6)      NOT NULL,
    hall_id     BIGINT       NOT NULL,
    temperature NUMERIC(3,1) NOT NULL CHECK (temperature BETWEEN 30 AND 45),
    threshold   NUMERIC(3,1) NOT NULL,
    symptoms    TEXT         NOT NULL DEFAULT '' CHECK (symptoms ~ '^([A-Z_]+(,[A-Z_]+)*)?$'),
    absent      BOOLEAN      NOT NULL,
    flagged     BOOLEAN      NOT NULL,
    note        TEXT         CHECK (char_length(note) <= 200),
    reported_by TEXT         NOT NULL,
    reported_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (hall_id, region_code) REFERENCES hall_hall (id, region_code),
    CHECK (flagged = (temperature >= threshold OR symptoms <> ''))
);
CREATE UNIQUE INDEX hall_staff_health_once_key ON hall_staff_health (staff_user, day, region_code);
CREATE INDEX hall_staff_health_hall_idx ON hall_staff_health (hall_id, day);

-- a row's region is fixed once written (V6_9)
CREATE TRIGGER hall_hygiene_check_region_fixed BEFORE UPDATE OF region_code ON hall_hygiene_check FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER hall_supply_stock_region_fixed BEFORE UPDATE OF region_code ON hall_supply_stock FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER hall_supply_movement_region_fixed BEFORE UPDATE OF region_code ON hall_supply_movement FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
CREATE TRIGGER hall_staff_health_region_fixed BEFORE UPDATE OF region_code ON hall_staff_health FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed();
