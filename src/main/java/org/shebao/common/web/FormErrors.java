package org.shebao.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shebao.common.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

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
}
