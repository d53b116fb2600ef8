package org.shebao.recovery;

/** A step of a recovery's history (recovery_step.kind); shown as recovery.step.X. */
public enum StepKind {
    OPENED, DEDUCTION_STARTED, DEDUCTED, PAYMENT_REQUESTED, REPAID, WRITE_OFF_REQUESTED, WRITE_OFF_REJECTED,
    WRITTEN_OFF, CLOSED
}
