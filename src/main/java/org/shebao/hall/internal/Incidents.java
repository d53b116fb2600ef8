package org.shebao.hall.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.hall.IncidentAwaits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident reports of the halls and their way upward (N-7, FJ-7; rule {@link EscalationRule}). A suspected case is
 * opened at the door (a fever, {@link Screenings}); the hall manager or the leader on duty opens one of any kind by
 * hand. The level holding a report acknowledges it: the city (its hall manager or the day's leader on duty), the
 * province (its administrator), the ministry (the national administrator). Acknowledging forwards the report where
 * the rule says, with a new time limit; the first acknowledgement wins (one UPDATE … WHERE level = … AND status =
 * 'OPEN'), a second one at once is a conflict. Every change is written to the incident's history with who and when.
 * A province sees every incident of its cities, the ministry every incident.
 */
@Service
@RequiredArgsConstructor
public class Incidents {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallParameters params;
    private final Appointments appointments;
    private final DutyRoster roster;
    private final Measures measures;
    private final ApplicationEventPublisher events;

    public record Incident(long id, String regionCode, long hallId, String hallName, String hallNameEn,
                           IncidentKind kind, IncidentLevel level, String status, OffsetDateTime openedAt,
                           OffsetDateTime dueAt, String visitorName, BigDecimal temperature, String healthContact,
                           String description, String clauses, boolean overdue, String closedByName,
                           OffsetDateTime closedAt, String resolution) {
        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public String hallDisplayName(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? hallNameEn : hallName;
        }

        public List<String> clauseList() {
            return List.of(clauses.split(" "));
        }
    }

    public record Event(String action, IncidentLevel level, IncidentLevel toLevel, boolean overdue, String byName,
                        OffsetDateTime at, String note) {
    }

    /** An incident with its history and what the user may do with it. */
    public record Detail(Incident incident, List<Event> history, IncidentLevel userLevel, boolean canAcknowledge,
                         boolean mayReportFurther, boolean canClose) {
    }

    private static final String INCIDENT = """
            SELECT i.id, i.region_code, i.hall_id, h.name AS hall_name, h.name_en AS hall_name_en, i.kind, i.level,
                   i.status, i.opened_at, i.due_at, s.visitor_name, s.temperature, i.health_contact, i.description,
                   i.clauses, i.closed_by_name, i.closed_at, i.resolution
              FROM hall_incident i JOIN hall_hall h ON h.id = i.hall_id AND h.region_code = i.region_code
              LEFT JOIN hall_screening s ON s.id = i.screening_id AND s.region_code = i.region_code""";

    private Incident row(ResultSet rs, int i) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        boolean open = "OPEN".equals(rs.getString("status"));
        return new Incident(rs.getLong("id"), rs.getString("region_code"), rs.getLong("hall_id"),
                rs.getString("hall_name"), rs.getString("hall_name_en"), IncidentKind.valueOf(rs.getString("kind")),
                IncidentLevel.valueOf(rs.getString("level")), rs.getString("status"), local(rs, "opened_at"),
                due == null ? null : due.atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                rs.getString("visitor_name"), rs.getBigDecimal("temperature"), rs.getString("health_contact"),
                rs.getString("description"), rs.getString("clauses"),
                EscalationRule.overdue(open, due, OffsetDateTime.now(clock)), rs.getString("closed_by_name"),
                rs.getObject("closed_at") == null ? null : local(rs, "closed_at"), rs.getString("resolution"));
    }

    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    // ---- opening ----

    /** A fever at the door: a suspected case, held by the city (Screenings, in its transaction). */
    long openAtDoor(ShebaoUser by, Hall hall, long screeningId, String healthContact, String clauses,
                    OffsetDateTime at) {
        long id = jdbc.sql("""
                        INSERT INTO hall_incident (region_code, hall_id, screening_id, kind, status, level, due_at,
                                                   health_contact, clauses, opened_by, opened_at)
                        VALUES (:r, :h, :s, 'SUSPECTED_CASE', 'OPEN', 'CITY', :due, :c, :cl, :by, :at) RETURNING id""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("s", screeningId)
                .param("due", due(IncidentLevel.CITY, hall.regionCode(), at)).param("c", healthContact)
                .param("cl", clauses).param("by", by.getUsername()).param("at", at).query(Long.class).single();
        event(hall.regionCode(), id, "OPENED", IncidentLevel.CITY, null, false, by, at, null);
        return id;
    }

    /** The hall manager or the day's leader on duty reports an incident of any kind, with what happened. */
    @Transactional
    public Incident open(ShebaoUser user, long hallId, String kindRaw, String descriptionRaw) {
        Hall hall = appointments.hallFor(user, hallId);
        LocalDate today = LocalDate.now(clock);
        if (levelOf(user, hall.regionCode(), today) != IncidentLevel.CITY) {
            throw new AccessDeniedToRecordException("incidents of hall " + hallId);
        }
        Violations v = new Violations();
        IncidentKind kind = v.oneOf(kindRaw, IncidentKind.class, "kind");
        String description = v.text(descriptionRaw, "description", 500, true);
        v.throwIfAny();
        OffsetDateTime at = OffsetDateTime.now(clock);
        MeasureStatus status = measures.status("HALL_DUTY_AND_ESCALATION", new RegionCode(hall.regionCode()), today);
        String clauses = String.join(" ", status.inForce() ? status.clauses() : EscalationRule.CLAUSES);
        long id = jdbc.sql("""
                        INSERT INTO hall_incident (region_code, hall_id, kind, status, level, due_at, description,
                                                   health_contact, clauses, opened_by, opened_at)
                        VALUES (:r, :h, :k, 'OPEN', 'CITY', :due, :d, :c, :cl, :by, :at) RETURNING id""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("k", kind.name())
                .param("due", due(IncidentLevel.CITY, hall.regionCode(), at)).param("d", description)
                .param("c", kind == IncidentKind.SUSPECTED_CASE ? params.healthContact(hall.regionCode(), today) : null)
                .param("cl", clauses).param("by", user.getUsername()).param("at", at).query(Long.class).single();
        event(hall.regionCode(), id, "OPENED", IncidentLevel.CITY, null, false, user, at, null);
        return incident(hall.regionCode(), id);
    }

    private OffsetDateTime due(IncidentLevel level, String region, OffsetDateTime from) {
        return from.plusMinutes(params.acknowledgeMinutes(level, region, from.toLocalDate()));
    }

    private void event(String region, long incident, String action, IncidentLevel level, IncidentLevel to,
                       boolean overdue, ShebaoUser by, OffsetDateTime at, String note) {
        jdbc.sql("""
                        INSERT INTO hall_incident_event (region_code, incident_id, action, level, to_level, overdue,
                                                         by_user, by_name, at, note)
                        VALUES (:r, :i, :a, :l, :to, :o, :by, :name, :at, :note)""")
                .param("r", region).param("i", incident).param("a", action).param("l", level.name())
                .param("to", to == null ? null : to.name()).param("o", overdue).param("by", by.getUsername())
                .param("name", by.displayName()).param("at", at).param("note", note).update();
    }

    // ---- acknowledging ----

    /**
     * The level a user acknowledges for, for an incident of a city: the ministry (a national administrator), the
     * province (its administrator), the city (its hall manager or a leader on duty today); null for anyone else.
     */
    public IncidentLevel levelOf(ShebaoUser user, String cityRegion, LocalDate day) {
        RegionCode city = new RegionCode(cityRegion);
        if (user.has(Role.ADMIN) && user.region().isNational()) {
            return IncidentLevel.NATIONAL;
        }
        if (user.has(Role.ADMIN) && user.region().equals(city.province())) {
            return IncidentLevel.PROVINCE;
        }
        if (user.region().equals(city) && (user.has(Role.HALL_MANAGER)
                || roster.dutyOf(user.getUsername(), cityRegion, day).isPresent())) {
            return IncidentLevel.CITY;
        }
        return null;
    }

    /**
     * The level holding the report acknowledges it; where the rule says (or the acknowledger asks to report further)
     * it goes up to the next level with that level's time limit, otherwise it is settled. Refused (400, level) for a
     * user who is not the level holding it; a conflict (409) when someone acknowledged it first.
     */
    @Transactional
    public Detail acknowledge(ShebaoUser user, long id, boolean reportFurther, String noteRaw) {
        Incident incident = visible(user, id);
        Violations v = new Violations();
        String note = v.text(noteRaw, "note", 200, false);
        v.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        IncidentLevel mine = levelOf(user, incident.regionCode(), today);
        if (mine == null) {
            throw InvalidInputException.of("level", "error.hall.incident.notAcknowledger");
        }
        if (!incident.open()) {
            throw new ConflictException("level", "error.hall.incident.settled");
        }
        if (mine != incident.level()) {
            throw InvalidInputException.of("level", "error.hall.incident.otherLevel." + incident.level().name());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        IncidentLevel next = EscalationRule.next(incident.kind(), mine, reportFurther);
        int rows = jdbc.sql("""
                        UPDATE hall_incident SET level = :next, status = :status, due_at = :due
                         WHERE id = :id AND region_code = :r AND status = 'OPEN' AND level = :mine""")
                .param("next", (next == null ? mine : next).name()).param("status", next == null ? "ACKNOWLEDGED" : "OPEN")
                .param("due", next == null ? incident.dueAt() : due(next, incident.regionCode(), now))
                .param("id", id).param("r", incident.regionCode()).param("mine", mine.name()).update();
        if (rows != 1) {
            throw new ConflictException("level", "error.hall.incident.alreadyAcknowledged");
        }
        event(incident.regionCode(), id, "ACKNOWLEDGED", mine, null, incident.overdue(), user, now, note);
        if (next != null) {
            event(incident.regionCode(), id, "FORWARDED", mine, next, false, user, now, null);
            events.publishEvent(new IncidentAwaits(id, incident.regionCode(), incident.hallName(), incident.kind().name(),
                    next.name(), due(next, incident.regionCode(), now), false, List.of()));
        }
        return detail(user, id);
    }

    // ---- closing ----

    /**
     * Closes an incident with its resolution (required): the level holding it or a level above (a city user cannot
     * close a report the province holds). Closed, it leaves the open and overdue lists; the closing is in the history
     * with who and when. Single winner: a second close (at once or later) is a conflict (409), nothing written.
     */
    @Transactional
    public Detail close(ShebaoUser user, long id, String resolutionRaw) {
        Incident incident = visible(user, id);
        Violations v = new Violations();
        String resolution = v.text(resolutionRaw, "resolution", 500, true);
        v.throwIfAny();
        if (incident.closed()) {
            throw new ConflictException("resolution", "error.hall.incident.closed");
        }
        IncidentLevel mine = levelOf(user, incident.regionCode(), LocalDate.now(clock));
        if (!EscalationRule.mayClose(incident.status(), incident.level(), mine)) {
            throw InvalidInputException.of("level", "error.hall.incident.notCloser");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int rows = jdbc.sql("""
                        UPDATE hall_incident SET status = 'CLOSED', closed_by = :by, closed_by_name = :name,
                                                 closed_at = :at, resolution = :res
                         WHERE id = :id AND region_code = :r AND status <> 'CLOSED'""")
                .param("by", user.getUsername()).param("name", user.displayName()).param("at", now)
                .param("res", resolution).param("id", id).param("r", incident.regionCode()).update();
        if (rows != 1) {
            throw new ConflictException("resolution", "error.hall.incident.closed");
        }
        event(incident.regionCode(), id, "CLOSED", mine, null, incident.overdue(), user, now, resolution);
        return detail(user, id);
    }

    // ---- time limits ----

    /**
     * Tells the level holding each open report whose time limit has passed (once per level: the report is marked with
     * the level told by a conditional UPDATE, so two nodes running this at once tell it once). Returns how many were
     * told. A report the city holds also goes to the day's leaders on duty at its hall.
     */
    @Transactional
    public int notifyOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Late(long id, String regionCode, long hallId, String hallName, String kind, String level,
                    OffsetDateTime dueAt) {
        }
        List<Late> late = jdbc.sql("""
                        UPDATE hall_incident i SET overdue_notified_level = i.level
                          FROM hall_hall h
                         WHERE h.id = i.hall_id AND h.region_code = i.region_code AND i.status = 'OPEN'
                           AND i.due_at < :now AND i.overdue_notified_level IS DISTINCT FROM i.level
                        RETURNING i.id, i.region_code, i.hall_id, h.name AS hall_name, i.kind, i.level, i.due_at""")
                .param("now", now).query(Late.class).list();
        for (Late l : late) {
            List<String> leaders = IncidentLevel.CITY.name().equals(l.level())
                    ? roster.leadersOn(l.hallId(), l.regionCode(), now.toLocalDate()) : List.of();
            events.publishEvent(new IncidentAwaits(l.id(), l.regionCode(), l.hallName(), l.kind(), l.level(),
                    l.dueAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(), true, leaders));
        }
        return late.size();
    }

    // ---- reading ----

    private Incident incident(String region, long id) {
        return jdbc.sql(INCIDENT + " WHERE i.id = :id AND i.region_code = :r").param("id", id).param("r", region)
                .query(this::row).single();
    }

    /** An incident the user's region covers (a city: its own; a province: its cities'; the ministry: all). */
    private Incident visible(ShebaoUser user, long id) {
        if (!user.isStaff()) {
            throw new AccessDeniedToRecordException("incident " + id);
        }
        Incident i = jdbc.sql(INCIDENT + " WHERE i.id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("incident " + id));
        if (!user.region().covers(new RegionCode(i.regionCode()))) {
            throw new AccessDeniedToRecordException("incident " + id);
        }
        return i;
    }

    @Transactional(readOnly = true)
    public Detail detail(ShebaoUser user, long id) {
        Incident i = visible(user, id);
        List<Event> history = jdbc.sql("""
                        SELECT action, level, to_level, overdue, by_name, at, note FROM hall_incident_event
                         WHERE incident_id = :id AND region_code = :r ORDER BY at, id""")
                .param("id", id).param("r", i.regionCode())
                .query((rs, n) -> new Event(rs.getString("action"), IncidentLevel.valueOf(rs.getString("level")),
                        rs.getString("to_level") == null ? null : IncidentLevel.valueOf(rs.getString("to_level")),
                        rs.getBoolean("overdue"), rs.getString("by_name"), local(rs, "at"), rs.getString("note")))
                .list();
        IncidentLevel mine = levelOf(user, i.regionCode(), LocalDate.now(clock));
        boolean can = i.open() && mine == i.level();
        return new Detail(i, history, mine, can, can && mine != IncidentLevel.NATIONAL
                && EscalationRule.next(i.kind(), mine, false) == null, EscalationRule.mayClose(i.status(), i.level(), mine));
    }

    /**
     * The incidents the user's region covers: every open one (a province: of all its cities, at whatever level), then
     * the settled ones of the last 30 days; overdue first among the open.
     */
    @Transactional(readOnly = true)
    public List<Incident> list(ShebaoUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedToRecordException("incidents");
        }
        return jdbc.sql(INCIDENT + " WHERE i.region_code LIKE :p AND (i.status = 'OPEN' OR i.opened_at >= :since) "
                        + "ORDER BY i.status = 'OPEN' DESC, i.due_at, i.id DESC LIMIT 200")
                .param("p", user.region().scopePrefix() + "%")
                .param("since", OffsetDateTime.now(clock).minusDays(30)).query(this::row).list();
    }

    /** The open incidents of a hall (its manager's page). */
    public List<Incident> openOf(Hall hall) {
        return jdbc.sql(INCIDENT + " WHERE i.hall_id = :h AND i.region_code = :r AND i.status = 'OPEN' "
                        + "ORDER BY i.opened_at DESC, i.id DESC")
                .param("h", hall.id()).param("r", hall.regionCode()).query(this::row).list();
    }
}
