package org.shebao.common.web;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.FieldRules;
import org.shebao.common.FieldViolation;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * What Spring found wrong with a request before any service saw it, as field violations: a value that did not bind
 * to its type ({@code error.format}), and the request's annotated field rules (@Valid) as {@link FieldRules} reads
 * them.
 */
public final class BindingViolations {
    private BindingViolations() {
    }

    /** A form or body bound to a record (and validated by its annotations). */
    public static List<FieldViolation> of(Errors errors) {
        List<FieldViolation> out = new ArrayList<>();
        List<ConstraintViolation<?>> rules = new ArrayList<>();
        for (ObjectError e : errors.getAllErrors()) {
            if (e.contains(ConstraintViolation.class)) {
                rules.add(e.unwrap(ConstraintViolation.class));
            } else {
                String field = e instanceof FieldError f ? f.getField() : e.getObjectName();
                out.add(FieldViolation.of(field, "error.format"));
            }
        }
        out.addAll(FieldRules.of(rules));
        return out;
    }

    /** The parameters of a handler validated one by one (a constrained @RequestParam, a @Valid body). */
    public static List<FieldViolation> of(MethodValidationResult result) {
        List<FieldViolation> out = new ArrayList<>();
        for (ParameterValidationResult r : result.getParameterValidationResults()) {
            if (r instanceof ParameterErrors errors) {
                out.addAll(of(errors));
                continue;
            }
            String name = r.getMethodParameter().getParameterName();
            for (MessageSourceResolvable e : r.getResolvableErrors()) {
                ConstraintViolation<?> v = r.unwrap(e, ConstraintViolation.class);
                out.add(FieldRules.of(name == null ? "" : name, v));
            }
        }
        return out;
    }
}
