package org.shebao.casework;

/** Where a case stands. Submitted → accepted (or returned once, with the complete list of what is missing) →
 *  pre-reviewed → approved or rejected. */
public enum CaseStatus {
    SUBMITTED, RETURNED, ACCEPTED, PRE_REVIEWED, APPROVED, REJECTED;

    public boolean isOpen() {
        return this != APPROVED && this != REJECTED;
    }
}
