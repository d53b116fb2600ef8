-- issue 15 item 4: a payment the bank returned for its own reasons (a system fault, a timeout) while the account was
-- right is reissued to the same account. It goes through the same request and second-user approval as an account
-- change (its maker-checker, history and single-winner decision), marked same_account: the only request whose new
-- account may equal the old one, and then must (its bank: the order's, or the one the returned payment was sent
-- through when the order named none).
ALTER TABLE payroll_account_change ADD COLUMN same_account BOOLEAN NOT NULL DEFAULT FALSE,
    DROP CONSTRAINT payroll_account_change_differs,
    ADD CONSTRAINT payroll_account_change_differs CHECK (same_account OR new_account <> old_account OR new_name <> old_name),
    ADD CONSTRAINT payroll_account_change_same CHECK (NOT same_account OR (new_account = old_account
        AND new_name = old_name));
