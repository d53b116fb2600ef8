package org.shebao.payroll;

/** Where a monthly run is (payroll_run.status, CHECKed by the database): running until it is completed and booked. */
public enum RunStatus {
    RUNNING,
    COMPLETED
}
