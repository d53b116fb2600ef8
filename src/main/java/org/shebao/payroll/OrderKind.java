package org.shebao.payroll;

/** What a standing order pays each month: the computed benefit, or a pre-payment until it is computed (N-1b, FJ-1.3). */
public enum OrderKind {
    REGULAR,
    PREPAYMENT
}
