package org.shebao.ledger;

/** The accounts the platform posts to, each in its fund's chart (ledger_account: fund, code). */
public enum Account {
    /** 银行存款（待遇支出户）. */
    PENSION_BANK(Fund.PENSION, "1002"),
    /** 预发养老金（待结算）: N-1e, FJ-1.7 — pre-payments are booked apart until settled. */
    PENSION_PREPAYMENTS(Fund.PENSION, "1221"),
    /** 应收多发待遇: over-payments to recover (death data, settlement over-payments). */
    PENSION_RECEIVABLE(Fund.PENSION, "1231"),
    /** 基本养老金支出. */
    PENSION_EXPENSE(Fund.PENSION, "5001"),
    /** 补发养老金支出. */
    PENSION_ARREARS_EXPENSE(Fund.PENSION, "5002");

    private final Fund fund;
    private final String code;

    Account(Fund fund, String code) {
        this.fund = fund;
        this.code = code;
    }

    public Fund fund() {
        return fund;
    }

    public String code() {
        return code;
    }
}
