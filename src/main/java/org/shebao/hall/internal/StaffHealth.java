package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Violations;
import org.shebao.hall.StaffHealthFlagged;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.identity.Users.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff health ledger (SX-5): each staff member's temperature and symptoms of the day, self-reported by any staff
 * user of a hall's city or entered by its hall manager; one report per person and day. An implausible temperature is
 * refused as at the door; a fever or a symptom flags the person ({@link StaffHealthRule}) and the hall managers are
 * told ({@link StaffHealthFlagged}, sent in-app by the notification module). Absent-for-health days are counted per
 * person and month.
 */
@Service
@RequiredArgsConstructor
public class StaffHealth {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallParameters params;
    private final Appointments appointments;
    private final Users users;
    private final ApplicationEventPublisher events;

    public record Report(long id, String staffName, LocalDate day, BigDecimal temperature, List<Symptom> symptoms,
                         boolean absent, boolean flagged, boolean fever, boolean self, String note,
                         OffsetDateTime reportedAt) {
    }

    /** A person of the hall's staff this month: today's report (if any) and the days absent for health. */
    public record StaffLine(String username, String displayName, Report today, int absentDays, boolean flagged) {
        StaffLine(String username, String displayName, Report today, int absentDays) {
            this(username, displayName, today, absentDays, today != null && today.flagged());
        }
    }

    public record Ledger(Hall hall, LocalDate day, YearMonth month, List<StaffLine> staff, long flagged,
                         long unreported) {
    }

