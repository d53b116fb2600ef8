-- Issue 12, item 3: the death of a worker from a recognized work injury (工伤保险条例 第三十九条). A clerk records the
-- death on the recognition with the dependents; the decision keeps every input (own wage, the region's average wage,
-- the national income, the multiples and shares) and is paid through the payroll from the work-injury fund: the
-- funeral grant and the one-time death grant once to the relative who claims them, each dependent's pension as a
-- standing order. One death per recognition: the primary key is the single winner of two parallel recordings.
CREATE TABLE workinjury_death (
    recognition_id     BIGINT        NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    person_id          BIGINT        NOT NULL,
    died_on            DATE          NOT NULL,
    wage_months        SMALLINT      NOT NULL CHECK (wage_months BETWEEN 0 AND 12),
    wage_average       NUMERIC(12,2) NOT NULL CHECK (wage_average >= 0),
    own_wage           NUMERIC(12,2) NOT NULL CHECK (own_wage > 0),
    own_wage_clamp     VARCHAR(20)   NOT NULL CHECK (own_wage_clamp IN ('WITHIN', 'RAISED_TO_FLOOR', 'LOWERED_TO_CEILING')),
    regional_average   NUMERIC(12,2) NOT NULL CHECK (regional_average > 0),
    funeral_months     SMALLINT      NOT NULL CHECK (funeral_months > 0),
    funeral_grant      NUMERIC(14,2) NOT NULL,
    urban_income       NUMERIC(12,2) NOT NULL CHECK (urban_income > 0),
    grant_multiple     SMALLINT      NOT NULL CHECK (grant_multiple > 0),
    death_grant        NUMERIC(14,2) NOT NULL,
    monthly_total      NUMERIC(12,2) NOT NULL CHECK (monthly_total >= 0),
    payee_person_id    BIGINT        NOT NULL,
    first_month        DATE          NOT NULL CHECK (EXTRACT(DAY FROM first_month) = 1),
    decision           TEXT          NOT NULL,
    recorded_by        TEXT          NOT NULL,
    recorded_by_name   TEXT          NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    CONSTRAINT workinjury_death_pk PRIMARY KEY (recognition_id, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_recognition (id, region_code),
    CONSTRAINT workinjury_death_funeral CHECK (funeral_grant = regional_average * funeral_months),
    CONSTRAINT workinjury_death_grant CHECK (death_grant = urban_income * grant_multiple),
    -- 第三十九条: the dependents' pensions together not above the worker's own wage
    CONSTRAINT workinjury_death_cap CHECK (monthly_total <= own_wage),
    CONSTRAINT workinjury_death_after_month CHECK (first_month > died_on)
);
CREATE INDEX workinjury_death_person_idx ON workinjury_death (person_id);

-- The supported dependents (供养亲属), each a registered person paid by a standing order of its own.
CREATE TABLE workinjury_death_dependent (
    recognition_id     BIGINT        NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    seq                SMALLINT      NOT NULL CHECK (seq BETWEEN 1 AND 10),
    person_id          BIGINT        NOT NULL,
    relation           VARCHAR(12)   NOT NULL CHECK (relation IN ('SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT',
                                                                   'GRANDCHILD', 'SIBLING')),
    alone              BOOLEAN       NOT NULL,
    share              NUMERIC(5,4)  NOT NULL CHECK (share > 0 AND share < 1),
    uncapped           NUMERIC(12,2) NOT NULL CHECK (uncapped > 0),
    amount             NUMERIC(12,2) NOT NULL CHECK (amount > 0 AND amount <= uncapped),
    order_id           BIGINT        NOT NULL,
    CONSTRAINT workinjury_death_dependent_pk PRIMARY KEY (recognition_id, seq, region_code),
    CONSTRAINT workinjury_death_dependent_once UNIQUE (recognition_id, person_id, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_death (recognition_id, region_code)
);
-- one spouse
CREATE UNIQUE INDEX workinjury_death_one_spouse ON workinjury_death_dependent (recognition_id, region_code)
    WHERE relation = 'SPOUSE';

-- The one-off orders: FUNERAL (丧葬补助金) and DEATH_GRANT (一次性工亡补助金).
CREATE TABLE workinjury_death_order (
    recognition_id     BIGINT        NOT NULL,
    region_code        CHAR(6)       NOT NULL,
    benefit            VARCHAR(12)   NOT NULL CHECK (benefit IN ('FUNERAL', 'DEATH_GRANT')),
    order_id           BIGINT        NOT NULL,
    CONSTRAINT workinjury_death_order_pk PRIMARY KEY (recognition_id, benefit, region_code),
    FOREIGN KEY (recognition_id, region_code) REFERENCES workinjury_death (recognition_id, region_code)
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['workinjury_death', 'workinjury_death_dependent', 'workinjury_death_order'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
            || ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
