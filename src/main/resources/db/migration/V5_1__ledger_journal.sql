-- ledger: books per fund (社会保险基金会计制度: each fund keeps its own), journal entries of several lines that
-- balance per entry (checked by the database at commit), one entry per business event (its source is unique, so a
-- payroll run, a settlement or a death-data recovery can be posted once only), and neither entries nor lines can be
-- changed or removed once posted (corrections are new entries).
CREATE TABLE ledger_fund (
    code     VARCHAR(16)  PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    name_en  VARCHAR(100) NOT NULL
);
INSERT INTO ledger_fund (code, name, name_en) VALUES
    ('PENSION', '企业职工基本养老保险基金', 'Enterprise employees'' basic pension fund'),
    ('UNEMPLOYMENT', '失业保险基金', 'Unemployment insurance fund'),
    ('WORK_INJURY', '工伤保险基金', 'Work-injury insurance fund');

ALTER TABLE ledger_account ADD COLUMN fund VARCHAR(16) REFERENCES ledger_fund (code);
ALTER TABLE ledger_account ADD COLUMN name_en VARCHAR(100);
UPDATE ledger_account SET fund = 'PENSION';
UPDATE ledger_account SET name_en = CASE code
    WHEN '1002' THEN 'Bank deposits (benefit payments account)'
    WHEN '1221' THEN 'Pension pre-payments (to be settled)'
    WHEN '1231' THEN 'Over-payments receivable'
    WHEN '5001' THEN 'Basic pension expense'
    WHEN '5002' THEN 'Pension arrears expense' END;
ALTER TABLE ledger_account ALTER COLUMN fund SET NOT NULL;
ALTER TABLE ledger_account ALTER COLUMN name_en SET NOT NULL;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_debit_fkey;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_credit_fkey;
ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_pkey;
ALTER TABLE ledger_account ADD PRIMARY KEY (fund, code);
INSERT INTO ledger_account (fund, code, name, name_en, kind) VALUES
    ('UNEMPLOYMENT', '1002', '银行存款（支出户）', 'Bank deposits (payments account)', 'ASSET'),
    ('UNEMPLOYMENT', '1231', '应收多发待遇', 'Over-payments receivable', 'ASSET'),
    ('UNEMPLOYMENT', '5101', '失业保险金支出', 'Unemployment benefit expense', 'EXPENSE'),
    ('WORK_INJURY', '1002', '银行存款（支出户）', 'Bank deposits (payments account)', 'ASSET'),
    ('WORK_INJURY', '1221', '预付工伤医疗费用（待结算）', 'Work-injury medical bills pre-paid (to be settled)', 'ASSET'),
    ('WORK_INJURY', '1231', '应收多发待遇', 'Over-payments receivable', 'ASSET'),
    ('WORK_INJURY', '5201', '工伤保险待遇支出', 'Work-injury benefit expense', 'EXPENSE');

CREATE TABLE ledger_journal (
    id         BIGSERIAL    PRIMARY KEY,
    fund       VARCHAR(16)  NOT NULL REFERENCES ledger_fund (code),
    posted_on  DATE         NOT NULL,
    source     VARCHAR(64)  NOT NULL,
    memo       VARCHAR(200) NOT NULL,
    posted_by  VARCHAR(64)  NOT NULL,
    posted_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ledger_journal_source UNIQUE (source),
    CONSTRAINT ledger_journal_fund UNIQUE (id, fund)
);
CREATE INDEX ledger_journal_posted_idx ON ledger_journal (fund, posted_on, id);

CREATE TABLE ledger_line (
    journal_id BIGINT        NOT NULL,
    line_no    INT           NOT NULL,
    fund       VARCHAR(16)   NOT NULL,
    account    VARCHAR(32)   NOT NULL,
    debit      NUMERIC(16,2) NOT NULL DEFAULT 0,
    credit     NUMERIC(16,2) NOT NULL DEFAULT 0,
    memo       VARCHAR(200)  NOT NULL,
    PRIMARY KEY (journal_id, line_no),
    FOREIGN KEY (journal_id, fund) REFERENCES ledger_journal (id, fund),
    FOREIGN KEY (fund, account) REFERENCES ledger_account (fund, code),
    CHECK ((debit > 0 AND credit = 0) OR (credit > 0 AND debit = 0))
);
CREATE INDEX ledger_line_account_idx ON ledger_line (fund, account, journal_id);

-- an entry balances, with at least two lines, when its transaction commits
CREATE FUNCTION ledger_journal_balanced() RETURNS trigger AS $$
DECLARE
    j BIGINT := COALESCE(NEW.journal_id, OLD.journal_id);
    d NUMERIC;
    c NUMERIC;
    n INT;
BEGIN
    SELECT COALESCE(sum(debit), 0), COALESCE(sum(credit), 0), count(*) INTO d, c, n FROM ledger_line WHERE journal_id = j;
    IF n < 2 OR d <> c THEN
        RAISE EXCEPTION 'ledger journal % does not balance: % lines, debits %, credits %', j, n, d, c;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER ledger_line_balanced AFTER INSERT ON ledger_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_journal_balanced();

CREATE FUNCTION ledger_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: post a correcting entry instead';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_journal_no_update BEFORE UPDATE OR DELETE ON ledger_journal
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_line_no_update BEFORE UPDATE OR DELETE ON ledger_line
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_journal_no_truncate BEFORE TRUNCATE ON ledger_journal
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_line_no_truncate BEFORE TRUNCATE ON ledger_line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();

-- what was posted before: one entry per source, a debit and a credit line per old posting
INSERT INTO ledger_journal (fund, posted_on, source, memo, posted_by, posted_at)
SELECT 'PENSION', min(posted_on), source, min(memo), min(posted_by), min(posted_at) FROM ledger_entry GROUP BY source;
INSERT INTO ledger_line (journal_id, line_no, fund, account, debit, credit, memo)
SELECT j.id, row_number() OVER (PARTITION BY j.id ORDER BY e.id, x.side), 'PENSION', x.account, x.debit, x.credit, e.memo
  FROM ledger_entry e JOIN ledger_journal j ON j.source = e.source
  CROSS JOIN LATERAL (VALUES (1, e.debit, e.amount, 0::numeric), (2, e.credit, 0::numeric, e.amount))
       AS x (side, account, debit, credit);
DROP TABLE ledger_entry;
