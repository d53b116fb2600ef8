-- contribution: the rights record (个人权益记录), one row per person and year.
CREATE TABLE contribution_year (
    person_id      BIGINT        NOT NULL,
    year           SMALLINT      NOT NULL,
    region_code    CHAR(6)       NOT NULL,
    employer_id    BIGINT,
    months         SMALLINT      NOT NULL CHECK (months BETWEEN 0 AND 12),
    monthly_base   NUMERIC(12,2) NOT NULL CHECK (monthly_base >= 0),
    account_credit NUMERIC(12,2) NOT NULL CHECK (account_credit >= 0),
    PRIMARY KEY (person_id, year)
);
