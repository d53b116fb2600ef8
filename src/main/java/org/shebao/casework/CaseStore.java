package org.shebao.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadlines;
import org.shebao.policy.MeasureStatus;
import org.shebao.registry.Person;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.shebao.policy.TrackedRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The cases' rows, shared by intake, workflow and queries: reading a case (mapped by column name), the business
 * types' handlers, the history of every step, a step's status change (single winner under optimistic locking),
 * and the materials and commitments a case holds.
 */
@Component
class CaseStore {
    /** Owner of this module's tracked deadlines (policy module). */
    static final String OWNER = "casework";
    /** The deadline rule of a commitment: materials within three months after the emergency is lifted. */
    static final String COMMITMENT_RULE = "LIFTED_PLUS_3_MONTHS";
    private static final String SELECT = """
            SELECT id, reference, type, person_id, employer_id, region_code, channel, submitted_by, applicant_user,
                   received_at, status, priority, due_on, flags, form, missing, returned_once, accepted_by, decided_by,
                   decision_reason, version, applicant_name, applicant_id
              FROM casework_case""";
    /** The columns a step may change besides its status (each step names its own, never SQL). */
    enum Column {
        ACCEPTED_BY, DECIDED_BY, DECISION_REASON, RETURNED_ONCE, MISSING, FLAGS
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Deadlines deadlines;
    private final Archive archive;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final ObjectProvider<CaseTypeHandler> handlerProvider;
    private volatile Map<CaseType, CaseTypeHandler> handlers;

    CaseStore(JdbcClient jdbc, Clock clock, Deadlines deadlines, Archive archive, ApplicationEventPublisher events,
              ObjectMapper json, ObjectProvider<CaseTypeHandler> handlers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadlines = deadlines;
        this.archive = archive;
        this.events = events;
        this.json = json;
        this.handlerProvider = handlers; // resolved on first use: a type's handler may itself use the case services
    }

    static TrackedRef commitmentRef(long commitmentId) {
        return TrackedRef.of("commitment", commitmentId);
    }

    Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- business types

    Map<CaseType, CaseTypeHandler> handlers() {
        Map<CaseType, CaseTypeHandler> h = handlers;
        if (h == null) {
            h = handlerProvider.orderedStream().collect(Collectors.toMap(CaseTypeHandler::type, Function.identity(),
                    (a, b) -> a, LinkedHashMap::new));
            handlers = h;
        }
        return h;
    }

    CaseTypeHandler handler(CaseType type) {
        CaseTypeHandler h = handlers().get(type);
        if (h == null) {
            throw InvalidInputException.of("type", "error.case.type", String.valueOf(type));
        }
        return h;
    }

    // ---------------------------------------------------------------- reading

    Case load(long id) {
        return listed(id).c();
    }

    CaseQueries.Listed listed(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("case " + id));
    }

    /** A case the user may see: staff of its region (and above), or the applicant. */
    Case get(ShebaoUser by, long id) {
        Case c = load(id);
        requireAccess(by, c);
        return c;
    }

    void requireAccess(ShebaoUser by, Case c) {
        boolean ok = by.isStaff() ? by.region().covers(new RegionCode(c.regionCode()))
                : by.has(Role.INSURED_PERSON) ? c.personId() != null && c.personId().equals(by.personId())
                        || by.getUsername().equals(c.applicantUser()) // a claim the user made about another person
                : by.has(Role.EMPLOYER) && c.employerId() != null && c.employerId().equals(by.employerId());
        if (!ok) {
            throw new AccessDeniedToRecordException("case");
        }
    }

    Optional<Case> byIdempotencyKey(String user, String key) {
        return jdbc.sql(SELECT + " WHERE submitted_by = :u AND idempotency_key = :k").param("u", user).param("k", key)
                .query(this::row).optional().map(CaseQueries.Listed::c);
    }

    JdbcClient.StatementSpec select(String where) {
        return jdbc.sql(SELECT + " " + where);
    }

