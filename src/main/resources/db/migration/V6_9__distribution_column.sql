-- Ready for sharding (issue 18, item 6). Every table of per-person or per-employer rows carries the distribution
-- column region_code (the 统筹区 of the person, employer or run the row belongs to), NOT NULL; its primary key and
-- unique constraints include it, and the foreign keys between such tables are composite and include it, so that
-- Citus can distribute them by region_code, co-located, without a rewrite (docs/deployment.md). The region of a row
-- never changes (Citus refuses to update a distribution column; here a trigger does). DistributionColumnIT checks the
-- classification of every table against the catalog.
--
-- The columns come after the key's own columns ((id, region_code), not (region_code, id)), so that a lookup by id
-- alone keeps using the primary key's index. Two national unique indexes stay without region_code (an ID number and
-- a credit code are registered once in the whole country): in Citus they become lookup tables of their own
-- (docs/deployment.md, DistributionColumnIT.NATIONAL_UNIQUE).

-- rows written before this version must agree with the row they belong to: an employee's enrollment is with an
-- employer of the person's own region (moving is a transfer, not an edit)
DO $$
DECLARE n BIGINT;
BEGIN
    SELECT count(*) INTO n FROM registry_enrollment en JOIN registry_person p ON p.id = en.person_id
      JOIN registry_employer e ON e.id = en.employer_id WHERE e.region_code <> p.region_code;
    IF n > 0 THEN
        RAISE EXCEPTION 'V6_9: % enrollments are with an employer outside the person''s region; transfer them first', n;
    END IF;
END $$;

-- foreign keys that become composite go first (they depend on the primary keys replaced below)
ALTER TABLE registry_enrollment DROP CONSTRAINT registry_enrollment_person_id_fkey,
                                DROP CONSTRAINT registry_enrollment_employer_id_fkey;
ALTER TABLE casework_history DROP CONSTRAINT casework_history_case_id_fkey;
ALTER TABLE casework_material DROP CONSTRAINT casework_material_case_id_fkey,
                              DROP CONSTRAINT casework_material_sha256_fkey;
ALTER TABLE casework_commitment DROP CONSTRAINT casework_commitment_case_id_fkey,
                                DROP CONSTRAINT casework_commitment_material_id_fkey;
ALTER TABLE casework_certificate DROP CONSTRAINT casework_certificate_case_id_fkey;
ALTER TABLE payroll_adjustment DROP CONSTRAINT payroll_adjustment_order_id_fkey;
ALTER TABLE payroll_recovery DROP CONSTRAINT payroll_recovery_order_id_fkey;
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_chunk;
ALTER TABLE payroll_chunk DROP CONSTRAINT payroll_chunk_run_id_fkey;

-- registry: persons and employers already carry their region; an enrollment takes its person's; a change its entity's
UPDATE registry_enrollment en SET region_code = p.region_code FROM registry_person p
 WHERE p.id = en.person_id AND en.region_code <> p.region_code;
ALTER TABLE registry_change ADD COLUMN region_code CHAR(6);
ALTER TABLE registry_change DISABLE TRIGGER USER;
UPDATE registry_change c SET region_code = p.region_code FROM registry_person p
 WHERE c.entity_type = 'PERSON' AND p.id = c.entity_id;
UPDATE registry_change c SET region_code = e.region_code FROM registry_employer e
 WHERE c.entity_type = 'EMPLOYER' AND e.id = c.entity_id;
ALTER TABLE registry_change ENABLE TRIGGER USER;
ALTER TABLE registry_change ALTER COLUMN region_code SET NOT NULL;

