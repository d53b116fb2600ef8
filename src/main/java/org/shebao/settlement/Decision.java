package org.shebao.settlement;

/** How a settlement item is closed (settlement_item.decision, CHECKed by the database). */
public enum Decision {
    /** Checked, nothing to change. */
    CONFIRMED,
    /** Corrected: the note says what and with what effect. */
    CORRECTED,
    /** An over-payment is to be recovered: the note names the recovery. */
    RECOVERY_OPENED
}
