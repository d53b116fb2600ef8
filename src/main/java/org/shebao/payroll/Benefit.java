package org.shebao.payroll;

/** The benefit a standing order pays (payroll_order.benefit); the module that registers the order owns its rules. */
public enum Benefit {
    PENSION
}