ALTER TABLE registry_person DROP CONSTRAINT registry_person_pkey, ADD PRIMARY KEY (id, region_code);
ALTER TABLE registry_employer DROP CONSTRAINT registry_employer_pkey, ADD PRIMARY KEY (id, region_code);
ALTER TABLE registry_enrollment DROP CONSTRAINT registry_enrollment_pkey, ADD PRIMARY KEY (id, region_code);
ALTER TABLE registry_change DROP CONSTRAINT registry_change_pkey, ADD PRIMARY KEY (id, region_code);
DROP INDEX registry_enrollment_open_key;
CREATE UNIQUE INDEX registry_enrollment_open_key ON registry_enrollment (person_id, insurance_type, region_code)
    WHERE ended_on IS NULL;
ALTER TABLE registry_enrollment
    ADD CONSTRAINT registry_enrollment_person_fkey FOREIGN KEY (person_id, region_code)
        REFERENCES registry_person (id, region_code),
    ADD CONSTRAINT registry_enrollment_employer_fkey FOREIGN KEY (employer_id, region_code)
        REFERENCES registry_employer (id, region_code);

-- contribution: the rights record and the deferrals carry the person's region already
ALTER TABLE contribution_year DROP CONSTRAINT contribution_year_pkey, ADD PRIMARY KEY (person_id, year, region_code);
ALTER TABLE contribution_deferral DROP CONSTRAINT contribution_deferral_pkey, ADD PRIMARY KEY (id, region_code),
    DROP CONSTRAINT contribution_deferral_key, ADD CONSTRAINT contribution_deferral_key UNIQUE (person_id, year, region_code);

-- policy: a tracked deadline belongs to the deferral or commitment it tracks, in that region
ALTER TABLE policy_deadline_item DROP CONSTRAINT policy_deadline_item_pkey, ADD PRIMARY KEY (id, region_code),
    DROP CONSTRAINT policy_deadline_item_key, ADD CONSTRAINT policy_deadline_item_key UNIQUE (owner, ref, rule_code, region_code);

-- casework: a case's rows take the case's region; a commitment's region is its case's
ALTER TABLE casework_history ADD COLUMN region_code CHAR(6);
ALTER TABLE casework_material ADD COLUMN region_code CHAR(6);
ALTER TABLE casework_certificate ADD COLUMN region_code CHAR(6);
ALTER TABLE casework_history DISABLE TRIGGER USER;
UPDATE casework_history h SET region_code = c.region_code FROM casework_case c WHERE c.id = h.case_id;
ALTER TABLE casework_history ENABLE TRIGGER USER;
UPDATE casework_material m SET region_code = c.region_code FROM casework_case c WHERE c.id = m.case_id;
UPDATE casework_certificate x SET region_code = c.region_code FROM casework_case c WHERE c.id = x.case_id;
UPDATE casework_commitment m SET region_code = c.region_code FROM casework_case c
 WHERE c.id = m.case_id AND m.region_code <> c.region_code;
ALTER TABLE casework_history ALTER COLUMN region_code SET NOT NULL;
ALTER TABLE casework_material ALTER COLUMN region_code SET NOT NULL;
ALTER TABLE casework_certificate ALTER COLUMN region_code SET NOT NULL;

-- the electronic archive keeps a file once per region (it was once in the whole country): a file that cases of
-- several regions refer to is copied to each, one referred to by none goes to the national region 000000. The
-- archive stays append-only: its guard is lifted for this migration only.
ALTER TABLE casework_archive DISABLE TRIGGER casework_archive_no_update;
ALTER TABLE casework_archive ADD COLUMN region_code CHAR(6);
ALTER TABLE casework_archive DROP CONSTRAINT casework_archive_pkey;
CREATE TEMPORARY TABLE v6_9_archive_region ON COMMIT DROP AS
SELECT DISTINCT sha256, region_code FROM casework_material;
INSERT INTO casework_archive (sha256, region_code, content_type, size_bytes, content, stored_at)
SELECT a.sha256, r.region_code, a.content_type, a.size_bytes, a.content, a.stored_at
  FROM casework_archive a JOIN v6_9_archive_region r ON r.sha256 = a.sha256;
