package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseType;
import org.shebao.common.InvalidInputException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * At the door (N-2, FJ-2): a hall manager checks a visitor in by booking code or as a walk-in, with the temperature
 * taken. An implausible temperature is refused (nothing written); at or above the fever threshold the visitor is not
 * admitted and an incident (a suspected case, {@link Incidents}) is opened with the health authority's contact and
 * reported upward; otherwise admitted. A walk-in takes a place
 * of the current slot, against the same capacity as bookings.
 */
@Service
@RequiredArgsConstructor
public class Screenings {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallParameters params;
    private final Appointments appointments;
    private final Measures measures;
    private final Incidents incidents;

    /** What happened at the door. */
    public record Result(boolean admitted, String visitorName, BigDecimal temperature, Long incidentId,
                         String healthContact, Booking booking) {
    }

    /** Check-in by booking code: the booking must be for this hall, today, and still booked. */
    @Transactional
    public Result checkIn(ShebaoUser user, long hallId, String codeRaw, String temperatureRaw) {
        Hall hall = appointments.managed(user, hallId);
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        String code = v.text(codeRaw, "code", 8, true);
        BigDecimal temperature = temperature(v, hall, today, temperatureRaw);
        v.throwIfAny();
        Long id = jdbc.sql("SELECT id FROM hall_booking WHERE code = :c AND hall_id = :h AND region_code = :r")
                .param("c", code.toUpperCase()).param("h", hall.id()).param("r", hall.regionCode())
                .query(Long.class).optional()
                .orElseThrow(() -> InvalidInputException.of("code", "error.hall.code.unknown", code));
        Booking b = appointments.booking(id);
        if (!b.isBooked()) {
            throw InvalidInputException.of("code", "error.hall.code.status." + b.status());
        }
        if (!b.day().equals(today)) {
            throw InvalidInputException.of("code", "error.hall.code.otherDay", b.day().toString());
        }
        boolean admitted = temperature.compareTo(params.feverThreshold(hall.regionCode(), today)) < 0;
        jdbc.sql("UPDATE hall_booking SET status = :s, changed_at = :now WHERE id = :id AND region_code = :r")
                .param("s", admitted ? "CHECKED_IN" : "NOT_ADMITTED").param("now", OffsetDateTime.now(clock))
                .param("id", id).param("r", hall.regionCode()).update();
        if (!admitted) {
            appointments.release(b); // not in the hall: the place is free again
        }
        return screen(user, hall, today, b.visitorName(), temperature, id);
    }

    /** A walk-in: screened first; admitted only with a place in the current slot (refused with alternatives). */
    @Transactional
    public Result walkIn(ShebaoUser user, long hallId, String nameRaw, String serviceRaw, String temperatureRaw) {
        Hall hall = appointments.managed(user, hallId);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        Violations v = new Violations();
        String name = v.text(nameRaw, "visitorName", 50, true);
        CaseType service = v.attempt(() -> CaseType.parse(serviceRaw == null ? null : serviceRaw.strip(), "service"));
        BigDecimal temperature = temperature(v, hall, today, temperatureRaw);
        v.throwIfAny();
        if (temperature.compareTo(params.feverThreshold(hall.regionCode(), today)) >= 0) {
            return screen(user, hall, today, name, temperature, null);
        }
        OpeningHours hours = appointments.hours(hall, today);
        LocalTime slot = params.workingDay(today) ? hours.slotAt(now.toLocalTime()).orElse(null) : null;
        if (slot == null) {
            throw InvalidInputException.of("visitorName", "error.hall.closedNow", hours.toString());
        }
        appointments.ensureSlots(hall, today);
        appointments.takePlace(hall, today, slot, now);
        Booking b = appointments.insert(hall, today, slot, service.name(), Holder.walkIn(name), "CHECKED_IN",
                user.getUsername());
        return screen(user, hall, today, name, temperature, b.id());
    }

