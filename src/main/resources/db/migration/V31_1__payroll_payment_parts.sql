-- issue 17 item 4: the citizen's payments page reads a person's payments from payroll_payment (found by its unique
-- index on run and order, never by scanning a run's lines); each payment keeps the kinds of line it pays (按月发放、
-- 预发、补发、结算、退回重发 …) and the flags of the measures behind them, aggregated from the frozen lines at approval.
ALTER TABLE payroll_payment ADD COLUMN kinds TEXT NOT NULL DEFAULT '',
                            ADD COLUMN flags TEXT NOT NULL DEFAULT '';

-- what was sent stays what was sent: the two new columns are frozen with the rest
CREATE OR REPLACE FUNCTION payroll_payment_settled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'SENT' OR (NEW.id, NEW.run_id, NEW.order_id, NEW.person_id, NEW.benefit,
        NEW.bank_account, NEW.account_name, NEW.amount, NEW.kinds, NEW.flags) IS DISTINCT FROM (OLD.id, OLD.run_id,
        OLD.order_id, OLD.person_id, OLD.benefit, OLD.bank_account, OLD.account_name, OLD.amount, OLD.kinds,
        OLD.flags) THEN
        RAISE EXCEPTION 'payroll payment % is settled or sent: it cannot be changed', OLD.id;
    END IF;
    RETURN NEW;
END $$;
