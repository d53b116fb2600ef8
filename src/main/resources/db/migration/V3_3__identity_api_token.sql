-- identity: bearer tokens for the mobile app (issued after one password check; only their SHA-256 is kept)
CREATE TABLE identity_api_token (
    token_hash CHAR(64)    PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_api_token_user_idx ON identity_api_token (username);
