-- contribution: a year's contribution that may be paid after the emergency (N-5b / FJ-5b), flagged, with the
-- measure and clauses that allowed it; its deadline ("lifted + 3 months", N-5c) is tracked by the policy module.
CREATE TABLE contribution_deferral (
    id          BIGSERIAL PRIMARY KEY,
    person_id   BIGINT       NOT NULL,
    year        INT          NOT NULL,
    region_code CHAR(6)      NOT NULL,
    measure     VARCHAR(64)  NOT NULL,
    clauses     VARCHAR(200) NOT NULL,
    deferred_on DATE         NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT contribution_deferral_key UNIQUE (person_id, year)
);