DELETE FROM casework_archive a WHERE a.region_code IS NULL
   AND EXISTS (SELECT 1 FROM v6_9_archive_region r WHERE r.sha256 = a.sha256);
UPDATE casework_archive SET region_code = '000000' WHERE region_code IS NULL;
ALTER TABLE casework_archive ENABLE TRIGGER casework_archive_no_update;
ALTER TABLE casework_archive ALTER COLUMN region_code SET NOT NULL, ADD PRIMARY KEY (sha256, region_code);

ALTER TABLE casework_case DROP CONSTRAINT casework_case_pkey, ADD PRIMARY KEY (id, region_code),
    DROP CONSTRAINT casework_case_reference_key, ADD CONSTRAINT casework_case_reference_key UNIQUE (reference, region_code),
    DROP CONSTRAINT casework_case_idempotency,
    ADD CONSTRAINT casework_case_idempotency UNIQUE (submitted_by, idempotency_key, region_code);
ALTER TABLE casework_history DROP CONSTRAINT casework_history_pkey, ADD PRIMARY KEY (id, region_code),
    ADD CONSTRAINT casework_history_case_fkey FOREIGN KEY (case_id, region_code) REFERENCES casework_case (id, region_code);
ALTER TABLE casework_material DROP CONSTRAINT casework_material_pkey, ADD PRIMARY KEY (id, region_code),
    ADD CONSTRAINT casework_material_case_fkey FOREIGN KEY (case_id, region_code) REFERENCES casework_case (id, region_code),
    ADD CONSTRAINT casework_material_archive_fkey FOREIGN KEY (sha256, region_code)
        REFERENCES casework_archive (sha256, region_code);
ALTER TABLE casework_commitment DROP CONSTRAINT casework_commitment_pkey, ADD PRIMARY KEY (id, region_code),
    DROP CONSTRAINT casework_commitment_item, ADD CONSTRAINT casework_commitment_item UNIQUE (case_id, item, region_code),
    ADD CONSTRAINT casework_commitment_case_fkey FOREIGN KEY (case_id, region_code) REFERENCES casework_case (id, region_code),
    ADD CONSTRAINT casework_commitment_material_fkey FOREIGN KEY (material_id, region_code)
        REFERENCES casework_material (id, region_code);
ALTER TABLE casework_certificate DROP CONSTRAINT casework_certificate_pkey, ADD PRIMARY KEY (id, region_code),
    DROP CONSTRAINT casework_certificate_case_id_key, ADD CONSTRAINT casework_certificate_case_key UNIQUE (case_id, region_code),
    DROP CONSTRAINT casework_certificate_code_key, ADD CONSTRAINT casework_certificate_code_key UNIQUE (code, region_code),
    ADD CONSTRAINT casework_certificate_case_fkey FOREIGN KEY (case_id, region_code) REFERENCES casework_case (id, region_code);

-- pension: an award is its case's, in its region
ALTER TABLE pension_award DROP CONSTRAINT pension_award_pkey, ADD PRIMARY KEY (case_id, region_code);

-- notification: a message belongs to the region of the person it is addressed to (else of the user, else national)
ALTER TABLE notification_outbox ADD COLUMN region_code CHAR(6);
UPDATE notification_outbox n SET region_code = p.region_code FROM registry_person p WHERE p.id = n.person_id;
UPDATE notification_outbox n SET region_code = u.region_code FROM identity_user u
 WHERE n.region_code IS NULL AND u.username = n.recipient_user;
UPDATE notification_outbox SET region_code = '000000' WHERE region_code IS NULL;
ALTER TABLE notification_outbox ALTER COLUMN region_code SET NOT NULL;
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_pkey, ADD PRIMARY KEY (id, region_code);