    private Result screen(ShebaoUser user, Hall hall, LocalDate today, String name, BigDecimal temperature,
                          Long bookingId) {
        BigDecimal threshold = params.feverThreshold(hall.regionCode(), today);
        ScreeningRule.Outcome outcome = ScreeningRule.decide(temperature, threshold,
                params.plausible(hall.regionCode(), today));
        boolean admitted = outcome == ScreeningRule.Outcome.ADMIT;
        OffsetDateTime at = OffsetDateTime.now(clock);
        long screening = jdbc.sql("""
                        INSERT INTO hall_screening (region_code, hall_id, booking_id, visitor_name, temperature, threshold,
                                                    admitted, screened_by, screened_at)
                        VALUES (:r, :h, :b, :n, :t, :th, :a, :by, :at) RETURNING id""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("b", bookingId).param("n", name)
                .param("t", temperature).param("th", threshold).param("a", admitted).param("by", user.getUsername())
                .param("at", at).query(Long.class).single();
        Long incident = null;
        String contact = null;
        if (!admitted) {
            contact = params.healthContact(hall.regionCode(), today);
            MeasureStatus status = measures.status("HALL_CONTROLS", new RegionCode(hall.regionCode()), today);
            String clauses = status.inForce() ? String.join(" ", status.clauses()) : String.join(" ", ScreeningRule.CLAUSES);
            incident = incidents.openAtDoor(user, hall, screening, contact, clauses, at);
        }
        return new Result(admitted, name, temperature, incident, contact,
                bookingId == null ? null : appointments.booking(bookingId));
    }

    private BigDecimal temperature(Violations v, Hall hall, LocalDate today, String raw) {
        return Temperatures.parse(v, "temperature", raw, params.feverThreshold(hall.regionCode(), today),
                params.plausible(hall.regionCode(), today));
    }

    // ---- the manager's day ----

    /** One slot of the day: places, bookings, check-ins. */
    public record SlotLine(LocalTime startsAt, LocalTime endsAt, int capacity, int taken, int booked, int checkedIn,
                           int notAdmitted, List<Booking> bookings) {
    }

    public record ScreeningLine(OffsetDateTime screenedAt, String visitorName, BigDecimal temperature,
                                boolean admitted) {
    }

    public record Board(Hall hall, LocalDate day, List<SlotLine> slots, int capacity, int taken, int checkedIn,
                        int fevers, List<ScreeningLine> screenings, List<Incidents.Incident> incidents) {
    }

    /** The manager's page: today's slots (places, bookings, check-ins), screenings, fevers, open incidents. */
    @Transactional(readOnly = true)
    public Board board(ShebaoUser user, long hallId) {
        return boardOf(appointments.managed(user, hallId));
    }

    /** The day of a hall the caller has already checked the user may see (the dashboards' counts and charts). */
    @Transactional(readOnly = true)
    public Board boardOf(Hall hall) {
        LocalDate today = LocalDate.now(clock);
        OpeningHours hours = appointments.hours(hall, today);
        int defaultCapacity = params.capacity(hall.regionCode(), today);
        List<Booking> bookings = jdbc.sql("SELECT " + Appointments.BOOKING_COLUMNS + " FROM hall_booking b JOIN hall_hall h "
                        + "ON h.id = b.hall_id AND h.region_code = b.region_code WHERE b.hall_id = :h AND b.region_code = :r "
                        + "AND b.day = :d AND b.status <> 'CANCELLED' ORDER BY b.starts_at, b.id")
                .param("h", hall.id()).param("r", hall.regionCode()).param("d", today).query(Booking.class).list()
                .stream().map(appointments::withEnd).toList();
        record Stored(LocalTime startsAt, int capacity, int taken) {
        }
        List<Stored> stored = jdbc.sql("SELECT starts_at, capacity, taken FROM hall_slot WHERE hall_id = :h "
                        + "AND region_code = :r AND day = :d")
                .param("h", hall.id()).param("r", hall.regionCode()).param("d", today).query(Stored.class).list();
        List<SlotLine> slots = hours.slotStarts().stream().map(t -> {
            Stored s = stored.stream().filter(x -> x.startsAt().equals(t)).findFirst()
                    .orElse(new Stored(t, defaultCapacity, 0));
            List<Booking> of = bookings.stream().filter(b -> b.startsAt().equals(t)).toList();
            return new SlotLine(t, t.plusMinutes(hours.slotMinutes()), s.capacity(), s.taken(),
                    (int) of.stream().filter(b -> b.status().equals("BOOKED")).count(),
                    (int) of.stream().filter(b -> b.status().equals("CHECKED_IN")).count(),
                    (int) of.stream().filter(b -> b.status().equals("NOT_ADMITTED")).count(), of);
        }).toList();
        List<ScreeningLine> screenings = jdbc.sql("SELECT screened_at, visitor_name, temperature, admitted FROM hall_screening "
                        + "WHERE hall_id = :h AND region_code = :r AND screened_at >= :from AND screened_at < :to "
                        + "ORDER BY screened_at DESC, id DESC")
                .param("h", hall.id()).param("r", hall.regionCode())
                .param("from", today.atStartOfDay(clock.getZone()).toOffsetDateTime())
                .param("to", today.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .query(ScreeningLine.class).list();
        List<Incidents.Incident> incidents = this.incidents.openOf(hall);
        return new Board(hall, today, slots, slots.stream().mapToInt(SlotLine::capacity).sum(),
                slots.stream().mapToInt(SlotLine::taken).sum(),
                (int) screenings.stream().filter(ScreeningLine::admitted).count(),
                (int) screenings.stream().filter(s -> !s.admitted()).count(), screenings, incidents);
    }
}