    CaseQueries.Listed row(ResultSet rs, int i) throws SQLException {
        Case c = new Case(rs.getLong("id"), rs.getString("reference"), CaseType.valueOf(rs.getString("type")),
                (Long) rs.getObject("person_id"), (Long) rs.getObject("employer_id"), rs.getString("region_code"),
                Channel.valueOf(rs.getString("channel")), rs.getString("submitted_by"), rs.getString("applicant_user"),
                rs.getObject("received_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                CaseStatus.valueOf(rs.getString("status")), rs.getInt("priority"),
                rs.getObject("due_on", LocalDate.class), read(rs.getString("flags"), new TypeReference<List<CaseFlag>>() { }),
                read(rs.getString("form"), new TypeReference<Map<String, String>>() { }),
                read(rs.getString("missing"), new TypeReference<List<String>>() { }), rs.getBoolean("returned_once"),
                rs.getString("accepted_by"), rs.getString("decided_by"), rs.getString("decision_reason"),
                rs.getInt("version"));
        return new CaseQueries.Listed(c, rs.getString("applicant_name"), rs.getString("applicant_id"));
    }

    // ---------------------------------------------------------------- writing

    /**
     * Moves a case one step: the status change wins only from the version and status the user saw (otherwise a
     * stale edit, 409), the step's own columns change with it, the step goes into the history and out as an event.
     */
    void move(Case c, int version, CaseStep step, ShebaoUser by, String reason, String details,
              Map<Column, Object> columns) {
        CaseStatus to = step.from(c.status());
        OffsetDateTime now = OffsetDateTime.now(clock);
        StringBuilder set = new StringBuilder();
        for (Column col : columns.keySet()) {
            set.append(col.name().toLowerCase()).append(" = :").append(col.name().toLowerCase()).append(", ");
        }
        JdbcClient.StatementSpec sql = jdbc.sql("UPDATE casework_case SET " + set + "status = :to, updated_at = :now,"
                        + " version = version + 1 WHERE id = :id AND version = :version AND status = :from")
                .param("to", to.name()).param("now", now).param("id", c.id()).param("version", version)
                .param("from", c.status().name());
        for (Map.Entry<Column, Object> e : columns.entrySet()) {
            Object v = e.getValue();
            sql = sql.param(e.getKey().name().toLowerCase(), v instanceof List<?> || v instanceof Set<?> ? write(v) : v);
        }
        if (sql.update() == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        history(c.id(), c.regionCode(), step.name(), c.status(), to, by.getUsername(), now, reason, details);
        List<String> missing = to == CaseStatus.RETURNED ? load(c.id()).missing() : List.of();
        events.publishEvent(new CaseStatusChanged(c.id(), c.reference(), c.type(), c.notifiedPersonId(), c.applicantUser(),
                step.name(), c.status(), to, reason, missing));
    }

    void history(long caseId, String region, String action, CaseStatus from, CaseStatus to, String actor,
                 OffsetDateTime at, String reason, String details) {
        jdbc.sql("""
                INSERT INTO casework_history (case_id, region_code, action, from_status, to_status, actor, at, reason, details)
                VALUES (:c, :region, :a, :from, :to, :actor, :at, :reason, :details)""")
                .param("c", caseId).param("region", region).param("a", action).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("actor", actor).param("at", at).param("reason", reason)
                .param("details", details).update();
    }

    /** Records a step that does not change the status (e.g. a late material arrived), in the same history. */
    void note(long caseId, String action, String actor, String details) {
        Case c = load(caseId);
        history(caseId, c.regionCode(), action, c.status(), c.status(), actor, OffsetDateTime.now(clock), null, details);
    }

    void addMaterial(long caseId, String region, Upload u, Channel channel, String by, OffsetDateTime now) {
        String sha = archive.store(region, u.bytes());
        String name = u.fileName() == null || u.fileName().isBlank() ? u.item() : u.fileName().strip();
        jdbc.sql("""
                INSERT INTO casework_material (case_id, region_code, item, sha256, file_name, channel, uploaded_by,
                                               uploaded_at)
                VALUES (:c, :region, :item, :sha, :name, :channel, :by, :now)""")
                .param("c", caseId).param("region", region).param("item", u.item()).param("sha", sha)
                .param("name", name.length() > 200 ? name.substring(0, 200) : name).param("channel", channel.name())
                .param("by", by).param("now", now).update();
    }

    void addCommitment(long caseId, String reference, Person person, RegionCode region, String item,
                       MeasureStatus rule, ShebaoUser by, OffsetDateTime now, LocalDate today) {
        String letter = CommitmentLetters.text(person.name(), person.maskedIdNumber(), reference, item, rule.clauseList());
        long id = jdbc.sql("""
                INSERT INTO casework_commitment (case_id, item, region_code, letter, clauses, signed_by, signature, signed_at)
                VALUES (:c, :item, :region, :letter, :clauses, :by, :sig, :now) RETURNING id""")
                .param("c", caseId).param("item", item).param("region", region.value()).param("letter", letter)
                .param("clauses", rule.clauseList()).param("by", by.getUsername()).param("sig", person.name())
                .param("now", now).query(Long.class).single();
        deadlines.track(OWNER, commitmentRef(id), reference + " " + item, region, today, COMMITMENT_RULE);
    }

    String write(Object o) {
        return json.writeValueAsString(o);
    }

    private <T> T read(String s, TypeReference<T> type) {
        return json.readValue(s, type);
    }
}
