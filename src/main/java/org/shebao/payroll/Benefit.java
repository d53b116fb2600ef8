package org.shebao.payroll;

import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;

/** The benefit a standing order pays (payroll_order.benefit); the module that registers the order owns its rules. */
public enum Benefit {
    /** 基本养老金, booked to the pension fund. */
    PENSION(Fund.PENSION),
    /** 失业保险金, booked to the unemployment fund. */
    UNEMPLOYMENT(Fund.UNEMPLOYMENT),
    /** 工伤保险待遇 (disability allowances, nursing allowance), booked to the work-injury fund. */
    WORK_INJURY(Fund.WORK_INJURY),
    /**
     * 失业人员基本医疗保险费: paid by the unemployment fund to the medical insurance agency for each month a claimant
     * is paid unemployment benefit (社会保险法 第四十八条), booked to the unemployment fund.
     */
    MEDICAL_PREMIUM(Fund.UNEMPLOYMENT),
    /** 城乡居民基本养老金 (basic pension + personal account ÷ 139), booked to the residents' pension fund. */
    RESIDENT_PENSION(Fund.RESIDENT_PENSION),
    /**
     * 丧葬补助金和抚恤金: paid once to a deceased recipient's survivors (社会保险法 第十七条), booked to the pension
     * fund's account 5003.
     */
    SURVIVORS(Fund.PENSION),
    /** 个人账户余额继承: a deceased's personal-account balance paid to the heir (社会保险法 第十四条), account 5004. */
    INHERITANCE(Fund.PENSION);

    private final Fund fund;

    Benefit(Fund fund) {
        this.fund = fund;
    }

    /** The fund that pays it, whose books a run's lines of the benefit go to. */
    public Fund fund() {
        return fund;
    }

    /**
     * The expense account a regular payment of the benefit is booked to, in its fund (a pension's pre-payments,
     * arrears and settlements have their own: {@code Payroll.posting}); an over-payment's receivable is taken out of
     * it when a recovery opens.
     */
    public Account expense() {
        return switch (this) {
            case PENSION -> Account.PENSION_EXPENSE;
            case UNEMPLOYMENT -> Account.UNEMPLOYMENT_EXPENSE;
            case WORK_INJURY -> Account.WORK_INJURY_EXPENSE;
            case MEDICAL_PREMIUM -> Account.UNEMPLOYMENT_MEDICAL_EXPENSE;
            case RESIDENT_PENSION -> Account.RESIDENT_PENSION_EXPENSE;
            case SURVIVORS -> Account.PENSION_SURVIVORS_EXPENSE;
            case INHERITANCE -> Account.PENSION_INHERITANCE_EXPENSE;
        };
    }
}
