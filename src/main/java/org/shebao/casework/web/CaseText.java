package org.shebao.casework.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import java.util.Objects;

/**
 * What a case page shows for the codes a case stores: the values of its form (yes/no, a category, a scheme) and the
 * details of its history (a channel, the materials), by their names in the reader's language; a value with no
 * name is shown as entered. Used by the templates as {@code @caseText}.
 */
@Component("caseText")
@RequiredArgsConstructor
public class CaseText {
    /** Per form field, where the names of its coded values are. */
    private static final Map<String, String> VALUE_NAMES = Map.of(
            "category", "category.", "insuranceType", "insurance.", "certificate", "case.certificate.",
            "scheme", "scheme.", "post", "post.", "relationship", "survivors.relationship.");
    /** Where the names of the codes in a history entry's details are (channels, materials). */
    private static final List<String> DETAIL_NAMES = List.of("channel.", "material.");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");

    private final MessageSource messages;

    /** A form value as people read it. */
    public String value(String field, String value) {
        if (value == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        if ("true".equals(value) || "false".equals(value)) {
            return messages.getMessage("case.value." + value, null, value, locale);
        }
        String prefix = VALUE_NAMES.get(field);
        return prefix == null ? value : messages.getMessage(prefix + value, null, value, locale);
    }

    /** A history entry's details, its codes replaced by their names. */
    public String details(String details) {
        if (details == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Matcher m = CODE.matcher(details);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = m.group();
            String name = DETAIL_NAMES.stream().map(p -> messages.getMessage(p + code, null, null, locale))
                    .filter(Objects::nonNull).findFirst().orElse(code);
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString().replace(" via ", " · ");
    }
}
