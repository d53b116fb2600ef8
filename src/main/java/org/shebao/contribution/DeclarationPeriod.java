package org.shebao.contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a declaration line is for (费款所属期): a year (the yearly base, {@code month} null) or a month of it (a monthly
 * line, which overrides the yearly base for that month). Written {@code 2020} or {@code 2020-03} (also {@code 2020-3},
 * {@code 202003}, {@code 2020/03}, {@code 2020年3月}).
 */
public record DeclarationPeriod(int year, Integer month) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年(?:度)?)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:[-/.年]?)(\\d{1,2})月?");

    public DeclarationPeriod {
        if (year < 1990 || year > 2100 || month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("no such period: " + year + "-" + month);
        }
    }

    public static DeclarationPeriod of(YearMonth month) {
        return new DeclarationPeriod(month.getYear(), month.getMonthValue());
    }

    /** The period written in {@code raw}, if it is one. */
    public static Optional<DeclarationPeriod> parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        Matcher y = YEAR.matcher(s);
        if (y.matches()) {
            int year = Integer.parseInt(y.group(1));
            return year < 1990 || year > 2100 ? Optional.empty() : Optional.of(new DeclarationPeriod(year, null));
        }
        Matcher m = MONTH.matcher(s);
        if (m.matches() && (m.group(2).length() == 2 || !s.matches("\\d+"))) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (year >= 1990 && year <= 2100 && month >= 1 && month <= 12) {
                return Optional.of(new DeclarationPeriod(year, month));
            }
        }
        return Optional.empty();
    }

    public boolean yearly() {
        return month == null;
    }

    /** The month whose parameters clamp the base: the month itself, or a year's January. */
    public YearMonth firstMonth() {
        return YearMonth.of(year, yearly() ? 1 : month);
    }

    public LocalDate from() {
        return firstMonth().atDay(1);
    }

    public LocalDate to() {
        return yearly() ? LocalDate.of(year, 12, 31) : firstMonth().atEndOfMonth();
    }

    /** Whether the period begins after {@code now}'s month (a month, or a year, still to come). */
    public boolean after(YearMonth now) {
        return yearly() ? year > now.getYear() : firstMonth().isAfter(now);
    }

    public boolean covers(YearMonth m) {
        return m.getYear() == year && (yearly() || m.getMonthValue() == month);
    }

    @Override
    public String toString() {
        return yearly() ? String.valueOf(year) : firstMonth().toString();
    }
}
