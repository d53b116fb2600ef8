package org.shebao.unemployment;

/** Where an approved claim stands: paid month by month, or stopped (第十五条); shown as {@code unemployment.status.CODE}. */
public enum ClaimStatus {
    PAYING, STOPPED
}
