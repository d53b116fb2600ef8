-- identity (issue 10): the three duties of 等保 are separate roles (system administrator ADMIN, security
-- administrator SECURITY_ADMIN for users and roles, audit administrator AUDIT_ADMIN for the operation log); a
-- password may have to be changed (one-time passwords, expiry), and the last ones may not be used again.
ALTER TABLE identity_user DROP CONSTRAINT identity_user_role_check;
ALTER TABLE identity_user ADD CONSTRAINT identity_user_role_check CHECK (role IN ('CLERK','REVIEWER','FINANCE',
    'AUDITOR','HALL_MANAGER','ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','INSURED_PERSON','EMPLOYER'));
ALTER TABLE identity_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE identity_user ADD COLUMN password_changed_at TIMESTAMPTZ;
ALTER TABLE identity_user ADD COLUMN last_login_at TIMESTAMPTZ;
UPDATE identity_user SET password_changed_at = created_at;

CREATE TABLE identity_password_history (
    id            BIGSERIAL    PRIMARY KEY,
    user_id       BIGINT       NOT NULL REFERENCES identity_user (id),
    password_hash VARCHAR(100) NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX identity_password_history_user_idx ON identity_password_history (user_id, changed_at DESC);
