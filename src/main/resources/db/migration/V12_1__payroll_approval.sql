-- Payroll approval, maker-checker (issue 15, item 3). A completed run is reviewed and approved by a second finance
-- user, not the one who started it; only then is its bank file released. The approval is one single-winner update
-- of a COMPLETED run (approved_at IS NULL → set); the database itself refuses an approval by the maker and any change to an approved
-- run or to its payment lines (the approval freezes the run).
ALTER TABLE payroll_run
    ADD COLUMN approved_by VARCHAR(64),
    ADD COLUMN approved_at TIMESTAMPTZ,
    ADD COLUMN released_by VARCHAR(64),   -- the first release of the bank file (every download is in the audit log)
    ADD COLUMN released_at TIMESTAMPTZ,
    ADD CONSTRAINT payroll_run_approval CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
    ADD CONSTRAINT payroll_run_four_eyes CHECK (approved_by IS NULL OR approved_by <> started_by),
    ADD CONSTRAINT payroll_run_release CHECK ((released_by IS NULL) = (released_at IS NULL)
                                              AND (released_at IS NULL OR approved_at IS NOT NULL));

-- an approved run stays as approved: only its first release may still be recorded
CREATE FUNCTION payroll_run_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'payroll run % is approved: it cannot be deleted', OLD.id;
    END IF;
    IF (NEW.id, NEW.region_code, NEW.month, NEW.status, NEW.orders_total, NEW.started_by, NEW.started_at,
        NEW.finished_at, NEW.approved_by, NEW.approved_at)
       IS DISTINCT FROM (OLD.id, OLD.region_code, OLD.month, OLD.status, OLD.orders_total, OLD.started_by,
        OLD.started_at, OLD.finished_at, OLD.approved_by, OLD.approved_at)
       OR (OLD.released_at IS NOT NULL AND (NEW.released_by, NEW.released_at) IS DISTINCT FROM (OLD.released_by, OLD.released_at)) THEN
        RAISE EXCEPTION 'payroll run % is approved: it cannot be changed', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payroll_run_frozen BEFORE UPDATE OR DELETE ON payroll_run
    FOR EACH ROW WHEN (OLD.approved_at IS NOT NULL) EXECUTE FUNCTION payroll_run_frozen();

-- the payment lines of an approved run cannot be changed or removed (new lines are written only into the chunks a
-- RUNNING run hands out, and an approved run is COMPLETED)
CREATE FUNCTION payroll_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM payroll_run r WHERE r.id = OLD.run_id AND r.region_code = OLD.region_code
                                             AND r.approved_at IS NOT NULL) THEN
        RAISE EXCEPTION 'payroll run % is approved: its payment lines cannot be changed', OLD.run_id;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER payroll_line_frozen BEFORE UPDATE OR DELETE ON payroll_line
    FOR EACH ROW EXECUTE FUNCTION payroll_line_frozen();
