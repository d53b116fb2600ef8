package org.shebao.policy.internal;

import java.time.LocalDate;

/**
 * Counting a period as the Civil Code does (民法典 第二百零一条至第二百零三条):
 * <ul>
 *   <li>the day the period starts from is not counted: N days after D ends on D + N;</li>
 *   <li>a period in months or years ends on the corresponding day of the last month, or on that month's last day
 *       when it has no such day (1-31 + 1 month → 2-28/29), which is what {@code LocalDate.plusMonths} does;</li>
 *   <li>an end day that is a statutory rest day (a holiday, or a weekend that is not a 调休 working day) moves to
 *       the next working day, using the {@link HolidayCalendar}.</li>
 * </ul>
 */
public final class DeadlineCalculus {
    /** The computed end of a period: the due day, the day it was moved from (or null), and whether the holiday
     *  calendar knew the years involved. */
    public record End(LocalDate dueOn, LocalDate movedFrom, boolean calendarKnown) {
        public boolean moved() {
            return movedFrom != null;
        }
    }

    private final HolidayCalendar calendar;

    public DeadlineCalculus(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    public End endOf(LocalDate start, TimeLimit limit) {
        LocalDate nominal = switch (limit.unit()) {
            case DAYS -> start.plusDays(limit.amount());
            case MONTHS -> start.plusMonths(limit.amount());
            case YEARS -> start.plusYears(limit.amount());
            default -> throw new IllegalArgumentException(limit.toString());
        };
        return adjust(nominal);
    }

    /** A computed last day (the end of a period counted in days, months or years): moved off a rest day. */
    public End adjust(LocalDate nominal) {
        LocalDate due = calendar.nextWorkingDayFrom(nominal);
        boolean known = calendar.knows(nominal.getYear()) && calendar.knows(due.getYear());
        return new End(due, due.equals(nominal) ? null : nominal, known);
    }

    /** Working days between two dates, start excluded, end included (for “N working days” limits). */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
