package org.shebao.hall.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseType;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments at the halls (SX-5 people-flow control): book a slot for a service, cancel, list one's own; a hall
 * manager lowers a day's capacity. A place is taken by one conditional UPDATE of the slot's counter in the booking's
 * transaction ({@code taken < capacity}, and a CHECK in the table), so parallel bookings never overfill a slot.
 */
@Service
@RequiredArgsConstructor
public class Appointments {
    static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many days from the requested one the nearest free slots are looked for. */
    static final int SUGGEST_DAYS = 7;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallParameters params;
    private final Persons persons;
    private final Employers employers;

    static final String BOOKING_COLUMNS = """
            b.id, b.region_code, b.hall_id, h.name AS hall_name, h.name_en AS hall_name_en, b.day, b.starts_at,
            b.starts_at AS ends_at, b.code, b.service, b.holder_kind, b.visitor_name, b.visitor_id_masked, b.status,
            b.booked_at""";

    // ---- halls ----

    /** The halls of the user's region (a portal user: their city; staff: their scope). */
    public List<Hall> halls(ShebaoUser user) {
        String prefix = user.region().scopePrefix();
        return jdbc.sql("SELECT id, region_code, name, name_en, address FROM hall_hall WHERE region_code LIKE :p ORDER BY id")
                .param("p", prefix + "%").query(Hall.class).list();
    }

    public Hall hall(long id) {
        return jdbc.sql("SELECT id, region_code, name, name_en, address FROM hall_hall WHERE id = :id")
                .param("id", id).query(Hall.class).optional().orElseThrow(() -> new NotFoundException("hall " + id));
    }

    /** A hall the user may book at or manage: one of their region. */
    public Hall hallFor(ShebaoUser user, long id) {
        Hall h = hall(id);
        if (!user.region().covers(new RegionCode(h.regionCode()))) {
            throw new AccessDeniedToRecordException("hall " + id);
        }
        return h;
    }

    /** A hall the user manages: a hall manager of its region. */
    public Hall managed(ShebaoUser user, long id) {
        if (!user.has(Role.HALL_MANAGER)) {
            throw new AccessDeniedToRecordException("hall " + id);
        }
        return hallFor(user, id);
    }

    public OpeningHours hours(Hall hall, LocalDate day) {
        return params.hours(hall.regionCode(), day);
    }

    /** The services one may book a slot for: the case types. */
    public static List<CaseType> services() {
        return List.of(CaseType.values());
    }

    // ---- booking ----

    /** The holder a portal user books for: their own person or employer record. */
    public Holder holderOf(ShebaoUser user) {
        if (user.personId() != null) {
            Person p = persons.person(user, user.personId());
            return Holder.person(p.id(), p.name(), p.maskedIdNumber());
        }
        if (user.employerId() != null) {
            Employer e = employers.employer(user, user.employerId());
            return Holder.employer(e.id(), e.name());
        }
        throw new AccessDeniedToRecordException("bookings");
    }

    /** A portal user books a slot of a hall of their city for a service. */
    @Transactional
    public Booking book(ShebaoUser user, Long hallId, String day, String time, String service) {
        Holder holder = holderOf(user);
        Violations v = new Violations();
        Hall hall = null;
        if (hallId == null) {
            v.add("hallId", "error.required");
        } else {
            hall = hallFor(user, hallId);
        }
        return book(holder, hall, v, day, time, service, user.getUsername());
    }

