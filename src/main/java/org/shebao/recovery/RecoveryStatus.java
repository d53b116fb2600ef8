package org.shebao.recovery;

/**
 * Where a recovery stands: open (nothing under way), deducting from later payments, a payment request issued, or
 * closed (nothing left: repaid, deducted or written off). The database keeps CLOSED exactly when the balance is zero.
 */
public enum RecoveryStatus {
    OPEN, DEDUCTING, REQUESTED, CLOSED
}
