package org.shebao.common;

import jakarta.validation.ConstraintViolation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Collects every problem of a request so that the user sees them all at once, then throws them together. */
public final class Violations {
    private final List<FieldViolation> list = new ArrayList<>();

    /**
     * Starts from the violations of a request's annotated field rules ({@link FieldRules}), to which a service adds
     * what only it can check (value types, policy, the data), so that the user sees them all at once.
     */
    public static Violations of(Set<? extends ConstraintViolation<?>> found) {
        Violations v = new Violations();
        v.list.addAll(FieldRules.of(found));
        return v;
    }

    public void add(String field, String code, Object... args) {
        list.add(FieldViolation.of(field, code, args));
    }

    /** Runs a parse; its violations are collected and {@code null} is returned instead of throwing. */
    public <T> T attempt(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            list.addAll(e.violations());
            return null;
        }
    }

    /** Trimmed text (null when blank); required and maximum length checked. */
    public String text(String raw, String field, int max, boolean required) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(field, "error.required");
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            add(field, "error.tooLong", max);
            return null;
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            add(field, "error.format");
            return null;
        }
        return v;
    }

    /** A calendar date written as yyyy-MM-dd; an impossible date (2021-02-30) is named as such. */
    public LocalDate date(String raw, String field, boolean required) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(field, "error.required");
            }
            return null;
        }
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            add(field, "error.date.format");
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(5, 7)),
                    Integer.parseInt(v.substring(8, 10)));
        } catch (DateTimeException e) {
            add(field, "error.date.impossible", v);
            return null;
        }
    }

    public <E extends Enum<E>> E oneOf(String raw, Class<E> type, String field) {
        if (raw == null || raw.isBlank()) {
            add(field, "error.required");
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            add(field, "error.choice");
            return null;
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The violations found so far, in order. */
    public List<FieldViolation> list() {
        return List.copyOf(list);
    }

    public boolean has(String field) {
        return list.stream().anyMatch(v -> v.field().equals(field));
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
