package org.shebao.common;

import java.io.Serializable;

/**
 * 行政区划代码 (GB/T 2260): six digits, province (2) + city (2) + county (2). {@code 000000} stands for the whole
 * country. A code covers itself and every code below it: 350000 covers 350100 and 350102; 350100 covers 350102.
 * Serializable: a signed-in user's scope is kept in the web session, which lives in the database.
 */
public record RegionCode(String value) implements Serializable {
    public static final RegionCode NATIONAL = new RegionCode("000000");

    public RegionCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw InvalidInputException.of("regionCode", "error.region.format");
        }
    }

    public static RegionCode parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(field, "error.required");
        }
        if (!raw.trim().matches("\\d{6}")) {
            throw InvalidInputException.of(field, "error.region.format");
        }
        return new RegionCode(raw.trim());
    }

    public boolean isNational() {
        return value.equals("000000");
    }

    public boolean isProvince() {
        return !isNational() && value.endsWith("0000");
    }

    public boolean isCity() {
        return !isProvince() && !isNational() && value.endsWith("00");
    }

    /** The prefix every covered code starts with ("" for national, "35" for Fujian, "3501" for Fuzhou). */
    public String scopePrefix() {
        if (isNational()) {
            return "";
        }
        if (isProvince()) {
            return value.substring(0, 2);
        }
        if (isCity()) {
            return value.substring(0, 4);
        }
        return value;
    }

    public boolean covers(RegionCode other) {
        return other.value.startsWith(scopePrefix());
    }

    public RegionCode province() {
        return isNational() ? this : new RegionCode(value.substring(0, 2) + "0000");
    }

    public RegionCode city() {
        return isNational() || isProvince() ? this : new RegionCode(value.substring(0, 4) + "00");
    }

    @Override
    public String toString() {
        return value;
    }
}
