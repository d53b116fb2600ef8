package org.shebao.contribution;

/**
 * Where a monthly bill stands. An open bill is recomputed when its declarations change; once a payment has been
 * applied to it, it is settled as it stands ({@link Payments}).
 */
public enum BillStatus {
    /** 已核定，待缴费: nothing paid; recomputed whenever the declarations it rests on change. */
    OPEN,
    /** 部分缴费: some paid, the rest outstanding (a worklist of the collection section). */
    PART_PAID,
    /** 已缴清. */
    PAID
}
