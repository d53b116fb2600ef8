package org.shebao.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseStatistics;
import org.shebao.casework.Channel;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.NotFoundException;
import org.shebao.hall.HallDashboard;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The managers' charts (a hall manager, a reviewer, an administrator), over the user's region and below; anyone else
 * is refused (403). Labels in the user's language, from the messages (names, not codes).
 */
@Service
@RequiredArgsConstructor
public class Charts {
    /** The charts, by the name of their endpoint. */
    public static final List<String> NAMES = List.of("cases-by-channel", "queue-age", "hall-slots");
    /** How many days the cases-per-day chart covers (today included). */
    public static final int DAYS = 30;

    private final CaseStatistics cases;
    private final HallDashboard halls;
    private final MessageSource messages;
    private final Clock clock;

    public Chart chart(ShebaoUser user, String name, Locale locale) {
        if (!Dashboards.seesCharts(user)) {
            throw new AccessDeniedToRecordException("charts");
        }
        return switch (name) {
            case "cases-by-channel" -> casesByChannel(user, locale);
            case "queue-age" -> queueAge(user, locale);
            case "hall-slots" -> hallSlots(user, locale);
            default -> throw new NotFoundException("chart " + name);
        };
    }

    /** Every chart the user sees, in order; none for a user without charts. */
    public List<Chart> all(ShebaoUser user, Locale locale) {
        return Dashboards.seesCharts(user) ? NAMES.stream().map(n -> chart(user, n, locale)).toList() : List.of();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private Chart casesByChannel(ShebaoUser user, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> days = today.minusDays(DAYS - 1L).datesUntil(today.plusDays(1)).toList();
        List<CaseStatistics.DayCount> counts = cases.receivedPerDay(user, DAYS);
        List<Chart.Series> series = new ArrayList<>();
        for (Channel ch : Channel.values()) {
            List<Long> data = days.stream().map(d -> counts.stream()
                    .filter(c -> c.channel() == ch && c.day().equals(d)).mapToLong(CaseStatistics.DayCount::count).sum())
                    .toList();
            series.add(new Chart.Series(msg("dashboard.channel." + ch.name(), locale), "bar", data));
        }
        DateTimeFormatter md = DateTimeFormatter.ofPattern("MM-dd");
        return new Chart("cases-by-channel", msg("dashboard.chart.casesByChannel", locale, DAYS),
                msg("dashboard.col.day", locale), days.stream().map(md::format).toList(), series, true);
    }

    private Chart queueAge(ShebaoUser user, Locale locale) {
        List<CaseStatistics.AgeBucket> buckets = cases.openByAge(user);
        Function<CaseStatistics.AgeBucket, String> label = b -> b.toDays() == null
                ? msg("dashboard.age.over", locale, b.fromDays() - 1)
                : msg("dashboard.age.range", locale, b.fromDays(), b.toDays());
        return new Chart("queue-age", msg("dashboard.chart.queueAge", locale), msg("dashboard.col.age", locale),
                buckets.stream().map(label).toList(),
                List.of(new Chart.Series(msg("dashboard.series.openCases", locale), "bar",
                        buckets.stream().map(CaseStatistics.AgeBucket::count).toList())), false);
    }

    private Chart hallSlots(ShebaoUser user, Locale locale) {
        List<HallDashboard.SlotLoad> slots = halls.slotsToday(user);
        return new Chart("hall-slots", msg("dashboard.chart.hallSlots", locale), msg("dashboard.col.slot", locale),
                slots.stream().map(s -> s.startsAt().toString()).toList(),
                List.of(new Chart.Series(msg("dashboard.series.capacity", locale), "line",
                                slots.stream().map(s -> (long) s.capacity()).toList()),
                        new Chart.Series(msg("dashboard.series.taken", locale), "bar",
                                slots.stream().map(s -> (long) s.taken()).toList())), false);
    }
}
