package org.shebao.ledger;

/** The funds whose books are kept apart (社会保险基金会计制度). */
public enum Fund {
    PENSION, UNEMPLOYMENT, WORK_INJURY,
    /** 城乡居民基本养老保险基金 (国发〔2014〕8号): residents' contributions, subsidies and pensions. */
    RESIDENT_PENSION
}