    /**
     * Books a slot for a holder (checked by the caller): refused, writing nothing, when the slot has begun, the day is
     * a rest day, the time is not a slot of the opening hours, the holder has a future booking for the service
     * already (409), or the slot is full (409 with the nearest free slots).
     */
    @Transactional
    public Booking book(Holder holder, Hall hall, Violations v, String dayRaw, String timeRaw, String serviceRaw,
                        String by) {
        LocalDate day = v.date(dayRaw, "day", true);
        LocalTime time = time(v, timeRaw, "time");
        CaseType service = v.attempt(() -> CaseType.parse(serviceRaw == null ? null : serviceRaw.strip(), "service"));
        v.throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime requested = day.atTime(time);
        if (!requested.isAfter(now)) {
            throw InvalidInputException.of("day", "error.hall.past", requested.format(SLOT));
        }
        int horizon = params.horizonDays(hall.regionCode(), now.toLocalDate());
        if (SlotRule.tooFar(requested, now, horizon)) {
            throw InvalidInputException.of("day", "error.hall.tooFar", horizon);
        }
        OpeningHours hours = hours(hall, day);
        ensureSlots(hall, day);
        int free = jdbc.sql("SELECT capacity - taken FROM hall_slot WHERE hall_id = :h AND day = :d AND starts_at = :t "
                        + "AND region_code = :r")
                .param("h", hall.id()).param("d", day).param("t", time).param("r", hall.regionCode())
                .query(Integer.class).optional().orElse(0);
        switch (SlotRule.decide(requested, hours, params.workingDay(day), free, now, horizon)) {
            case PAST -> throw InvalidInputException.of("day", "error.hall.past", requested.format(SLOT));
            case TOO_FAR -> throw InvalidInputException.of("day", "error.hall.tooFar", horizon);
            case CLOSED_DAY -> throw InvalidInputException.of("day", "error.hall.closedDay", day.toString());
            case OUTSIDE_HOURS -> throw InvalidInputException.of("time", "error.hall.outsideHours",
                    hours.toString(), hours.slotMinutes());
            default -> {
            }
        }
        // one future booking per holder and service: a booking whose day has passed is a no-show now
        jdbc.sql("""
                        UPDATE hall_booking SET status = 'NO_SHOW', changed_at = :now
                         WHERE status = 'BOOKED' AND day < :today AND holder_kind = :k
                           AND coalesce(person_id, employer_id) = :id""")
                .param("now", OffsetDateTime.now(clock)).param("today", now.toLocalDate())
                .param("k", holder.kind().name()).param("id", holderId(holder)).update();
        if (holder.kind() != Holder.Kind.WALK_IN) {
            jdbc.sql("""
                            SELECT day, starts_at FROM hall_booking
                             WHERE status = 'BOOKED' AND holder_kind = :k AND coalesce(person_id, employer_id) = :id
                               AND service = :s""")
                    .param("k", holder.kind().name()).param("id", holderId(holder)).param("s", service.name())
                    .query((rs, i) -> rs.getDate(1).toLocalDate().atTime(rs.getTime(2).toLocalTime()))
                    .optional().ifPresent(at -> {
                        throw new ConflictException("service", "error.hall.alreadyBooked", at.format(SLOT));
                    });
        }
        takePlace(hall, day, time, now);
        return insert(hall, day, time, service.name(), holder, "BOOKED", by);
    }

    /** Takes one place of a slot, or refuses with the nearest free slots (the row lock orders parallel takers). */
    void takePlace(Hall hall, LocalDate day, LocalTime time, LocalDateTime now) {
        int took = jdbc.sql("""
                        UPDATE hall_slot SET taken = taken + 1
                         WHERE hall_id = :h AND day = :d AND starts_at = :t AND region_code = :r AND taken < capacity""")
                .param("h", hall.id()).param("d", day).param("t", time).param("r", hall.regionCode()).update();
        if (took == 0) {
            List<LocalDateTime> alternatives = SlotRule.nearestFree(day.atTime(time), candidates(hall, day, now), now, 3);
            throw new SlotFullException(hall.id(), alternatives,
                    alternatives.stream().map(a -> a.format(SLOT)).collect(Collectors.joining("、")));
        }
    }

