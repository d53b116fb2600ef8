package org.shebao.policy.internal;

import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period of N days or months (期间), as a deadline rule states it: “3 months”, “15 days”. */
public record TimeLimit(int amount, ChronoUnit unit) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\s*(days?|months?|years?|日|天|个月|月|年)");

    public TimeLimit {
        if (amount < 0 || !(unit == ChronoUnit.DAYS || unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS)) {
            throw new IllegalArgumentException("a time limit is a non-negative number of days, months or years");
        }
    }

    public static TimeLimit days(int n) {
        return new TimeLimit(n, ChronoUnit.DAYS);
    }

    public static TimeLimit months(int n) {
        return new TimeLimit(n, ChronoUnit.MONTHS);
    }

    /** “3 months”, “15 days”, “1 year”, “3个月”, “15日”; null when the text is none of these. */
    public static TimeLimit parseOrNull(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        String u = m.group(2);
        ChronoUnit unit = u.startsWith("day") || u.equals("日") || u.equals("天") ? ChronoUnit.DAYS
                : u.startsWith("year") || u.equals("年") ? ChronoUnit.YEARS : ChronoUnit.MONTHS;
        return new TimeLimit(n, unit);
    }

    public String zh() {
        return amount + switch (unit) {
            case DAYS -> "日";
            case MONTHS -> "个月";
            default -> "年";
        };
    }

    @Override
    public String toString() {
        String plural = unit.name().toLowerCase();
        return amount + " " + (amount == 1 ? plural.substring(0, plural.length() - 1) : plural);
    }
}
