package org.shebao.unemployment;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * How the benefit months are paid once approved: months {@code firstMonth} to {@code lastMonth} (first + duration −
 * 1); those up to the approval month are arrears, paid in the payroll of the month after approval, each for its own
 * benefit month; the standing order pays the rest from {@code regularFrom}. When every month is past at approval,
 * there is no regular month ({@code regularFrom} after {@code lastMonth}).
 */
public record PaymentSchedule(YearMonth firstMonth, YearMonth lastMonth, int arrearsMonths, YearMonth arrearsPayroll,
                              YearMonth regularFrom) {

    public static PaymentSchedule of(YearMonth first, int durationMonths, YearMonth approvalMonth) {
        if (durationMonths < 1) {
            throw new IllegalArgumentException("duration " + durationMonths);
        }
        YearMonth last = first.plusMonths(durationMonths - 1L);
        YearMonth next = approvalMonth.plusMonths(1);
        YearMonth arrearsUntil = approvalMonth.isBefore(last) ? approvalMonth : last;
        int arrears = first.isAfter(arrearsUntil) ? 0 : (int) first.until(arrearsUntil, ChronoUnit.MONTHS) + 1;
        YearMonth regularFrom = first.isAfter(next) ? first : next;
        return new PaymentSchedule(first, last, arrears, arrears == 0 ? null : next, regularFrom);
    }

    /** The months left to pay from {@code month} on (inclusive), for the citizen's view. */
    public int monthsLeftFrom(YearMonth month, YearMonth until) {
        YearMonth from = month.isBefore(firstMonth) ? firstMonth : month;
        return from.isAfter(until) ? 0 : (int) from.until(until, ChronoUnit.MONTHS) + 1;
    }
}
