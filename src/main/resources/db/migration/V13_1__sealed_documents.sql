-- Sealed PDF documents (issue 16, N-3c): a certificate row becomes an issued document of a kind, with its PDF in the
-- electronic archive (by SHA-256), its retention in years (0: permanent) and the document it re-issues, if any. A
-- case may have one original document of each kind; a document is re-issued at most once (the next re-issue refers
-- to the newest). Issued documents and their revocations are never changed: the triggers refuse it, whoever asks.
ALTER TABLE casework_certificate
    ADD COLUMN kind            VARCHAR(30) NOT NULL DEFAULT 'CONTRIBUTION_RECORD',
    ADD COLUMN holder          VARCHAR(60),
    ADD COLUMN pdf_sha256      CHAR(64),
    ADD COLUMN retention_years INT CHECK (retention_years >= 0),
    ADD COLUMN replaces_code   VARCHAR(40);
ALTER TABLE casework_certificate DROP CONSTRAINT casework_certificate_case_key;
CREATE UNIQUE INDEX casework_certificate_original ON casework_certificate (case_id, kind, region_code)
    WHERE replaces_code IS NULL;
CREATE UNIQUE INDEX casework_certificate_reissued_once ON casework_certificate (replaces_code, region_code)
    WHERE replaces_code IS NOT NULL;
ALTER TABLE casework_certificate
    ADD CONSTRAINT casework_certificate_pdf_fkey FOREIGN KEY (pdf_sha256, region_code)
        REFERENCES casework_archive (sha256, region_code),
    ADD CONSTRAINT casework_certificate_replaces_fkey FOREIGN KEY (replaces_code, region_code)
        REFERENCES casework_certificate (code, region_code),
    ADD CONSTRAINT casework_certificate_pdf_retained CHECK (pdf_sha256 IS NULL OR retention_years IS NOT NULL);

CREATE FUNCTION casework_document_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is part of the electronic archive (N-3c): % refused', TG_TABLE_NAME, TG_OP;
END $$ LANGUAGE plpgsql;
-- a revocation by the issuing agency, with its reason: once per document
CREATE TABLE casework_certificate_revocation (
    code        VARCHAR(40)  NOT NULL,
    region_code CHAR(6)      NOT NULL,
    reason      VARCHAR(200) NOT NULL CHECK (length(btrim(reason)) > 0),
    revoked_by  VARCHAR(64)  NOT NULL,
    revoked_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (code, region_code),
    FOREIGN KEY (code, region_code) REFERENCES casework_certificate (code, region_code)
);
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['casework_certificate', 'casework_certificate_revocation'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION casework_document_immutable()', t || '_no_update', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION casework_document_immutable()', t || '_no_truncate', t);
    END LOOP;
    -- a distributed table: its region never changes (DistributionColumnIT)
    EXECUTE 'CREATE TRIGGER casework_certificate_revocation_region_fixed BEFORE UPDATE OF region_code ON '
            'casework_certificate_revocation FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) '
            'EXECUTE FUNCTION platform_region_code_fixed()';
END $$;
