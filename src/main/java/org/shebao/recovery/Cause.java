package org.shebao.recovery;

/** Why money paid is owed back (recovery_case.cause, CHECKed by the database); shown as recovery.cause.X. */
public enum Cause {
    /** Months paid after the recipient's death (death data, N-1e risk control). */
    DEATH,
    /** A pre-payment settled lower than it paid (N-1b, FJ-1.3: 多扣少补). */
    PREPAYMENT_SETTLEMENT,
    /** Benefit months paid after a stop (unemployment: re-employment and the other stops of 第十五条). */
    BENEFIT_STOPPED,
    /** A settlement worklist item decided "recovery opened" (N-1e, FJ-1.7). */
    SETTLEMENT_DECISION,
    OTHER
}
