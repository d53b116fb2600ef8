-- registry: insured persons, employers, enrollments, and the history of every change to them.
CREATE TABLE registry_person (
    id           BIGSERIAL PRIMARY KEY,
    id_number    CHAR(18)    NOT NULL,
    name         VARCHAR(50) NOT NULL,
    gender       VARCHAR(6)  NOT NULL CHECK (gender IN ('MALE','FEMALE')),
    birth_date   DATE        NOT NULL,
    phone        VARCHAR(20),
    hukou_region CHAR(6)     NOT NULL,
    region_code  CHAR(6)     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    updated_by   VARCHAR(64) NOT NULL,
    version      INT         NOT NULL DEFAULT 0,
    CONSTRAINT registry_person_id_number_key UNIQUE (id_number)
);
CREATE INDEX registry_person_region_idx ON registry_person (region_code bpchar_pattern_ops, name);
CREATE INDEX registry_person_name_idx ON registry_person (name varchar_pattern_ops);
CREATE INDEX registry_person_phone_idx ON registry_person (phone);

CREATE TABLE registry_employer (
    id                   BIGSERIAL PRIMARY KEY,
    credit_code          CHAR(18)     NOT NULL,
    name                 VARCHAR(100) NOT NULL,
    region_code          CHAR(6)      NOT NULL,
    address              VARCHAR(200),
    contact_name         VARCHAR(50),
    contact_phone        VARCHAR(20),
    agency_contact_name  VARCHAR(50),
    agency_contact_phone VARCHAR(20),
    created_at           TIMESTAMPTZ  NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    updated_by           VARCHAR(64)  NOT NULL,
    version              INT          NOT NULL DEFAULT 0,
    CONSTRAINT registry_employer_credit_code_key UNIQUE (credit_code)
);
CREATE INDEX registry_employer_region_idx ON registry_employer (region_code bpchar_pattern_ops, name);

CREATE TABLE registry_enrollment (
    id               BIGSERIAL PRIMARY KEY,
    person_id        BIGINT      NOT NULL REFERENCES registry_person (id),
    employer_id      BIGINT REFERENCES registry_employer (id),
    category         VARCHAR(10) NOT NULL CHECK (category IN ('EMPLOYEE','FLEXIBLE','RESIDENT')),
    insurance_type   VARCHAR(20) NOT NULL CHECK (insurance_type IN ('ENTERPRISE_PENSION','INSTITUTION_PENSION',
                                                 'RESIDENT_PENSION','UNEMPLOYMENT','WORK_INJURY')),
    first_insured_on DATE        NOT NULL,
    ended_on         DATE,
    region_code      CHAR(6)     NOT NULL,
    remark           VARCHAR(200),
    created_at       TIMESTAMPTZ NOT NULL,
    created_by       VARCHAR(64) NOT NULL,
    CHECK ((category = 'EMPLOYEE') = (employer_id IS NOT NULL))
);
-- one open enrollment per person and insurance type
CREATE UNIQUE INDEX registry_enrollment_open_key ON registry_enrollment (person_id, insurance_type) WHERE ended_on IS NULL;
CREATE INDEX registry_enrollment_employer_idx ON registry_enrollment (employer_id);

CREATE TABLE registry_change (
    id          BIGSERIAL PRIMARY KEY,
    entity_type VARCHAR(12) NOT NULL,
    entity_id   BIGINT      NOT NULL,
    action      VARCHAR(10) NOT NULL,
    field       VARCHAR(40),
    old_value   VARCHAR(200),
    new_value   VARCHAR(200),
    changed_by  VARCHAR(64) NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX registry_change_entity_idx ON registry_change (entity_type, entity_id, id);