-- payroll: orders and runs carry their region; what hangs off them takes it
ALTER TABLE payroll_adjustment ADD COLUMN region_code CHAR(6);
ALTER TABLE payroll_recovery ADD COLUMN region_code CHAR(6);
ALTER TABLE payroll_line ADD COLUMN region_code CHAR(6);
ALTER TABLE payroll_chunk_total ADD COLUMN region_code CHAR(6);
UPDATE payroll_adjustment a SET region_code = o.region_code FROM payroll_order o WHERE o.id = a.order_id;
UPDATE payroll_recovery x SET region_code = o.region_code FROM payroll_order o WHERE o.id = x.order_id;
UPDATE payroll_line l SET region_code = r.region_code FROM payroll_run r WHERE r.id = l.run_id;
UPDATE payroll_chunk_total t SET region_code = r.region_code FROM payroll_run r WHERE r.id = t.run_id;
ALTER TABLE payroll_adjustment ALTER COLUMN region_code SET NOT NULL;
ALTER TABLE payroll_recovery ALTER COLUMN region_code SET NOT NULL;
ALTER TABLE payroll_line ALTER COLUMN region_code SET NOT NULL;
ALTER TABLE payroll_chunk_total ALTER COLUMN region_code SET NOT NULL;

ALTER TABLE payroll_order DROP CONSTRAINT payroll_order_pkey, ADD PRIMARY KEY (id, region_code);
ALTER TABLE payroll_run DROP CONSTRAINT payroll_run_pkey, ADD PRIMARY KEY (id, region_code);
ALTER TABLE payroll_adjustment DROP CONSTRAINT payroll_adjustment_pkey, ADD PRIMARY KEY (id, region_code),
    ADD CONSTRAINT payroll_adjustment_order_fkey FOREIGN KEY (order_id, region_code) REFERENCES payroll_order (id, region_code);
ALTER TABLE payroll_recovery DROP CONSTRAINT payroll_recovery_pkey, ADD PRIMARY KEY (id, region_code),
    DROP CONSTRAINT payroll_recovery_month, ADD CONSTRAINT payroll_recovery_month UNIQUE (order_id, month, region_code),
    ADD CONSTRAINT payroll_recovery_order_fkey FOREIGN KEY (order_id, region_code) REFERENCES payroll_order (id, region_code);
ALTER TABLE payroll_chunk DROP CONSTRAINT payroll_chunk_pk, ADD CONSTRAINT payroll_chunk_pk PRIMARY KEY (run_id, no, region_code),
    ADD CONSTRAINT payroll_chunk_run_fkey FOREIGN KEY (run_id, region_code) REFERENCES payroll_run (id, region_code);
ALTER TABLE payroll_chunk_total DROP CONSTRAINT payroll_chunk_total_pk,
    ADD CONSTRAINT payroll_chunk_total_pk PRIMARY KEY (run_id, no, kind, region_code),
    ADD CONSTRAINT payroll_chunk_total_chunk FOREIGN KEY (run_id, no, region_code) REFERENCES payroll_chunk (run_id, no, region_code);

-- a row's region is fixed once written: moving a person or an employer to another region is a transfer (new rows),
-- never an update of the distribution column
CREATE FUNCTION platform_region_code_fixed() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'region_code of % is fixed once registered (% -> %)', TG_TABLE_NAME, OLD.region_code, NEW.region_code
        USING ERRCODE = 'check_violation';
END
$$ LANGUAGE plpgsql;
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['registry_person', 'registry_employer', 'registry_enrollment', 'registry_change',
        'contribution_year', 'contribution_deferral', 'policy_deadline_item', 'casework_case', 'casework_history',
        'casework_material', 'casework_commitment', 'casework_certificate', 'casework_archive', 'pension_award',
        'notification_outbox', 'payroll_order', 'payroll_adjustment', 'payroll_recovery', 'payroll_run',
        'payroll_line', 'payroll_chunk', 'payroll_chunk_total'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_region_fixed BEFORE UPDATE OF region_code ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)'
                       ' EXECUTE FUNCTION platform_region_code_fixed()', t);
    END LOOP;
END $$;
