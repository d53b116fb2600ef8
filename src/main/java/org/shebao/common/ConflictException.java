package org.shebao.common;

/**
 * The request clashes with what is stored: a duplicate registration, or a record changed by someone else since it
 * was read (optimistic locking). HTTP 409 on the API.
 */
public class ConflictException extends RuntimeException {
    private final FieldViolation violation;

    public ConflictException(String field, String code, Object... args) {
        super("conflict: " + field + "=" + code);
        this.violation = FieldViolation.of(field, code, args);
    }

    public FieldViolation violation() {
        return violation;
    }
}
