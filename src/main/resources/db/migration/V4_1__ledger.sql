-- ledger: double-entry accounts and journal. Every entry debits one account and credits another by the same
-- amount, so the books balance by construction; payroll runs post their totals per kind (N-1e: pre-payments to
-- their own account, recoveries to a receivable).
CREATE TABLE ledger_account (
    code  VARCHAR(32)  PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    kind  VARCHAR(12)  NOT NULL CHECK (kind IN ('ASSET','LIABILITY','EXPENSE','FUND'))
);
INSERT INTO ledger_account (code, name, kind) VALUES
    ('1002', '银行存款（待遇支出户）', 'ASSET'),
    ('1221', '预发养老金（待结算）', 'ASSET'),
    ('1231', '应收多发待遇', 'ASSET'),
    ('5001', '基本养老金支出', 'EXPENSE'),
    ('5002', '补发养老金支出', 'EXPENSE');

CREATE TABLE ledger_entry (
    id          BIGSERIAL PRIMARY KEY,
    posted_on   DATE          NOT NULL,
    debit       VARCHAR(32)   NOT NULL REFERENCES ledger_account (code),
    credit      VARCHAR(32)   NOT NULL REFERENCES ledger_account (code),
    amount      NUMERIC(16,2) NOT NULL CHECK (amount > 0),
    memo        VARCHAR(200)  NOT NULL,
    source      VARCHAR(64)   NOT NULL,
    posted_by   VARCHAR(64)   NOT NULL,
    posted_at   TIMESTAMPTZ   NOT NULL,
    CHECK (debit <> credit)
);
CREATE INDEX ledger_entry_source_idx ON ledger_entry (source);
