package org.shebao.contribution;

/** How a payment reached the agency. */
public enum PaymentChannel {
    /** A line of a file from the tax/bank collection channel. */
    FILE,
    /** Recorded online: the employer's own payment in the portal or the app, or staff recording one. */
    ONLINE
}
