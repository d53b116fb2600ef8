package org.shebao.payroll;

/**
 * What a standing order pays each month: the computed benefit, or a pre-payment until it is computed (N-1b, FJ-1.3);
 * or a one-off amount, an order of one month.
 */
public enum OrderKind {
    REGULAR,
    PREPAYMENT,
    /** Paid once, in the order's only month (e.g. the one-time disability allowance, 工伤保险条例 第三十五条). */
    LUMP_SUM
}
