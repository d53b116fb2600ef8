package org.shebao.payroll;

/**
 * Where a standing order is (payroll_order.status): paid each month while active; suspended when certification is
 * overdue (unless N-1c / SX-1c / FJ-1.1 is in force); stopped for good on death or an end of entitlement.
 */
public enum OrderStatus {
    ACTIVE,
    SUSPENDED,
    STOPPED;

    public boolean stopped() {
        return this == STOPPED;
    }
}