    Booking insert(Hall hall, LocalDate day, LocalTime time, String service, Holder holder, String status, String by) {
        long id = jdbc.sql("""
                        INSERT INTO hall_booking (region_code, hall_id, day, starts_at, code, service, holder_kind,
                                                  person_id, employer_id, visitor_name, visitor_id_masked, status,
                                                  booked_by, booked_at)
                        VALUES (:r, :h, :d, :t, :code, :s, :k, :p, :e, :n, :m, :st, :by, :at) RETURNING id""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("d", day).param("t", time)
                .param("code", newCode()).param("s", service).param("k", holder.kind().name())
                .param("p", holder.personId()).param("e", holder.employerId()).param("n", holder.name())
                .param("m", holder.idMasked()).param("st", status).param("by", by)
                .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        return booking(id);
    }

    /** The slots of the requested day and the days after it (working days), with their places. */
    List<SlotRule.Slot> candidates(Hall hall, LocalDate from, LocalDateTime now) {
        Map<LocalDateTime, int[]> stored = new HashMap<>();
        jdbc.sql("SELECT day, starts_at, capacity, taken FROM hall_slot WHERE hall_id = :h AND region_code = :r "
                        + "AND day BETWEEN :a AND :b")
                .param("h", hall.id()).param("r", hall.regionCode()).param("a", from)
                .param("b", from.plusDays(SUGGEST_DAYS))
                .query((rs, i) -> stored.put(rs.getDate(1).toLocalDate().atTime(rs.getTime(2).toLocalTime()),
                        new int[]{rs.getInt(3), rs.getInt(4)})).list();
        List<SlotRule.Slot> slots = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(from.plusDays(SUGGEST_DAYS)); d = d.plusDays(1)) {
            if (!params.workingDay(d)) {
                continue;
            }
            int capacity = params.capacity(hall.regionCode(), d);
            for (LocalTime t : hours(hall, d).slotStarts()) {
                int[] s = stored.get(d.atTime(t));
                slots.add(new SlotRule.Slot(d.atTime(t), s == null ? capacity : s[0], s == null ? 0 : s[1]));
            }
        }
        return slots;
    }

    /** Makes the rows of a day's slots (capacity from the parameter of that day) where they are missing. */
    void ensureSlots(Hall hall, LocalDate day) {
        int capacity = params.capacity(hall.regionCode(), day);
        for (LocalTime t : hours(hall, day).slotStarts()) {
            jdbc.sql("""
                            INSERT INTO hall_slot (hall_id, region_code, day, starts_at, capacity)
                            VALUES (:h, :r, :d, :t, :c) ON CONFLICT DO NOTHING""")
                    .param("h", hall.id()).param("r", hall.regionCode()).param("d", day).param("t", t)
                    .param("c", capacity).update();
        }
    }

    // ---- one's own bookings ----

    public List<Booking> mine(ShebaoUser user) {
        Holder h = holderOf(user);
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM hall_booking b JOIN hall_hall h ON h.id = b.hall_id "
                        + "AND h.region_code = b.region_code WHERE b.holder_kind = :k "
                        + "AND coalesce(b.person_id, b.employer_id) = :id ORDER BY b.day DESC, b.starts_at DESC, b.id DESC")
                .param("k", h.kind().name()).param("id", holderId(h)).query(Booking.class).list()
                .stream().map(this::withEnd).toList();
    }

    /** One of the user's own bookings; another's is "not found" (it does not tell that it exists). */
    public Booking mine(ShebaoUser user, long id) {
        return mine(user).stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("booking " + id));
    }

    /** Cancels one's own future booking; its place is free again. */
    @Transactional
    public Booking cancel(ShebaoUser user, long id) {
        Booking b = mine(user, id);
        if (!b.isBooked()) {
            throw InvalidInputException.of("booking", "error.hall.cancel.status");
        }
        if (!b.day().atTime(b.startsAt()).isAfter(LocalDateTime.now(clock))) {
            throw InvalidInputException.of("booking", "error.hall.cancel.past");
        }
        int changed = jdbc.sql("UPDATE hall_booking SET status = 'CANCELLED', changed_at = :now "
                        + "WHERE id = :id AND region_code = :r AND status = 'BOOKED'")
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("r", b.regionCode()).update();
        if (changed == 0) {
            throw new ConflictException("booking", "error.concurrent");
        }
        release(b);
        return booking(id);
    }

    void release(Booking b) {
        jdbc.sql("UPDATE hall_slot SET taken = taken - 1 WHERE hall_id = :h AND day = :d AND starts_at = :t "
                        + "AND region_code = :r")
                .param("h", b.hallId()).param("d", b.day()).param("t", b.startsAt()).param("r", b.regionCode()).update();
    }

    public Booking booking(long id) {
        return withEnd(jdbc.sql("SELECT " + BOOKING_COLUMNS + " FROM hall_booking b JOIN hall_hall h ON h.id = b.hall_id "
                        + "AND h.region_code = b.region_code WHERE b.id = :id")
                .param("id", id).query(Booking.class).single());
    }

    Booking withEnd(Booking b) {
        LocalTime end = b.startsAt().plusMinutes(params.hours(b.regionCode(), b.day()).slotMinutes());
        return new Booking(b.id(), b.regionCode(), b.hallId(), b.hallName(), b.hallNameEn(), b.day(), b.startsAt(),
                end, b.code(), b.service(), b.holderKind(), b.visitorName(), b.visitorIdMasked(), b.status(),
                b.bookedAt());
    }

    // ---- the manager's capacity ----

    /**
     * A hall manager lowers the capacity of every slot of a day (today or later), never below the places already
     * taken in one of them (refused with the count), nor above the hall's capacity parameter.
     */
    @Transactional
    public int lowerCapacity(ShebaoUser user, long hallId, String dayRaw, String capacityRaw) {
        Hall hall = managed(user, hallId);
        Violations v = new Violations();
        LocalDate day = v.date(dayRaw, "day", true);
        Integer capacity = integer(v, capacityRaw, "capacity");
        v.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today)) {
            throw InvalidInputException.of("day", "error.hall.capacity.pastDay", day.toString());
        }
        int max = params.capacity(hall.regionCode(), day);
        if (capacity < 0 || capacity > max) {
            throw InvalidInputException.of("capacity", "error.hall.capacity.range", max);
        }
        ensureSlots(hall, day);
        record Taken(LocalTime startsAt, int taken) {
        }
        List<Taken> rows = jdbc.sql("SELECT starts_at, taken FROM hall_slot WHERE hall_id = :h AND day = :d "
                        + "AND region_code = :r ORDER BY taken DESC, starts_at FOR UPDATE")
                .param("h", hall.id()).param("d", day).param("r", hall.regionCode()).query(Taken.class).list();
        Taken most = rows.get(0);
        if (capacity < most.taken()) {
            throw InvalidInputException.of("capacity", "error.hall.capacity.belowBookings",
                    most.startsAt().toString(), most.taken());
        }
        return jdbc.sql("UPDATE hall_slot SET capacity = :c, capacity_set_by = :by, capacity_set_at = :at "
                        + "WHERE hall_id = :h AND day = :d AND region_code = :r")
                .param("c", capacity).param("by", user.getUsername()).param("at", OffsetDateTime.now(clock))
                .param("h", hall.id()).param("d", day).param("r", hall.regionCode()).update();
    }

    // ---- parsing ----

    static LocalTime time(Violations v, String raw, String field) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            v.add(field, "error.required");
            return null;
        }
        if (!s.matches("\\d{2}:\\d{2}")) {
            v.add(field, "error.hall.time.format");
            return null;
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            v.add(field, "error.hall.time.format");
            return null;
        }
    }

    static Integer integer(Violations v, String raw, String field) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            v.add(field, "error.required");
            return null;
        }
        if (!s.matches("-?\\d{1,6}")) {
            v.add(field, "error.hall.integer");
            return null;
        }
        return Integer.parseInt(s);
    }

    static long holderId(Holder h) {
        return h.personId() != null ? h.personId() : h.employerId() != null ? h.employerId() : -1L;
    }

    static String newCode() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return b.toString();
    }
}
