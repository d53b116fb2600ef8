package org.shebao.audit;

/** What an operation-log row records; the screen shows each by its name (audit.action.X). */
public enum AuditAction {
    LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED,
    CASE_STEP, AWARD_DECIDED, PAYROLL_RUN_STARTED, PAYROLL_RUN_COMPLETED, PAYROLL_RUN_APPROVED, PAYROLL_BANK_FILE_RELEASED,
    LEDGER_POSTED,
    EMERGENCY_DECLARED, EMERGENCY_DATE_CHANGED,
    USER_ADMINISTERED, ID_NUMBER_REVEALED, ID_NUMBER_SEARCHED, DATA_IMPORTED, DEFERRAL_REGISTERED,
    DECLARATION_SUBMITTED, BILL_ASSESSED, BILL_RECOMPUTED, EMPLOYER_DEFERRAL_APPROVED, PAYMENT_RECORDED,
    PAYMENT_FILE_IMPORTED, DOCUMENT_REVOKED, DOCUMENT_REISSUED, SETTLEMENT_DECIDED,
    AUDIT_SAMPLE_DRAWN, AUDIT_ITEM_REVIEWED,
    /** A targeted notice sent to its audience (N-6, FJ-7). */
    NOTICE_SENT,
    /** A step of a pension transfer between agencies (国办发〔2009〕66号). */
    TRANSFER_STEP,
    PAYROLL_RETURN_IMPORTED, PAYROLL_ACCOUNT_CHANGE_REQUESTED, PAYROLL_ACCOUNT_CHANGE_DECIDED,
    /** A pension recipient's death recorded (by a clerk with evidence, or from death data; issue 15 item 6). */
    DEATH_RECORDED,
    /** A step of a recovery of an over-payment (issue 15 item 5). */
    RECOVERY_STEP,
    /** A step of the collection section: a late fee, an employer credit refund, an unidentified receipt (issue 11). */
    COLLECTION_STEP
}
