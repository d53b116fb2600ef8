package org.shebao.hall.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.shebao.policy.Implements;

/**
 * People-flow control (SX-5 人流管控; N-2 / FJ-2 大厅防控): whether a slot may be booked, as a pure function of the
 * request, the hall's opening hours, whether the day is a working day, the places left and "now" (from the injected
 * clock). The database has the last word on the places (a booking takes one atomically); this rule says why a
 * request is refused and which free slots are nearest. Bookings open a number of days ahead (the parameter
 * hall.booking.horizonDays).
 */
@Implements(measure = "HALL_CONTROLS", rule = "按时段预约限流：时段约满即拒绝并推荐最近的空闲时段，过去或非开放时间不可预约",
        ruleEn = "Appointments per slot: a full slot is refused with the nearest free slots; past or closed times refused")
public final class SlotRule {
    /** The clauses this rule rests on. */
    public static final List<String> CLAUSES = List.of("SX-5", "N-2", "FJ-2");

    public enum Outcome { AVAILABLE, PAST, TOO_FAR, CLOSED_DAY, OUTSIDE_HOURS, FULL }

    /** One slot with its places: capacity and taken (bookings and admitted walk-ins). */
    public record Slot(LocalDateTime start, int capacity, int taken) {
        public int free() {
            return Math.max(0, capacity - taken);
        }
    }

    private SlotRule() {
    }

    /**
     * The decision on a requested slot start: PAST when it has begun already, CLOSED_DAY on a rest day,
     * OUTSIDE_HOURS when it is not the start of one of the day's slots, FULL when no place is left, else AVAILABLE.
     */
    public static Outcome decide(LocalDateTime requested, OpeningHours hours, boolean workingDay, int free,
                                 LocalDateTime now, int horizonDays) {
        if (!requested.isAfter(now)) {
            return Outcome.PAST;
        }
        if (tooFar(requested, now, horizonDays)) {
            return Outcome.TOO_FAR;
        }
        if (!workingDay) {
            return Outcome.CLOSED_DAY;
        }
        if (!hours.isSlotStart(requested.toLocalTime())) {
            return Outcome.OUTSIDE_HOURS;
        }
        return free > 0 ? Outcome.AVAILABLE : Outcome.FULL;
    }

    /** Whether a slot lies beyond the booking horizon: more than {@code horizonDays} days after today. */
    public static boolean tooFar(LocalDateTime requested, LocalDateTime now, int horizonDays) {
        return requested.toLocalDate().isAfter(now.toLocalDate().plusDays(horizonDays));
    }

    /**
     * The nearest free slots to a requested time among candidates (slots of open days), those not begun yet, nearest
     * first (an earlier one before a later one at the same distance), at most {@code max}.
     */
    public static List<LocalDateTime> nearestFree(LocalDateTime requested, List<Slot> candidates, LocalDateTime now,
                                                  int max) {
        return candidates.stream()
                .filter(s -> s.free() > 0 && s.start().isAfter(now) && !s.start().equals(requested))
                .map(Slot::start)
                .sorted(Comparator.comparing((LocalDateTime t) -> Duration.between(requested, t).abs())
                        .thenComparing(t -> t))
                .limit(max)
                .toList();
    }
}
