package org.shebao.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
 * check character (ISO 7064 MOD 11-2). An instance is always valid; {@link #toString()} is masked so that the
 * number never reaches a log in full.
 */
public record IdNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    /** Only a valid number exists: the canonical constructor checks it as {@link #parse(String, String)} does. */
    public IdNumber {
        value = checked(value, "idNumber");
    }

    /** Parses and validates; throws {@link InvalidInputException} on the named field with a specific reason. */
    public static IdNumber parse(String raw, String field) {
        return new IdNumber(checked(raw, field));
    }

    private static String checked(String raw, String field) {
        List<FieldViolation> problems = check(raw, field);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    public static IdNumber parse(String raw) {
        return parse(raw, "idNumber");
    }

    public static boolean isValid(String raw) {
        return check(raw, "idNumber").isEmpty();
    }

    private static List<FieldViolation> check(String raw, String field) {
        List<FieldViolation> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            out.add(FieldViolation.of(field, "error.required"));
            return out;
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (!v.matches("\\d{17}[\\dX]")) {
            out.add(FieldViolation.of(field, "error.idNumber.format"));
            return out;
        }
        LocalDate birth;
        try {
            birth = birthDateOf(v);
        } catch (DateTimeException e) {
            out.add(FieldViolation.of(field, "error.idNumber.birthDate", v.substring(6, 14)));
            return out;
        }
        if (birth.getYear() < 1880) {
            out.add(FieldViolation.of(field, "error.idNumber.birthDate", v.substring(6, 14)));
            return out;
        }
        char expected = checkChar(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            out.add(FieldViolation.of(field, "error.idNumber.checkDigit", String.valueOf(expected)));
        }
        return out;
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDateOf(String v) {
        return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The address code of the place of first registration (first six digits). */
    public String addressCode() {
        return value.substring(0, 6);
    }

    /**
     * e.g. {@code 35**************34}: the first two and the last two characters. Shown beside a person's region and
     * age, too few digits remain to rebuild the number (with four kept at each end, region, birth date and the last
     * four left only the district to guess).
     */
    public String masked() {
        return mask(value);
    }

    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() <= 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 2) + "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 2);
    }

    /** Masked on purpose: an ID number never reaches a log in full. */
    @Override
    public String toString() {
        return masked();
    }
}