    /** The hall of a staff user's own city (the one they report to). */
    public Hall hallOf(ShebaoUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedToRecordException("staff health");
        }
        return appointments.halls(user).stream().filter(h -> h.regionCode().equals(user.region().value()))
                .findFirst().orElseThrow(() -> InvalidInputException.of("staff", "error.hall.health.noHall"));
    }

    /** A staff user reports their own health of today. */
    @Transactional
    public Report selfReport(ShebaoUser user, String temperature, List<String> symptoms, boolean absent, String note) {
        Hall hall = hallOf(user);
        return record(user, hall, user.getUsername(), user.displayName(), temperature, symptoms, absent, note);
    }

    /** The hall manager enters a staff member's health of today. */
    @Transactional
    public Report enter(ShebaoUser manager, long hallId, String staffRaw, String temperature, List<String> symptoms,
                        boolean absent, String note) {
        Hall hall = appointments.managed(manager, hallId);
        Violations v = new Violations();
        String staff = v.text(staffRaw, "staff", 50, true);
        v.throwIfAny();
        UserSummary person = users.staffOf(hall.regionCode()).stream().filter(u -> u.username().equals(staff))
                .findFirst().orElseThrow(() -> InvalidInputException.of("staff", "error.hall.health.notStaff"));
        return record(manager, hall, person.username(), person.displayName(), temperature, symptoms, absent, note);
    }

    private Report record(ShebaoUser by, Hall hall, String staff, String name, String temperatureRaw,
                          List<String> symptomsRaw, boolean absent, String noteRaw) {
        LocalDate today = LocalDate.now(clock);
        BigDecimal threshold = params.feverThreshold(hall.regionCode(), today);
        Violations v = new Violations();
        BigDecimal temperature = Temperatures.parse(v, "temperature", temperatureRaw, threshold,
                params.plausible(hall.regionCode(), today));
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        for (String s : symptomsRaw == null ? List.<String>of() : symptomsRaw) {
            Symptom sy = v.oneOf(s, Symptom.class, "symptoms");
            if (sy != null) {
                symptoms.add(sy);
            }
        }
        String note = v.text(noteRaw, "note", 200, false);
        v.throwIfAny();
        StaffHealthRule.Outcome outcome = StaffHealthRule.decide(temperature, symptoms, threshold,
                params.plausible(hall.regionCode(), today));
        boolean flagged = StaffHealthRule.flagged(outcome);
        String codes = symptoms.stream().map(Enum::name).collect(Collectors.joining(","));
        Long id = jdbc.sql("""
                        INSERT INTO hall_staff_health (region_code, hall_id, staff_user, staff_name, day, temperature,
                                                       threshold, symptoms, absent, flagged, note, reported_by, reported_at)
                        VALUES (:r, :h, :u, :n, :d, :t, :th, :s, :a, :f, :note, :by, :at)
                        ON CONFLICT (staff_user, day, region_code) DO NOTHING RETURNING id""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("u", staff).param("n", name)
                .param("d", today).param("t", temperature).param("th", threshold).param("s", codes)
                .param("a", absent).param("f", flagged).param("note", note).param("by", by.getUsername())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new ConflictException("temperature", "error.hall.health.alreadyReported", name, today.toString());
        }
        if (flagged) {
            events.publishEvent(new StaffHealthFlagged(id, hall.id(), hall.regionCode(), name, today, temperature,
                    outcome == StaffHealthRule.Outcome.FEVER, symptoms.stream().map(Enum::name).toList()));
        }
        return report(hall, id);
    }

    private static final String REPORT = "SELECT id, staff_user, staff_name, day, temperature, threshold, symptoms, "
            + "absent, flagged, note, reported_by, reported_at FROM hall_staff_health";

    private Report report(Hall hall, long id) {
        return jdbc.sql(REPORT + " WHERE id = :id AND region_code = :r").param("id", id).param("r", hall.regionCode())
                .query(this::row).single();
    }

    private Report row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String codes = rs.getString("symptoms");
        BigDecimal t = rs.getBigDecimal("temperature");
        return new Report(rs.getLong("id"), rs.getString("staff_name"), rs.getObject("day", LocalDate.class), t,
                codes.isEmpty() ? List.of() : Arrays.stream(codes.split(",")).map(Symptom::valueOf).toList(),
                rs.getBoolean("absent"), rs.getBoolean("flagged"), t.compareTo(rs.getBigDecimal("threshold")) >= 0,
                rs.getString("reported_by").equals(rs.getString("staff_user")), rs.getString("note"),
                rs.getObject("reported_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime());
    }

    /** The user's own reports, newest first (the last 31). */
    @Transactional(readOnly = true)
    public List<Report> mine(ShebaoUser user) {
        Hall hall = hallOf(user);
        return jdbc.sql(REPORT + " WHERE staff_user = :u AND region_code = :r ORDER BY day DESC LIMIT 31")
                .param("u", user.getUsername()).param("r", hall.regionCode()).query(this::row).list();
    }

    /** The hall manager's ledger: each staff member of the city, today's report, the month's days absent. */
    @Transactional(readOnly = true)
    public Ledger ledger(ShebaoUser manager, long hallId) {
        Hall hall = appointments.managed(manager, hallId);
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        Map<String, Report> todays = jdbc.sql(REPORT + " WHERE hall_id = :h AND region_code = :r AND day = :d")
                .param("h", hall.id()).param("r", hall.regionCode()).param("d", today)
                .query((rs, i) -> Map.entry(rs.getString("staff_user"), row(rs, i))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        record Absent(String staffUser, int days) {
        }
        Map<String, Integer> absent = jdbc.sql("""
                        SELECT staff_user, count(*) AS days FROM hall_staff_health
                         WHERE hall_id = :h AND region_code = :r AND absent AND day BETWEEN :from AND :to
                         GROUP BY staff_user""")
                .param("h", hall.id()).param("r", hall.regionCode()).param("from", month.atDay(1))
                .param("to", month.atEndOfMonth()).query(Absent.class).list().stream()
                .collect(Collectors.toMap(Absent::staffUser, Absent::days));
        List<StaffLine> staff = users.staffOf(hall.regionCode()).stream()
                .map(u -> new StaffLine(u.username(), u.displayName(), todays.get(u.username()),
                        absent.getOrDefault(u.username(), 0)))
                .sorted(java.util.Comparator.comparing((StaffLine s) -> !s.flagged())
                        .thenComparing(StaffLine::displayName))
                .toList();
        return new Ledger(hall, today, month, staff, staff.stream().filter(StaffLine::flagged).count(),
                staff.stream().filter(s -> s.today() == null).count());
    }

    /** How many staff of a hall are flagged today (for the manager's page). */
    public long flaggedToday(Hall hall) {
        return jdbc.sql("SELECT count(*) FROM hall_staff_health WHERE hall_id = :h AND region_code = :r AND day = :d AND flagged")
                .param("h", hall.id()).param("r", hall.regionCode()).param("d", LocalDate.now(clock))
                .query(Long.class).single();
    }
}
