package org.shebao.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jakarta.validation.ConstraintViolationException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldRules;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.validation.BindingResult;

/** Puts field violations into a screen's model as {@code errors: field → messages} in the user's language. */
public final class FormErrors {
    private FormErrors() {
    }

    public static void addTo(Model model, List<FieldViolation> violations, MessageSource messages) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            byField.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(
                    messages.getMessage(v.code(), v.args().toArray(), v.code(), LocaleContextHolder.getLocale()));
        }
        model.addAttribute("errors", byField);
    }

    /**
     * Runs a screen's action: its result, or (input refused, or a conflict such as a stale version) empty with the
     * errors in the model, for the screen to show again.
     */
    public static <T> Optional<T> attempt(Model model, MessageSource messages, Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (InvalidInputException e) {
            addTo(model, e.violations(), messages);
        } catch (ConstraintViolationException e) {
            addTo(model, FieldRules.of(e.getConstraintViolations()), messages);
        } catch (ConflictException e) {
            addTo(model, List.of(e.violation()), messages);
        } catch (DuplicateKeyException e) {
            // two requests raced for one unique fact (e.g. a pre-payment started twice at once): the loser is told
            addTo(model, List.of(FieldViolation.of("version", "error.concurrent")), messages);
        }
        return Optional.empty();
    }

    /**
     * The same for a form bound to a record ({@code @Valid}, with its {@link BindingResult}): what did not bind or
     * breaks the record's field rules is shown the same way, and the action is not run.
     */
    public static <T> Optional<T> attempt(Model model, MessageSource messages, BindingResult binding,
                                          Supplier<T> action) {
        if (binding.hasErrors()) {
            addTo(model, BindingViolations.of(binding), messages);
            return Optional.empty();
        }
        return attempt(model, messages, action);
    }
}
