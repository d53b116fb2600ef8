package org.shebao.settlement;

/** An audited item's second review (settlement_audit_item.finding, CHECKed by the database). */
public enum Finding {
    /** Handled as the measure says. */
    CORRECT,
    /** Handled wrongly: the amount in error (0 where no money was wrong) and a note saying what. */
    ERROR
}
