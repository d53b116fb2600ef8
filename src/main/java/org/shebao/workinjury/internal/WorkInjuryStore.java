package org.shebao.workinjury.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.workinjury.Applicant;
import org.shebao.workinjury.Appraisal;
import org.shebao.workinjury.ClaimChannel;
import org.shebao.workinjury.ClaimTime;
import org.shebao.workinjury.HistoryEntry;
import org.shebao.workinjury.NursingLevel;
import org.shebao.workinjury.Recognition;
import org.shebao.workinjury.RecognitionStatus;
import org.shebao.workinjury.Suspension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The work-injury tables; only this module's services use it. Rows are found by id and region (the distribution column). */
@Component
@RequiredArgsConstructor
public class WorkInjuryStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    /** What a new recognition row holds. */
    public record NewRecognition(String region, long personId, LocalDate injuredOn, String description,
                                 Applicant applicant, boolean medicalWorker, boolean infectedAtWork, boolean sentToArea,
                                 String greenClauses, LocalDate appliedOn, String appliedRule, LocalDate filingDueOn,
                                 LocalDate filingMovedFrom, String filingRule) {
    }

    public long insertRecognition(NewRecognition r, ShebaoUser by) {
        return jdbc.sql("""
                INSERT INTO workinjury_recognition (region_code, person_id, injured_on, description, applicant,
                    medical_worker, infected_at_work, sent_to_area, green_clauses, status, applied_on, applied_rule,
                    filing_due_on, filing_moved_from, filing_rule, created_by, created_at)
                VALUES (:region, :person, :injured, :description, :applicant, :medical, :infected, :sent, :green,
                    'APPLIED', :applied, :appliedRule, :filingDue, :filingMoved, :filingRule, :by, :now) RETURNING id""")
                .param("region", r.region()).param("person", r.personId()).param("injured", r.injuredOn())
                .param("description", r.description()).param("applicant", r.applicant().name())
                .param("medical", r.medicalWorker()).param("infected", r.infectedAtWork()).param("sent", r.sentToArea())
                .param("green", r.greenClauses()).param("applied", r.appliedOn()).param("appliedRule", r.appliedRule())
                .param("filingDue", r.filingDueOn()).param("filingMoved", r.filingMovedFrom())
                .param("filingRule", r.filingRule()).param("by", by.getUsername()).param("now", now())
                .query(Long.class).single();
    }

    public void insertClaim(long recognitionId, String region, ClaimChannel channel, LocalDate on, String sha,
                            String note, ShebaoUser by) {
        jdbc.sql("""
                INSERT INTO workinjury_claim_time (region_code, recognition_id, channel, claimed_on, evidence_sha256,
                    evidence_note, recorded_by, recorded_by_name, recorded_at)
                VALUES (:region, :r, :channel, :on, :sha, :note, :by, :name, :now)""")
                .param("region", region).param("r", recognitionId).param("channel", channel.name()).param("on", on)
                .param("sha", sha).param("note", note).param("by", by.getUsername()).param("name", by.displayName())
                .param("now", now()).update();
    }

    /** Moves a recognition from APPLIED to ACCEPTED; false when it was not APPLIED any more (someone else was first). */
    public boolean accept(long id, String region, LocalDate on, boolean clearFacts, LocalDate due, LocalDate movedFrom,
                          String rule) {
        return jdbc.sql("""
                UPDATE workinjury_recognition SET status = 'ACCEPTED', accepted_on = :on, clear_facts = :clear,
                       decision_due_on = :due, decision_moved_from = :moved, decision_rule = :rule, version = version + 1
                 WHERE id = :id AND region_code = :region AND status = 'APPLIED'""")
                .param("on", on).param("clear", clearFacts).param("due", due).param("moved", movedFrom)
                .param("rule", rule).param("id", id).param("region", region).update() == 1;
    }

    public boolean decide(long id, String region, RecognitionStatus to, LocalDate on, ShebaoUser by, String source,
                          String number, String note) {
        return jdbc.sql("""
                UPDATE workinjury_recognition SET status = :to, decided_on = :on, decided_by = :by,
                       decided_by_name = :name, decision_source = :source, decision_number = :number,
                       decision_note = :note, version = version + 1
                 WHERE id = :id AND region_code = :region AND status = 'ACCEPTED'""")
                .param("to", to.name()).param("on", on).param("by", by.getUsername()).param("name", by.displayName())
                .param("source", source).param("number", number).param("note", note).param("id", id)
                .param("region", region).update() == 1;
    }

    public void history(long recognitionId, Long appraisalId, String region, String step, String detail, ShebaoUser by) {
        jdbc.sql("""
                INSERT INTO workinjury_history (region_code, recognition_id, appraisal_id, step, detail, actor,
                    actor_name, at) VALUES (:region, :r, :a, :step, :detail, :by, :name, :now)""")
                .param("region", region).param("r", recognitionId).param("a", appraisalId).param("step", step)
                .param("detail", detail == null || detail.length() <= 400 ? detail : detail.substring(0, 400))
                .param("by", by.getUsername()).param("name", by.displayName()).param("now", now()).update();
    }

    private static final String RECOGNITION = """
            SELECT id, region_code, person_id, injured_on, description, applicant, medical_worker, infected_at_work,
                   sent_to_area, green_clauses, status, applied_on, applied_rule, accepted_on, clear_facts, decided_on,
                   decided_by_name, decision_source, decision_number, decision_note, version
              FROM workinjury_recognition""";

    public Optional<Recognition> recognition(long id) {
        return jdbc.sql(RECOGNITION + " WHERE id = :id").param("id", id).query(WorkInjuryStore::recognition).optional();
    }

    public List<Recognition> recognitionsOf(long personId) {
        return jdbc.sql(RECOGNITION + " WHERE person_id = :p ORDER BY injured_on DESC, id DESC").param("p", personId)
                .query(WorkInjuryStore::recognition).list();
    }

    /** Recognitions of a region and below, open ones first, at most {@code limit}. */
    public List<Recognition> recognitionsIn(String scopePrefix, int limit) {
        return jdbc.sql(RECOGNITION + " WHERE region_code LIKE :scope"
                        + " ORDER BY (status IN ('APPLIED', 'ACCEPTED')) DESC, applied_on, id LIMIT :limit")
                .param("scope", scopePrefix + "%").param("limit", limit).query(WorkInjuryStore::recognition).list();
    }

    public List<ClaimTime> claims(long recognitionId) {
        return jdbc.sql("""
                SELECT id, channel, claimed_on, evidence_sha256, evidence_note, recorded_by_name, recorded_at
                  FROM workinjury_claim_time WHERE recognition_id = :r ORDER BY claimed_on, id""")
                .param("r", recognitionId)
                .query((rs, i) -> new ClaimTime(rs.getLong("id"), ClaimChannel.valueOf(rs.getString("channel")),
                        rs.getObject("claimed_on", LocalDate.class), rs.getString("evidence_sha256"),
                        rs.getString("evidence_note"), rs.getString("recorded_by_name"),
                        rs.getObject("recorded_at", OffsetDateTime.class))).list();
    }

    public List<HistoryEntry> historyOf(long recognitionId) {
        return jdbc.sql("""
                SELECT appraisal_id, step, detail, actor_name, at FROM workinjury_history
                 WHERE recognition_id = :r ORDER BY at, id""")
                .param("r", recognitionId)
                .query((rs, i) -> new HistoryEntry((Long) rs.getObject("appraisal_id"), rs.getString("step"),
                        rs.getString("detail"), rs.getString("actor_name"), rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    public long insertAppraisal(long recognitionId, String region, long personId, Long reappraisalOf, LocalDate appliedOn,
                                ShebaoUser by) {
        return jdbc.sql("""
                INSERT INTO workinjury_appraisal (region_code, recognition_id, person_id, reappraisal_of, status,
                    applied_on, created_by, created_at)
                VALUES (:region, :r, :p, :of, 'APPLIED', :on, :by, :now) RETURNING id""")
                .param("region", region).param("r", recognitionId).param("p", personId).param("of", reappraisalOf)
                .param("on", appliedOn).param("by", by.getUsername()).param("now", now()).query(Long.class).single();
    }

    public boolean extend(long id, String region, String reason) {
        return jdbc.sql("""
                UPDATE workinjury_appraisal SET extended = TRUE, extension_reason = :reason, version = version + 1
                 WHERE id = :id AND region_code = :region AND status = 'APPLIED' AND NOT extended""")
                .param("reason", reason).param("id", id).param("region", region).update() == 1;
    }

    public boolean conclude(long id, String region, Integer grade, NursingLevel nursing, LocalDate concludedOn,
                            LocalDate receivedOn, String sha, String reappraisalClauses) {
        return jdbc.sql("""
                UPDATE workinjury_appraisal SET status = 'CONCLUDED', grade = :grade, nursing_level = :nursing,
                       concluded_on = :concluded, received_on = :received, conclusion_sha256 = :sha,
                       reappraisal_clauses = :clauses, version = version + 1
                 WHERE id = :id AND region_code = :region AND status = 'APPLIED'""")
                .param("grade", grade).param("nursing", nursing.name()).param("concluded", concludedOn)
                .param("received", receivedOn).param("sha", sha).param("clauses", reappraisalClauses)
                .param("id", id).param("region", region).update() == 1;
    }

    private static final String APPRAISAL = """
            SELECT id, region_code, recognition_id, person_id, reappraisal_of, status, applied_on, extended,
                   extension_reason, grade, nursing_level, concluded_on, received_on, conclusion_sha256,
                   reappraisal_clauses, version
              FROM workinjury_appraisal""";

    public Optional<Appraisal> appraisal(long id) {
        return jdbc.sql(APPRAISAL + " WHERE id = :id").param("id", id).query(WorkInjuryStore::appraisal).optional();
    }

    public List<Appraisal> appraisalsOf(long recognitionId) {
        return jdbc.sql(APPRAISAL + " WHERE recognition_id = :r ORDER BY applied_on, id").param("r", recognitionId)
                .query(WorkInjuryStore::appraisal).list();
    }

    public List<Appraisal> appraisalsIn(String scopePrefix, int limit) {
        return jdbc.sql(APPRAISAL + " WHERE region_code LIKE :scope ORDER BY (status = 'APPLIED') DESC, applied_on, id"
                        + " LIMIT :limit")
                .param("scope", scopePrefix + "%").param("limit", limit).query(WorkInjuryStore::appraisal).list();
    }

    public boolean hasReappraisal(long appraisalId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workinjury_appraisal WHERE reappraisal_of = :a)")
                .param("a", appraisalId).query(Boolean.class).single();
    }

    public void insertSuspension(String region, LocalDate from, LocalDate to, String reason, String clauses,
                                 ShebaoUser by) {
        jdbc.sql("""
                INSERT INTO workinjury_suspension (region_code, starts_on, ends_on, reason, clauses, recorded_by,
                    recorded_by_name, recorded_at) VALUES (:region, :from, :to, :reason, :clauses, :by, :name, :now)""")
                .param("region", region).param("from", from).param("to", to).param("reason", reason)
                .param("clauses", clauses).param("by", by.getUsername()).param("name", by.displayName())
                .param("now", now()).update();
    }

    public List<Suspension> suspensions() {
        return jdbc.sql("""
                SELECT id, region_code, starts_on, ends_on, reason, clauses, recorded_by_name
                  FROM workinjury_suspension ORDER BY starts_on, id""")
                .query((rs, i) -> new Suspension(rs.getLong("id"), rs.getString("region_code"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("reason"), rs.getString("clauses"), rs.getString("recorded_by_name"))).list();
    }

    /** Locks a person's recognitions while one is added (no two applications for the same injury at once). */
    public void lockPerson(long personId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('workinjury'), CAST(:p AS INT))").param("p", personId % Integer.MAX_VALUE)
                .query((rs, i) -> 1).list();
    }

    public boolean sameInjury(long personId, LocalDate injuredOn) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workinjury_recognition WHERE person_id = :p AND injured_on = :d"
                        + " AND status <> 'NOT_RECOGNIZED')")
                .param("p", personId).param("d", injuredOn).query(Boolean.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Recognition recognition(ResultSet rs, int i) throws SQLException {
        return new Recognition(rs.getLong("id"), rs.getString("region_code"), rs.getLong("person_id"),
                rs.getObject("injured_on", LocalDate.class), rs.getString("description"),
                Applicant.valueOf(rs.getString("applicant")), rs.getBoolean("medical_worker"),
                rs.getBoolean("infected_at_work"), rs.getBoolean("sent_to_area"), rs.getString("green_clauses"),
                RecognitionStatus.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class),
                rs.getString("applied_rule"), rs.getObject("accepted_on", LocalDate.class),
                (Boolean) rs.getObject("clear_facts"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by_name"), rs.getString("decision_source"), rs.getString("decision_number"),
                rs.getString("decision_note"), rs.getInt("version"));
    }

    private static Appraisal appraisal(ResultSet rs, int i) throws SQLException {
        String nursing = rs.getString("nursing_level");
        return new Appraisal(rs.getLong("id"), rs.getString("region_code"), rs.getLong("recognition_id"),
                rs.getLong("person_id"), (Long) rs.getObject("reappraisal_of"), "CONCLUDED".equals(rs.getString("status")),
                rs.getObject("applied_on", LocalDate.class), rs.getBoolean("extended"), rs.getString("extension_reason"),
                rs.getObject("grade") == null ? null : rs.getInt("grade"),
                nursing == null ? null : NursingLevel.valueOf(nursing), rs.getObject("concluded_on", LocalDate.class),
                rs.getObject("received_on", LocalDate.class), rs.getString("conclusion_sha256"),
                rs.getString("reappraisal_clauses"), rs.getInt("version"));
    }
}
