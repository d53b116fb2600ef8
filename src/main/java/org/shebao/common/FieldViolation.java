package org.shebao.common;

import java.util.List;

/**
 * One thing wrong with one field of a request. {@code code} is a message key (resolved in the user's language,
 * zh-CN by default), {@code args} fill its placeholders.
 */
public record FieldViolation(String field, String code, List<Object> args) {
    public FieldViolation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldViolation of(String field, String code, Object... args) {
        return new FieldViolation(field, code, List.of(args));
    }
}
