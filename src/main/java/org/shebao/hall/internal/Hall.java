package org.shebao.hall.internal;

import java.util.Locale;

/** A service hall (经办大厅) of a city's agency. */
public record Hall(long id, String regionCode, String name, String nameEn, String address) {
    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : name;
    }
}
