-- ID numbers encrypted at rest (issue 10, item 6): AES-256-GCM under a key kept outside the database
-- (shebao.personal-data.key or its key file), found through a keyed blind index (HMAC-SHA256 of the number), which
-- also keeps a number registered once. Rows written before this version still hold the clear number: the platform,
-- which holds the key, encrypts them at its next start and empties the clear column (a row holds one or the other).
ALTER TABLE registry_person ADD COLUMN id_cipher BYTEA, ADD COLUMN id_index BYTEA;
ALTER TABLE registry_person ALTER COLUMN id_number DROP NOT NULL;
ALTER TABLE registry_person DROP CONSTRAINT registry_person_id_number_key;
ALTER TABLE registry_person ADD CONSTRAINT registry_person_id_index_key UNIQUE (id_index);
ALTER TABLE registry_person ADD CONSTRAINT registry_person_id_stored
    CHECK ((id_cipher IS NULL) = (id_index IS NULL) AND (id_number IS NULL) <> (id_cipher IS NULL));

-- which key the numbers are encrypted with: a digest derived from the key (not the key), so that a start with
-- another key is refused instead of showing unreadable records
CREATE TABLE registry_key_check (
    id         INT         PRIMARY KEY CHECK (id = 1),
    digest     CHAR(64)    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
