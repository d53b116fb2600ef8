package org.shebao.policy;

import java.util.Locale;
import org.shebao.common.RegionCode;

/** A jurisdiction served by the platform: a region code, its names, its parent and its agency. */
public record Jurisdiction(RegionCode code, String name, String nameEn, RegionCode parent, String agency) {

    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : name;
    }

    public boolean isNational() {
        return code.isNational();
    }
}
