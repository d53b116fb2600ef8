package org.shebao.common;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (1), organisation type (1), administrative region
 * code (6), organisation code (9), check character (1, MOD 31 over the 31-character alphabet without I, O, Z, S, V).
 */
public record CreditCode(String value) {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Only a valid code exists: the canonical constructor checks it as {@link #parse(String, String)} does. */
    public CreditCode {
        value = checked(value, "creditCode");
    }

    public static CreditCode parse(String raw, String field) {
        return new CreditCode(checked(raw, field));
    }

    private static String checked(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(field, "error.required");
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            throw InvalidInputException.of(field, "error.creditCode.format");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                throw InvalidInputException.of(field, "error.creditCode.format");
            }
        }
        if (!v.substring(2, 8).matches("\\d{6}")) {
            throw InvalidInputException.of(field, "error.creditCode.region");
        }
        char expected = checkChar(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            throw InvalidInputException.of(field, "error.creditCode.checkDigit", String.valueOf(expected));
        }
        return v;
    }

    public static CreditCode parse(String raw) {
        return parse(raw, "creditCode");
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** The administrative region code embedded at positions 3–8. */
    public String regionPart() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
