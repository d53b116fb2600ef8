-- Issue 11: wage-base declarations (缴费基数申报) by employers, and the monthly bill (核定).
--
-- The employer's industry risk class for work-injury insurance (人社部发〔2015〕71号: classes 一 to 八) is an attribute
-- of the employer; it had no column. Every employer starts in class 1 (the lowest base rate, 0.2%) until the agency
-- sets its class: a default to be confirmed by the policy owners, shown on every bill.
ALTER TABLE registry_employer
    ADD COLUMN work_injury_risk_class SMALLINT NOT NULL DEFAULT 1 CHECK (work_injury_risk_class BETWEEN 1 AND 8);

-- A declaration: an employer's wage bases of its employees for one period, a year (month NULL: the yearly base) or
-- a month (a monthly line overrides the yearly base of its month). Declaring a period again supersedes the earlier
-- declaration of that period (its superseded_at is set; the new one names it in replaces): the earlier one stays, as
-- history. One current declaration per employer and period.
CREATE TABLE contribution_declaration (
    id            BIGSERIAL    NOT NULL,
    region_code   CHAR(6)      NOT NULL,
    employer_id   BIGINT       NOT NULL,
    year          SMALLINT     NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    month         SMALLINT     CHECK (month BETWEEN 1 AND 12),
    channel       TEXT         NOT NULL CHECK (channel IN ('CSV', 'XLSX', 'API')),
    file_name     TEXT         CHECK (char_length(file_name) <= 255),
    line_count    INT          NOT NULL CHECK (line_count > 0),
    declared_by   TEXT         NOT NULL,
    declared_at   TIMESTAMPTZ  NOT NULL,
    replaces      BIGINT,
    superseded_at TIMESTAMPTZ,
    PRIMARY KEY (id, region_code),
    FOREIGN KEY (replaces, region_code) REFERENCES contribution_declaration (id, region_code)
);
CREATE UNIQUE INDEX contribution_declaration_current_key
    ON contribution_declaration (employer_id, year, month, region_code) NULLS NOT DISTINCT WHERE superseded_at IS NULL;
CREATE INDEX contribution_declaration_employer_idx ON contribution_declaration (employer_id, year, month);

-- One employee's line: the base declared, the base used after clamping (BaseRule: 60%–300% of the province's average
-- wage of the year before; a yearly line is clamped as for its January) and why it was clamped.
CREATE TABLE contribution_declaration_line (
    declaration_id BIGINT        NOT NULL,
    region_code    CHAR(6)       NOT NULL,
    person_id      BIGINT        NOT NULL,
    line_no        INT           NOT NULL CHECK (line_no > 0),
    person_name    TEXT          NOT NULL,
    declared_base  NUMERIC(14,2) NOT NULL CHECK (declared_base >= 0),
    base_used      NUMERIC(14,2) NOT NULL CHECK (base_used >= 0),
    clamp          TEXT          NOT NULL CHECK (clamp IN ('WITHIN', 'RAISED_TO_FLOOR', 'LOWERED_TO_CEILING')),
    base_floor     NUMERIC(14,2) NOT NULL CHECK (base_floor >= 0),
    base_ceiling   NUMERIC(14,2) NOT NULL CHECK (base_ceiling >= base_floor),
    clamp_reason   TEXT,
    PRIMARY KEY (declaration_id, person_id, region_code),
    FOREIGN KEY (declaration_id, region_code) REFERENCES contribution_declaration (id, region_code),
    CHECK ((clamp = 'WITHIN') = (clamp_reason IS NULL)),
    CHECK (clamp <> 'WITHIN' OR base_used = declared_base)
);

