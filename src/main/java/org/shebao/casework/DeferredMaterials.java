package org.shebao.casework;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.Implements;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.Xlsx;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.DeadlinesChanged;
import org.shebao.policy.Jurisdictions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.shebao.policy.TrackedRef;

/**
 * The deferred-materials ledger (网上申报业务台帐, SX-3): every commitment letter with its deadline (lifted + 3
 * months from the policy module, pending while unknown), what is overdue, and the arrival of each late material.
 */
@Implements(measure = "COMMITMENT_RULE", rule = "网上申报业务台帐：承诺补交材料的期限、逾期与到件登记",
        ruleEn = "Deferred-materials ledger: deadlines, overdue items and arrivals")
@Service
@RequiredArgsConstructor
public class DeferredMaterials {
    private static final String SELECT = """
            SELECT m.id, m.case_id, c.reference, c.type, c.applicant_name, c.applicant_id, m.region_code, m.item,
                   m.letter, m.clauses, m.signed_by, m.signed_at, m.arrived_at, m.arrived_via, m.arrived_late,
                   c.person_id, c.applicant_user
              FROM casework_commitment m JOIN casework_case c ON c.id = m.case_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Deadlines deadlines;
    private final Jurisdictions jurisdictions;
    private final CaseStore store;
    private final Archive archive;
    private final ApplicationEventPublisher events;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The ledger of a staff user's region. {@code state}: null or ALL, OPEN (not arrived), OVERDUE, PENDING (no
     * deadline yet), ARRIVED.
     */
    public List<Commitment> ledger(ShebaoUser by, String state, String type) {
        if (!by.has(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("ledger");
        }
        String where = " WHERE m.region_code LIKE :scope" + (type == null || type.isBlank() ? "" : " AND c.type = :type");
        JdbcClient.StatementSpec q = jdbc.sql(SELECT + where + " ORDER BY m.signed_at, m.id")
                .param("scope", by.region().scopePrefix() + "%");
        if (type != null && !type.isBlank()) {
            q = q.param("type", CaseType.parse(type, "type").name());
        }
        Map<TrackedRef, Deadline> due = deadlines.trackedAll(CaseStore.OWNER, CaseStore.COMMITMENT_RULE);
        LocalDate today = today();
        List<Commitment> out = new ArrayList<>();
        for (Commitment c : q.query((rs, i) -> row(rs, due)).list()) {
            String s = c.state(today);
            boolean keep = switch (state == null || state.isBlank() ? "ALL" : state) {
                case "OPEN" -> c.arrivedAt() == null;
                case "OVERDUE" -> "OVERDUE".equals(s);
                case "PENDING" -> "PENDING".equals(s);
                case "ARRIVED" -> c.arrivedAt() != null;
                default -> true;
            };
            if (keep) {
                out.add(c);
            }
        }
        return out;
    }

    /** The commitments of one case (applicant or staff). */
    public List<Commitment> ofCase(ShebaoUser by, long caseId) {
        store.get(by, caseId);
        Map<TrackedRef, Deadline> due = deadlines.trackedAll(CaseStore.OWNER, CaseStore.COMMITMENT_RULE);
        return jdbc.sql(SELECT + " WHERE m.case_id = :c ORDER BY m.id").param("c", caseId)
                .query((rs, i) -> row(rs, due)).list();
    }

    /** Records the arrival of a committed material (upload, post, e-mail, fax or window), late or in time. */
    @Transactional
    public Commitment recordArrival(ShebaoUser by, long commitmentId, String rawVia, Upload file) {
        if (!by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("ledger");
        }
        Commitment c = one(commitmentId);
        Case kase = store.get(by, c.caseId());
        if (c.arrivedAt() != null) {
            throw new ConflictException("arrival", "error.commitment.arrived", c.arrivedAt().toLocalDate());
        }
        Channel via;
        try {
            via = Channel.valueOf(rawVia == null ? "" : rawVia.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("via", "error.choice");
        }
        Long materialId = null;
        if (file != null) {
            Upload u = new Upload(c.item(), file.fileName(), file.declaredType(), file.bytes());
            FieldViolation bad = archive.check(u);
            if (bad != null) {
                throw new InvalidInputException(bad);
            }
            String sha = archive.store(kase.regionCode(), u.bytes());
            materialId = jdbc.sql("""
                    INSERT INTO casework_material (case_id, region_code, item, sha256, file_name, channel, uploaded_by,
                                                   uploaded_at)
                    VALUES (:c, :region, :item, :sha, :name, :via, :by, :now) RETURNING id""")
                    .param("c", c.caseId()).param("region", kase.regionCode()).param("item", c.item()).param("sha", sha)
                    .param("name", u.fileName() == null || u.fileName().isBlank() ? c.item() : u.fileName())
                    .param("via", via.name()).param("by", by.getUsername()).param("now", OffsetDateTime.now(clock))
                    .query(Long.class).single();
        }
        LocalDate today = today();
        boolean late = c.deadline() != null && !c.deadline().inTime(today);
        jdbc.sql("""
                UPDATE casework_commitment SET arrived_at = :now, arrived_via = :via, arrived_late = :late,
                       recorded_by = :by, material_id = :m WHERE id = :id AND arrived_at IS NULL""")
                .param("now", OffsetDateTime.now(clock)).param("via", via.name()).param("late", late)
                .param("by", by.getUsername()).param("m", materialId).param("id", commitmentId).update();
        deadlines.close(CaseStore.OWNER, CaseStore.commitmentRef(commitmentId));
        store.note(kase.id(), "MATERIAL_ARRIVED", by.getUsername(),
                c.item() + " via " + via + (late ? "（逾期）" : ""));
        return one(commitmentId);
    }

    /** Writes the ledger as an Excel workbook in the reader's language (labels, and regions by name). */
    public void export(List<Commitment> rows, OutputStream out, Locale locale, Function<String, String> label)
            throws IOException {
        LocalDate today = today();
        List<List<Object>> data = new ArrayList<>();
        for (Commitment c : rows) {
            List<Object> r = new ArrayList<>();
            r.add(c.caseReference());
            r.add(label.apply("casetype." + c.caseType()));
            r.add(c.applicantName());
            r.add(c.applicantId());
            r.add(jurisdictions.nameOf(c.regionCode(), locale));
            r.add(label.apply("material." + c.item()));
            r.add(c.clauses());
            r.add(c.signedAt().toLocalDate());
            r.add(c.deadline() == null || c.deadline().isPending() ? label.apply("ledger.pending") : c.deadline().dueOn());
            r.add(label.apply("ledger.state." + c.state(today)));
            r.add(c.arrivedAt() == null ? null : c.arrivedAt().toLocalDate());
            data.add(r);
        }
        Xlsx.write(out, label.apply("ledger.title"), List.of(label.apply("ledger.col.reference"),
                label.apply("ledger.col.type"), label.apply("ledger.col.applicant"), label.apply("ledger.col.idNumber"),
                label.apply("ledger.col.region"), label.apply("ledger.col.item"), label.apply("ledger.col.clauses"),
                label.apply("ledger.col.signedOn"), label.apply("ledger.col.deadline"), label.apply("ledger.col.state"),
                label.apply("ledger.col.arrivedOn")), data);
    }

    /** The policy module fixed (or moved) the deadline of commitments: tell their applicants. */
    @ApplicationModuleListener
    void onDeadlines(DeadlinesChanged e) {
        for (DeadlinesChanged.TrackedItem item : e.items()) {
            if (!CaseStore.OWNER.equals(item.owner()) || !"commitment".equals(item.ref().kind())) {
                continue;
            }
            long id = item.ref().id();
            jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id)
                    .query((rs, i) -> new CommitmentDeadlineChanged(rs.getLong("case_id"), rs.getString("reference"),
                            (Long) rs.getObject("person_id"), rs.getString("applicant_user"), rs.getString("item"), e.dueOn()))
                    .optional().ifPresent(events::publishEvent);
        }
    }

    private Commitment one(long id) {
        Map<TrackedRef, Deadline> due = deadlines.trackedAll(CaseStore.OWNER, CaseStore.COMMITMENT_RULE);
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query((rs, i) -> row(rs, due)).optional()
                .orElseThrow(() -> new NotFoundException("commitment " + id));
    }

    private Commitment row(ResultSet rs, Map<TrackedRef, Deadline> due) throws SQLException {
        long id = rs.getLong("id");
        return new Commitment(id, rs.getLong("case_id"), rs.getString("reference"), CaseType.valueOf(rs.getString("type")),
                rs.getString("applicant_name"), rs.getString("applicant_id"), rs.getString("region_code"),
                rs.getString("item"), rs.getString("letter"), rs.getString("clauses"), rs.getString("signed_by"),
                zoned(rs.getObject("signed_at", OffsetDateTime.class)), zoned(rs.getObject("arrived_at", OffsetDateTime.class)),
                rs.getString("arrived_via"), (Boolean) rs.getObject("arrived_late"), due.get(CaseStore.commitmentRef(id)));
    }

    private OffsetDateTime zoned(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
