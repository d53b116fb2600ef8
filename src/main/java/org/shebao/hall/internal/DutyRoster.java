package org.shebao.hall.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.identity.Users.UserSummary;
import org.shebao.policy.Implements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty roster of leaders on patrol (N-7 领导干部带班巡查, FJ-7 领导带班): a hall manager puts a staff user of the
 * hall's city on duty for a day (chosen from the city's staff, never typed); the leader on duty writes the day's
 * patrols (time, place, findings). A patrol for a day one is not on duty is refused; the database holds it too (the
 * patrol's foreign key names the duty of that leader and day).
 */
@Service
@RequiredArgsConstructor
@Implements(measure = "HALL_DUTY_AND_ESCALATION", rule = "领导带班巡查：大厅主管从本市工作人员中排定每日带班领导，带班领导逐次记录巡查时间、地点和发现的问题",
        ruleEn = "Leaders on duty: the hall manager rosters a leader of the city's staff for each day, who logs each patrol (time, place, findings)")
public class DutyRoster {
    /** The clauses the roster rests on. */
    public static final List<String> CLAUSES = List.of("N-7", "FJ-7");
    /** How many days the manager's roster shows (today and ahead). */
    public static final int DAYS_SHOWN = 14;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Appointments appointments;
    private final Users users;

    public record Duty(long id, long hallId, LocalDate day, String leaderUser, String leaderName) {
    }

    public record Patrol(long id, LocalDate day, String leaderName, OffsetDateTime patrolledAt, String place,
                         String findings) {
    }

    /** A day of the roster: its leaders on duty and their patrols. */
    public record Day(LocalDate day, List<Duty> leaders, List<Patrol> patrols) {
    }

    private static final String DUTY = "SELECT id, hall_id, day, leader_user, leader_name FROM hall_duty";
    private static final String PATROL = """
            SELECT p.id, p.day, d.leader_name, p.patrolled_at, p.place, p.findings
              FROM hall_patrol p JOIN hall_duty d ON d.id = p.duty_id AND d.region_code = p.region_code""";

    private Patrol patrol(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Patrol(rs.getLong("id"), rs.getObject("day", LocalDate.class), rs.getString("leader_name"),
                rs.getObject("patrolled_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                rs.getString("place"), rs.getString("findings"));
    }

    /** The hall manager puts a staff user of the hall's city on duty for a day (today or later). */
    @Transactional
    public Duty assign(ShebaoUser manager, long hallId, String dayRaw, String leaderRaw) {
        Hall hall = appointments.managed(manager, hallId);
        Violations v = new Violations();
        LocalDate day = v.date(dayRaw, "day", true);
        String leader = v.text(leaderRaw, "leader", 50, true);
        if (day != null && day.isBefore(LocalDate.now(clock))) {
            v.add("day", "error.hall.duty.pastDay", day.toString());
        }
        v.throwIfAny();
        UserSummary person = users.staffOf(hall.regionCode()).stream().filter(u -> u.username().equals(leader))
                .findFirst().orElseThrow(() -> InvalidInputException.of("leader", "error.hall.duty.notStaff"));
        Long id = jdbc.sql("""
                        INSERT INTO hall_duty (region_code, hall_id, day, leader_user, leader_name, assigned_by, assigned_at)
                        VALUES (:r, :h, :d, :u, :n, :by, :at)
                        ON CONFLICT (hall_id, day, leader_user, region_code) DO NOTHING RETURNING id""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("d", day).param("u", person.username())
                .param("n", person.displayName()).param("by", manager.getUsername())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new ConflictException("leader", "error.hall.duty.already", person.displayName(), day.toString());
        }
        return new Duty(id, hall.id(), day, person.username(), person.displayName());
    }

    /** The hall's roster from today on (DAYS_SHOWN days), with each day's patrols; and the last week's patrols. */
    @Transactional(readOnly = true)
    public List<Day> roster(ShebaoUser manager, long hallId) {
        Hall hall = appointments.managed(manager, hallId);
        LocalDate today = LocalDate.now(clock);
        return days(hall, today.minusDays(7), today.plusDays(DAYS_SHOWN - 1));
    }

    List<Day> days(Hall hall, LocalDate from, LocalDate to) {
        List<Duty> duties = jdbc.sql(DUTY + " WHERE hall_id = :h AND region_code = :r AND day BETWEEN :f AND :t "
                        + "ORDER BY day, leader_name")
                .param("h", hall.id()).param("r", hall.regionCode()).param("f", from).param("t", to)
                .query(Duty.class).list();
        List<Patrol> patrols = jdbc.sql(PATROL + " WHERE d.hall_id = :h AND p.region_code = :r AND p.day BETWEEN :f AND :t "
                        + "ORDER BY p.patrolled_at, p.id")
                .param("h", hall.id()).param("r", hall.regionCode()).param("f", from).param("t", to)
                .query(this::patrol).list();
        return from.datesUntil(to.plusDays(1))
                .map(d -> new Day(d, duties.stream().filter(x -> x.day().equals(d)).toList(),
                        patrols.stream().filter(p -> p.day().equals(d)).toList()))
                .filter(d -> !d.day().isBefore(LocalDate.now(clock)) || !d.leaders().isEmpty())
                .toList();
    }

    /** The user's duty on a day, if they are a leader on duty then. */
    public Optional<Duty> dutyOf(String username, String regionCode, LocalDate day) {
        return jdbc.sql(DUTY + " WHERE leader_user = :u AND region_code = :r AND day = :d ORDER BY id LIMIT 1")
                .param("u", username).param("r", regionCode).param("d", day).query(Duty.class).optional();
    }

    /** The user names of the leaders on duty at a hall on a day. */
    public List<String> leadersOn(long hallId, String regionCode, LocalDate day) {
        return jdbc.sql("SELECT leader_user FROM hall_duty WHERE hall_id = :h AND region_code = :r AND day = :d ORDER BY id")
                .param("h", hallId).param("r", regionCode).param("d", day).query(String.class).list();
    }

    /** The user's own days on duty (the last week and ahead) and their patrols. */
    @Transactional(readOnly = true)
    public List<Day> mine(ShebaoUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedToRecordException("duty");
        }
        LocalDate today = LocalDate.now(clock);
        List<Duty> duties = jdbc.sql(DUTY + " WHERE leader_user = :u AND region_code = :r AND day BETWEEN :f AND :t ORDER BY day")
                .param("u", user.getUsername()).param("r", user.region().value()).param("f", today.minusDays(7))
                .param("t", today.plusDays(DAYS_SHOWN - 1)).query(Duty.class).list();
        List<Patrol> patrols = jdbc.sql(PATROL + " WHERE p.leader_user = :u AND p.region_code = :r AND p.day >= :f "
                        + "ORDER BY p.patrolled_at, p.id")
                .param("u", user.getUsername()).param("r", user.region().value()).param("f", today.minusDays(7))
                .query(this::patrol).list();
        return duties.stream().map(d -> new Day(d.day(), List.of(d),
                patrols.stream().filter(p -> p.day().equals(d.day())).toList())).toList();
    }

    /** The leader on duty logs a patrol: the day (on duty that day), the time (not in the future), place, findings. */
    @Transactional
    public Patrol logPatrol(ShebaoUser user, String dayRaw, String timeRaw, String placeRaw, String findingsRaw) {
        if (!user.isStaff()) {
            throw new AccessDeniedToRecordException("duty");
        }
        Violations v = new Violations();
        LocalDate day = v.date(dayRaw, "day", true);
        LocalTime time = time(v, timeRaw);
        String place = v.text(placeRaw, "place", 100, true);
        String findings = v.text(findingsRaw, "findings", 500, true);
        v.throwIfAny();
        LocalDateTime at = day.atTime(time);
        if (at.isAfter(LocalDateTime.now(clock))) {
            throw InvalidInputException.of("time", "error.hall.patrol.future", at.toLocalDate() + " " + time);
        }
        Duty duty = dutyOf(user.getUsername(), user.region().value(), day)
                .orElseThrow(() -> InvalidInputException.of("day", "error.hall.patrol.notOnDuty", day.toString()));
        long id = jdbc.sql("""
                        INSERT INTO hall_patrol (region_code, duty_id, day, leader_user, patrolled_at, place, findings, recorded_at)
                        VALUES (:r, :duty, :d, :u, :at, :place, :f, :now) RETURNING id""")
                .param("r", user.region().value()).param("duty", duty.id()).param("d", day)
                .param("u", user.getUsername()).param("at", at.atZone(clock.getZone()).toOffsetDateTime())
                .param("place", place).param("f", findings).param("now", OffsetDateTime.now(clock))
                .query(Long.class).single();
        return new Patrol(id, day, duty.leaderName(), at.atZone(clock.getZone()).toOffsetDateTime(), place, findings);
    }

    private static LocalTime time(Violations v, String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            v.add("time", "error.required");
            return null;
        }
        try {
            return t.matches("\\d{2}:\\d{2}") ? LocalTime.parse(t) : fail(v);
        } catch (DateTimeParseException e) {
            return fail(v);
        }
    }

    private static LocalTime fail(Violations v) {
        v.add("time", "error.hall.time.format");
        return null;
    }
}
