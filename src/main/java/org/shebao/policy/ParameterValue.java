package org.shebao.policy;

import org.shebao.policy.internal.ParameterDefinition;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.shebao.common.RegionCode;

/**
 * One value of a parameter: in force for {@code region} (and the regions below it, unless they override) from
 * {@code from} to {@code to} inclusive (null: until further notice), with its source (a clause ID or a law article)
 * and whether the number is only illustrative (demo data, not an official figure).
 */
public record ParameterValue(ParameterDefinition definition, RegionCode region, LocalDate from, LocalDate to,
                             Object value, String source, boolean illustrative, RegionCode overrides, String note,
                             String file, int line) {

    public String key() {
        return definition.key();
    }

    public boolean inForceOn(LocalDate d) {
        return !d.isBefore(from) && (to == null || !d.isAfter(to));
    }

    boolean overlaps(ParameterValue o) {
        return !(to != null && to.isBefore(o.from)) && !(o.to != null && o.to.isBefore(from));
    }

    public String where() {
        return file + ":" + line;
    }

    /** The value as a person reads it: amounts with two decimals, ratios as written. */
    public String display() {
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(value);
    }
}
