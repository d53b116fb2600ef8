package org.shebao.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The simple rules of a request's fields (required, length, format) are Bean Validation annotations on its record;
 * this turns their violations into {@link FieldViolation}s, so that they reach the user as every other refusal does:
 * a message key, resolved in the user's language, on the field.
 * <p>
 * A constraint's message written as {@code "{error.x}"} is the key {@code error.x}; one without such a message gets
 * the key of its kind: required ({@code @NotNull}, {@code @NotBlank}) {@code error.required}, a maximum length
 * ({@code @CodePointLength}, {@code @Size}) {@code error.tooLong}, anything else {@code error.format}. The limit of a
 * constraint ({@code max}, else {@code value}) is the message's argument {0}. A field reports one violation, as the
 * hand-written checks stopped at the first: required before length before format. Fields come in the order of the
 * record's components.
 */
public final class FieldRules {
    private static final Pattern KEY = Pattern.compile("\\{(error\\.[^}]+)}");
    private static final Set<Class<? extends Annotation>> REQUIRED = Set.of(NotNull.class, NotBlank.class,
            NotEmpty.class);
    private static final Set<Class<? extends Annotation>> LENGTH = Set.of(CodePointLength.class, Size.class, Max.class);

    private FieldRules() {
    }

    /** Text as a record keeps it: stripped, and null when blank (a blank optional field is no value). */
    public static String trim(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** The violations as field violations: one per field, in the order of the request's components. */
    public static List<FieldViolation> of(Collection<? extends ConstraintViolation<?>> found) {
        Map<String, ConstraintViolation<?>> first = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparingInt(FieldRules::position).thenComparingInt(FieldRules::rank)
                        .thenComparing(ConstraintViolation::getMessageTemplate))
                .forEach(v -> first.putIfAbsent(field(v), v));
        return first.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }

    /** One violation on the field its path names. */
    public static FieldViolation of(ConstraintViolation<?> v) {
        return of(field(v), v);
    }

    /** One violation on a field named by the caller (a request parameter validated by itself). */
    public static FieldViolation of(String field, ConstraintViolation<?> v) {
        Matcher m = KEY.matcher(v.getMessageTemplate());
        String code = m.matches() ? m.group(1) : switch (rank(v)) {
            case 0 -> "error.required";
            case 1 -> "error.tooLong";
            default -> "error.format";
        };
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        Object limit = attributes.containsKey("max") ? attributes.get("max") : attributes.get("value");
        return limit instanceof Number ? FieldViolation.of(field, code, limit) : FieldViolation.of(field, code);
    }

    /**
     * The field a violation is about: the property of the request, or the key of a map entry inside it (a case's
     * form field is named by its key, as the form posts it).
     */
    static String field(ConstraintViolation<?> v) {
        String name = "";
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKey() != null) {
                name = n.getKey().toString();
            } else if (n.getName() != null && !n.getName().startsWith("<") && name.isEmpty()) {
                name = n.getName();
            }
        }
        return name;
    }

    private static int rank(ConstraintViolation<?> v) {
        Class<? extends Annotation> type = v.getConstraintDescriptor().getAnnotation().annotationType();
        return REQUIRED.contains(type) ? 0 : LENGTH.contains(type) ? 1 : 2;
    }

    private static int position(ConstraintViolation<?> v) {
        Class<?> type = v.getRootBeanClass();
        if (type == null || !type.isRecord()) {
            return 0;
        }
        var nodes = v.getPropertyPath().iterator();
        String property = nodes.hasNext() ? nodes.next().getName() : null;
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        int i = names.indexOf(property);
        return i < 0 ? names.size() : i;
    }
}
