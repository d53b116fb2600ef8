package org.shebao.payroll;

/**
 * The kind of a payment line, and of a one-off adjustment that becomes one: an order's month ({@link #REGULAR},
 * {@link #PREPAYMENT}), months paid late ({@link #ARREARS}, N-1d), the difference found at settlement
 * ({@link #SETTLEMENT}, {@link #DEDUCTION}) and an over-payment collected ({@link #RECOVERY}). Each kind is booked to
 * its own account when a run completes.
 */
public enum LineKind {
    REGULAR,
    PREPAYMENT,
    ARREARS,
    SETTLEMENT,
    DEDUCTION,
    RECOVERY,
    /** A one-off benefit, the line of a {@link OrderKind#LUMP_SUM} order. */
    LUMP_SUM,
    /**
     * A payment the bank returned as failed, paid again after the recipient's account was corrected (issue 15,
     * item 4): booked from the returned-benefits payable, not as a new expense.
     */
    REISSUE
}
