package org.shebao.ledger;

/** The funds whose books are kept apart (社会保险基金会计制度). */
public enum Fund {
    PENSION, UNEMPLOYMENT, WORK_INJURY
}
