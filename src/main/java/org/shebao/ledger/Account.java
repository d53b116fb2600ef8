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
    PENSION_ARREARS_EXPENSE(Fund.PENSION, "5002"),
    /** 丧葬补助金和抚恤金支出: paid to a deceased recipient's survivors (社会保险法 第十七条). */
    PENSION_SURVIVORS_EXPENSE(Fund.PENSION, "5003"),
    /** 个人账户余额继承支出: a deceased's personal-account balance paid to the heir (社会保险法 第十四条). */
    PENSION_INHERITANCE_EXPENSE(Fund.PENSION, "5004"),

    // contributions (issue 11), the same five accounts in each fund's chart
    /** 银行存款（收入户）: contributions and late fees collected. */
    PENSION_COLLECTION_BANK(Fund.PENSION, "1001"),
    /** 应收社会保险费: assessed (核定), not yet paid. */
    PENSION_CONTRIBUTIONS_RECEIVABLE(Fund.PENSION, "1131"),
    /** 应收滞纳金: late fees charged, not yet paid. */
    PENSION_LATE_FEES_RECEIVABLE(Fund.PENSION, "1132"),
    /** 社会保险费收入. */
    PENSION_CONTRIBUTION_INCOME(Fund.PENSION, "4001"),
    /** 滞纳金收入. */
    PENSION_LATE_FEE_INCOME(Fund.PENSION, "4101"),
    UNEMPLOYMENT_COLLECTION_BANK(Fund.UNEMPLOYMENT, "1001"),
    UNEMPLOYMENT_CONTRIBUTIONS_RECEIVABLE(Fund.UNEMPLOYMENT, "1131"),
    UNEMPLOYMENT_LATE_FEES_RECEIVABLE(Fund.UNEMPLOYMENT, "1132"),
    UNEMPLOYMENT_CONTRIBUTION_INCOME(Fund.UNEMPLOYMENT, "4001"),
    UNEMPLOYMENT_LATE_FEE_INCOME(Fund.UNEMPLOYMENT, "4101"),
    WORK_INJURY_COLLECTION_BANK(Fund.WORK_INJURY, "1001"),
    WORK_INJURY_CONTRIBUTIONS_RECEIVABLE(Fund.WORK_INJURY, "1131"),
    WORK_INJURY_LATE_FEES_RECEIVABLE(Fund.WORK_INJURY, "1132"),
    WORK_INJURY_CONTRIBUTION_INCOME(Fund.WORK_INJURY, "4001"),
    WORK_INJURY_LATE_FEE_INCOME(Fund.WORK_INJURY, "4101"),
    /** 预收社会保险费（单位多缴待抵）: employers' credits from overpayments, held in the pension fund's chart. */
    PENSION_EMPLOYER_CREDITS(Fund.PENSION, "2121"),
    /** 暂收款（待查明缴费）: receipts not yet matched to an employer, held in the pension fund's chart. */
    PENSION_UNIDENTIFIED_RECEIPTS(Fund.PENSION, "2131"),
    /** 银行存款（支出户） of the unemployment fund. */
    UNEMPLOYMENT_BANK(Fund.UNEMPLOYMENT, "1002"),
    /** 应收多发待遇 of the unemployment fund: months paid after a stop (re-employment …), to recover. */
    UNEMPLOYMENT_RECEIVABLE(Fund.UNEMPLOYMENT, "1231"),
    /** 失业保险金支出 (months paid late, FJ-1.6, included). */
    UNEMPLOYMENT_EXPENSE(Fund.UNEMPLOYMENT, "5101"),
    /** 代缴基本医疗保险费支出: claimants' medical insurance premiums (社会保险法 第四十八条). */
    UNEMPLOYMENT_MEDICAL_EXPENSE(Fund.UNEMPLOYMENT, "5102"),
    /** 银行存款（支出户） of the work-injury fund. */
    WORK_INJURY_BANK(Fund.WORK_INJURY, "1002"),
    /** 应收多发待遇 of the work-injury fund. */
    WORK_INJURY_RECEIVABLE(Fund.WORK_INJURY, "1231"),
    /** 工伤保险待遇支出 (allowances and one-off grants). */
    WORK_INJURY_EXPENSE(Fund.WORK_INJURY, "5201"),
    /** 预付工伤医疗费用（待结算）: SX-1b, agreement institutions' monthly bills pre-paid until settled. */
    WORK_INJURY_MEDICAL_PREPAYMENTS(Fund.WORK_INJURY, "1221"),
    /** 应收协议医疗机构多预付款: what a settlement found pre-paid beyond the approved amount (SX-1b, 多退). */
    WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE(Fund.WORK_INJURY, "1241"),
    /** 工伤医疗费用支出: the approved amount of a settled month of an agreement institution's bills. */
    WORK_INJURY_MEDICAL_EXPENSE(Fund.WORK_INJURY, "5202"),
    /** 基本养老保险关系转移支出: a pension record's funds sent to another agency (国办发〔2009〕66号). */
    PENSION_TRANSFER_OUT(Fund.PENSION, "5301"),
    /** 基本养老保险关系转移收入: a pension record's funds received from another agency. */
    PENSION_TRANSFER_IN(Fund.PENSION, "4301"),
    /** 临时基本养老保险缴费账户资金（待归集）: what a temporary account holds for the person's final place. */
    PENSION_TEMPORARY_ACCOUNTS(Fund.PENSION, "2311"),
    /** 记入临时基本养老保险缴费账户: contributions at the holder recorded into a temporary account. */
    PENSION_TEMPORARY_RECORDED(Fund.PENSION, "5302"),

    // bank returns (issue 15, item 4): what the bank could not pay came back to the bank account and is owed to the
    // recipient until it is reissued
    /** 应付待遇（银行退回待重发） of the pension fund. */
    PENSION_RETURNED(Fund.PENSION, "2201"),
    /** 应付待遇（银行退回待重发） of the unemployment fund. */
    UNEMPLOYMENT_RETURNED(Fund.UNEMPLOYMENT, "2201"),
    /** 应付待遇（银行退回待重发） of the work-injury fund. */
    WORK_INJURY_RETURNED(Fund.WORK_INJURY, "2201"),

    // the residents' pension fund (城乡居民基本养老保险, 国发〔2014〕8号; issue 13 item 2)
    /** 银行存款（收入户） of the residents' fund: the residents' yearly contributions and the subsidies received. */
    RESIDENT_PENSION_COLLECTION_BANK(Fund.RESIDENT_PENSION, "1001"),
    /** 银行存款（支出户） of the residents' fund. */
    RESIDENT_PENSION_BANK(Fund.RESIDENT_PENSION, "1002"),
    /** 应收多发待遇 of the residents' fund. */
    RESIDENT_PENSION_RECEIVABLE(Fund.RESIDENT_PENSION, "1231"),
    /** 应付待遇（银行退回待重发） of the residents' fund. */
    RESIDENT_PENSION_RETURNED(Fund.RESIDENT_PENSION, "2201"),
    /** 个人缴费收入: a resident's yearly contribution (the grade chosen). */
    RESIDENT_PENSION_CONTRIBUTION_INCOME(Fund.RESIDENT_PENSION, "4001"),
    /** 政府补贴收入: the government's subsidy credited to a resident's personal account. */
    RESIDENT_PENSION_SUBSIDY_INCOME(Fund.RESIDENT_PENSION, "4201"),
    /** 城乡居民基本养老金支出 (basic pension and personal-account pension; arrears of FJ-1.2 included). */
    RESIDENT_PENSION_EXPENSE(Fund.RESIDENT_PENSION, "5401");

    /** A fund's benefit-payments bank account (1002) and its returned-benefits payable (2201). */
    public record Returns(Account bank, Account returned) {
    }

    /** The accounts a bank return and a reissue of the fund move: 1002 and 2201. */
    public static Returns returns(Fund fund) {
        return new Returns(of(fund, "1002"), of(fund, "2201"));
    }

    /** The contribution accounts of one fund. */
    public record Contributions(Account bank, Account receivable, Account lateFeesReceivable, Account income,
                                Account lateFeeIncome) {
    }

    /** The five contribution accounts in the fund's chart. */
    public static Contributions contributions(Fund fund) {
        return new Contributions(of(fund, "1001"), of(fund, "1131"), of(fund, "1132"), of(fund, "4001"),
                of(fund, "4101"));
    }

    /** The account of a fund by its code. */
    public static Account of(Fund fund, String code) {
        for (Account a : values()) {
            if (a.fund == fund && a.code.equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no account " + code + " in " + fund);
    }

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
