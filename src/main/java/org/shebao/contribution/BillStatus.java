package org.shebao.contribution;

/** Where a monthly bill stands. Payments (a later slice of issue 11) will settle it; until then it stays open. */
public enum BillStatus {
    /** 已核定，待缴费: recomputed whenever the declarations it rests on change. */
    OPEN
}
