package org.shebao.hall;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.HygieneLedger;
import org.shebao.hall.internal.Incidents;
import org.shebao.hall.internal.Screenings;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The halls' figures for the home pages (issue 14 item 8), read through the same services as the hall manager's
 * page, the hygiene ledger and the incident list, so a count and the list it links to cannot disagree.
 */
@Service
@RequiredArgsConstructor
public class HallDashboard {
    private final Appointments appointments;
    private final Screenings screenings;
    private final HygieneLedger hygiene;
    private final Incidents incidents;

    /** A hall manager's day at one hall: bookings, check-ins, fevers at the door, hygiene checks overdue. */
    public record HallToday(long hallId, String hallName, String hallNameEn, int bookings, int checkedIn, int fevers,
                            long overdueChecks) {
        public String displayName(Locale locale) {
            return "en".equals(locale.getLanguage()) ? hallNameEn : hallName;
        }
    }

    /** The places of one slot start today, over the halls the user sees. */
    public record SlotLoad(LocalTime startsAt, int capacity, int taken) {
    }

    /** Today at each hall the user manages (a hall manager of the city); empty for anyone else. */
    @Transactional(readOnly = true)
    public List<HallToday> managedToday(ShebaoUser user) {
        if (!user.isStaff() || !user.has(Role.HALL_MANAGER)) {
            return List.of();
        }
        return appointments.halls(user).stream().map(h -> {
            Screenings.Board b = screenings.boardOf(h);
            int bookings = b.slots().stream().mapToInt(s -> s.bookings().size()).sum();
            return new HallToday(h.id(), h.name(), h.nameEn(), bookings, b.checkedIn(), b.fevers(), hygiene.overdue(h));
        }).toList();
    }

    /** Open incident reports past their level's time limit, as the incident list shows them (N-7, FJ-7). */
    @Transactional(readOnly = true)
    public long overdueIncidents(ShebaoUser user) {
        return incidents.list(user).stream().filter(Incidents.Incident::overdue).count();
    }

    /** Open incident reports of the user's region, as the incident list shows them. */
    @Transactional(readOnly = true)
    public long openIncidents(ShebaoUser user) {
        return incidents.list(user).stream().filter(Incidents.Incident::open).count();
    }

    /** Today's places per slot start, summed over the halls of the user's region and below (staff only). */
    @Transactional(readOnly = true)
    public List<SlotLoad> slotsToday(ShebaoUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedToRecordException("halls");
        }
        Map<LocalTime, int[]> bySlot = new TreeMap<>();
        for (Hall h : appointments.halls(user)) {
            for (Screenings.SlotLine s : screenings.boardOf(h).slots()) {
                int[] sum = bySlot.computeIfAbsent(s.startsAt(), t -> new int[2]);
                sum[0] += s.capacity();
                sum[1] += s.taken();
            }
        }
        return bySlot.entrySet().stream().map(e -> new SlotLoad(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
