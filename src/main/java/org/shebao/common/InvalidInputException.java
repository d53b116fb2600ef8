package org.shebao.common;

import java.util.List;

/** Bad input: one or more field violations. Shown to the user field by field; HTTP 400 on the API. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("invalid input: " + violations.stream().map(v -> v.field() + "=" + v.code()).toList());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(FieldViolation violation) {
        this(List.of(violation));
    }

    public static InvalidInputException of(String field, String code, Object... args) {
        return new InvalidInputException(FieldViolation.of(field, code, args));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