-- The monthly bill (核定) of an employer: one open bill per employer and month (two requests at once create one).
-- Recomputed while open when the declarations it rests on change; payments (a later slice) will settle it.
CREATE TABLE contribution_bill (
    id                BIGSERIAL     NOT NULL,
    region_code       CHAR(6)       NOT NULL,
    employer_id       BIGINT        NOT NULL,
    year              SMALLINT      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    month             SMALLINT      NOT NULL CHECK (month BETWEEN 1 AND 12),
    status            TEXT          NOT NULL CHECK (status IN ('OPEN')),
    size_class        TEXT          NOT NULL,
    risk_class        SMALLINT      NOT NULL CHECK (risk_class BETWEEN 1 AND 8),
    relief_kind       TEXT          NOT NULL CHECK (relief_kind IN ('NONE', 'EXEMPT', 'REDUCED', 'EXCLUDED')),
    relief_factor     NUMERIC(5,4)  NOT NULL CHECK (relief_factor BETWEEN 0 AND 1),
    relief_source     TEXT,
    employees         INT           NOT NULL CHECK (employees >= 0),
    employer_full     NUMERIC(14,2) NOT NULL CHECK (employer_full >= 0),
    employer_relieved NUMERIC(14,2) NOT NULL CHECK (employer_relieved >= 0),
    employer_due      NUMERIC(14,2) NOT NULL CHECK (employer_due >= 0),
    personal_due      NUMERIC(14,2) NOT NULL CHECK (personal_due >= 0),
    total_due         NUMERIC(14,2) NOT NULL CHECK (total_due >= 0),
    illustrative      BOOLEAN       NOT NULL,
    computed_by       TEXT          NOT NULL,
    computed_at       TIMESTAMPTZ   NOT NULL,
    version           INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id, region_code),
    CHECK (employer_full = employer_relieved + employer_due),
    CHECK (total_due = employer_due + personal_due)
);
CREATE UNIQUE INDEX contribution_bill_open_key
    ON contribution_bill (employer_id, year, month, region_code) WHERE status = 'OPEN';

-- A bill's line: one employee, one insurance (AssessmentRule), with the base it used and where it came from.
CREATE TABLE contribution_bill_line (
    bill_id           BIGINT        NOT NULL,
    region_code       CHAR(6)       NOT NULL,
    person_id         BIGINT        NOT NULL,
    insurance         TEXT          NOT NULL CHECK (insurance IN ('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY')),
    person_name       TEXT          NOT NULL,
    id_number_masked  TEXT          NOT NULL,
    base_from         TEXT          NOT NULL CHECK (base_from IN ('MONTHLY', 'YEARLY')),
    declared_base     NUMERIC(14,2) NOT NULL CHECK (declared_base >= 0),
    base_used         NUMERIC(14,2) NOT NULL CHECK (base_used >= 0),
    clamp             TEXT          NOT NULL CHECK (clamp IN ('WITHIN', 'RAISED_TO_FLOOR', 'LOWERED_TO_CEILING')),
    employer_rate     NUMERIC(7,5)  NOT NULL CHECK (employer_rate BETWEEN 0 AND 1),
    personal_rate     NUMERIC(7,5)  NOT NULL CHECK (personal_rate BETWEEN 0 AND 1),
    employer_full     NUMERIC(14,2) NOT NULL CHECK (employer_full >= 0),
    employer_relieved NUMERIC(14,2) NOT NULL CHECK (employer_relieved >= 0),
    employer_due      NUMERIC(14,2) NOT NULL CHECK (employer_due >= 0),
    personal_due      NUMERIC(14,2) NOT NULL CHECK (personal_due >= 0),
    relief_source     TEXT,
    PRIMARY KEY (bill_id, person_id, insurance, region_code),
    FOREIGN KEY (bill_id, region_code) REFERENCES contribution_bill (id, region_code),
    CHECK (employer_full = employer_relieved + employer_due),
    CHECK ((employer_relieved > 0) <= (relief_source IS NOT NULL))
);

-- a row's region is fixed once written (V6_9)
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contribution_declaration', 'contribution_declaration_line', 'contribution_bill',
        'contribution_bill_line'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
