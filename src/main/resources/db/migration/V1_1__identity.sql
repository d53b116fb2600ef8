-- identity: users of every kind (staff, insured persons, employers), their role and region scope.
CREATE TABLE identity_user (
    id              BIGSERIAL PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(50)  NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('CLERK','REVIEWER','FINANCE','AUDITOR','HALL_MANAGER',
                                                         'ADMIN','INSURED_PERSON','EMPLOYER')),
    region_code     CHAR(6)      NOT NULL,
    person_id       BIGINT,
    employer_id     BIGINT,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (role <> 'INSURED_PERSON' OR person_id IS NOT NULL),
    CHECK (role <> 'EMPLOYER' OR employer_id IS NOT NULL)
);
