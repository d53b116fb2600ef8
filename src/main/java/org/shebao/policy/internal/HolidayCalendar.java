package org.shebao.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.shebao.policy.internal.YamlNode;
import org.springframework.core.io.Resource;

/**
 * The statutory holiday calendar (国务院办公厅 部分节假日安排) as data, with the 调休 working weekends. A day is a
 * rest day if it is a holiday, or a Saturday or Sunday that is not a make-up working day. Years not in the file
 * are {@linkplain #knows(int) unknown}: weekends are then the only rest days and the answer says so.
 */
public final class HolidayCalendar {
    /** One year's arrangement. */
    public record Year(int year, String source) {
    }

    private final Map<LocalDate, String> holidays;
    private final Set<LocalDate> workdays;
    private final Map<Integer, Year> years;

    private HolidayCalendar(Map<LocalDate, String> holidays, Set<LocalDate> workdays, Map<Integer, Year> years) {
        this.holidays = holidays;
        this.workdays = workdays;
        this.years = years;
    }

    public static HolidayCalendar load(Resource resource) {
        String file = "policy/" + resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
            return parse(YamlNode.parse(file, in));
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    static HolidayCalendar parse(YamlNode root) {
        Map<LocalDate, String> holidays = new HashMap<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<Integer, Year> years = new TreeMap<>();
        for (YamlNode y : root.onlyKeys("years").list("years")) {
            y.onlyKeys("year", "source", "holidays", "workdays");
            int year = y.integer("year");
            if (years.containsKey(year)) {
                throw y.error("year " + year + " is listed twice");
            }
            years.put(year, new Year(year, y.text("source")));
            for (YamlNode h : y.list("holidays")) {
                h.onlyKeys("name", "nameEn", "from", "to");
                LocalDate from = h.date("from");
                LocalDate to = h.date("to");
                if (to.isBefore(from)) {
                    throw h.error("'to' " + to + " is before 'from' " + from);
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (d.getYear() != year) {
                        throw h.error(d + " does not lie in " + year);
                    }
                    holidays.put(d, h.text("name"));
                }
            }
            for (YamlNode w : y.list("workdays")) {
                LocalDate d = w.date();
                if (d.getYear() != year || !isWeekend(d)) {
                    throw w.error(d + " is not a weekend day of " + year + ": only a Saturday or Sunday can be a 调休 working day");
                }
                if (holidays.containsKey(d)) {
                    throw w.error(d + " is both a holiday and a working day");
                }
                workdays.add(d);
            }
        }
        return new HolidayCalendar(Collections.unmodifiableMap(holidays), Collections.unmodifiableSet(workdays),
                Collections.unmodifiableMap(years));
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Whether the year's arrangement is in the calendar. */
    public boolean knows(int year) {
        return years.containsKey(year);
    }

    public Map<Integer, Year> years() {
        return years;
    }

    public boolean isRestDay(LocalDate d) {
        return holidays.containsKey(d) || (isWeekend(d) && !workdays.contains(d));
    }

    public boolean isWorkingDay(LocalDate d) {
        return !isRestDay(d);
    }

    /** The holiday's name, or null (a plain weekend, or a working day). */
    public String holidayName(LocalDate d) {
        return holidays.get(d);
    }

    /** The day itself if it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayFrom(LocalDate d) {
        LocalDate x = d;
        while (isRestDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }
}
