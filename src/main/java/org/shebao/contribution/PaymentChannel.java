package org.shebao.contribution;

/** How a payment reached the agency. */
public enum PaymentChannel {
    /** A line of a file from the tax/bank collection channel. */
    FILE,
    /** Recorded online: the employer's own payment in the portal or the app, or staff recording one. */
    ONLINE,
    /** The employer's credit (预收：多缴待抵) applied to a new bill, or to its bills when a receipt is matched to it. */
    CREDIT
}
