package org.shebao.workinjury.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.workinjury.HistoryEntry;
import org.shebao.workinjury.MedicalBillLine;
import org.shebao.workinjury.MedicalStatement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The statements of agreement medical institutions (SX-1b), their lines and history; only this module uses it. */
@Component
@RequiredArgsConstructor
public class MedicalStatementStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    /** A line checked and ready to store. */
    public record NewLine(int line, long personId, String patientName, String idMasked, long recognitionId,
                          LocalDate treatedOn, String item, Money amount) {
    }

    /** Takes the institution's row lock: one writer of its statements at a time. */
    public void lockInstitution(long institutionId, String region) {
        jdbc.sql("SELECT id FROM workinjury_institution WHERE id = :i AND region_code = :r FOR UPDATE")
                .param("i", institutionId).param("r", region).query(Long.class).single();
    }

    public Optional<MedicalStatement> of(long institutionId, String region, YearMonth month) {
        return jdbc.sql(SELECT + " WHERE s.institution_id = :i AND s.region_code = :r AND s.bill_month = :m")
                .param("i", institutionId).param("r", region).param("m", month.atDay(1))
                .query(MedicalStatementStore::row).optional();
    }

    public Optional<MedicalStatement> get(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(MedicalStatementStore::row).optional();
    }

    /** Statements of one institution, or (institution null) of a region scope, newest month first. */
    public List<MedicalStatement> list(Long institutionId, String scopePrefix, int limit) {
        return jdbc.sql(SELECT + " WHERE (CAST(:i AS BIGINT) IS NULL OR s.institution_id = :i) AND s.region_code LIKE :scope"
                        + " ORDER BY s.bill_month DESC, i.name LIMIT :limit")
                .param("i", institutionId).param("scope", scopePrefix + "%").param("limit", limit)
                .query(MedicalStatementStore::row).list();
    }

    public long insert(long institutionId, String region, YearMonth month, Money declared, int lines, String channel,
                       ShebaoUser by) {
        return jdbc.sql("""
                INSERT INTO workinjury_medical_statement (region_code, institution_id, bill_month, status, declared,
                       line_count, channel, submitted_by, submitted_at)
                VALUES (:r, :i, :m, 'SUBMITTED', :d, :n, :c, :by, :now) RETURNING id""")
                .param("r", region).param("i", institutionId).param("m", month.atDay(1)).param("d", declared.amount())
                .param("n", lines).param("c", channel).param("by", by.getUsername()).param("now", now())
                .query(Long.class).single();
    }

    /** Replaces a statement not pre-paid yet (its lines are deleted for the new ones); false when it was pre-paid. */
    public boolean replace(long id, String region, Money declared, int lines, String channel, ShebaoUser by) {
        boolean replaced = jdbc.sql("""
                UPDATE workinjury_medical_statement SET declared = :d, line_count = :n, channel = :c,
                       submissions = submissions + 1, submitted_by = :by, submitted_at = :now, version = version + 1
                 WHERE id = :id AND region_code = :r AND status = 'SUBMITTED'""")
                .param("d", declared.amount()).param("n", lines).param("c", channel).param("by", by.getUsername())
                .param("now", now()).param("id", id).param("r", region).update() == 1;
        if (replaced) {
            jdbc.sql("DELETE FROM workinjury_medical_line WHERE statement_id = :id AND region_code = :r")
                    .param("id", id).param("r", region).update();
        }
        return replaced;
    }

    public void insertLines(long statementId, String region, List<NewLine> lines) {
        for (NewLine l : lines) {
            jdbc.sql("""
                    INSERT INTO workinjury_medical_line (statement_id, region_code, line_no, person_id, patient_name,
                           id_masked, recognition_id, treated_on, item, amount)
                    VALUES (:s, :r, :n, :p, :name, :masked, :rec, :on, :item, :amount)""")
                    .param("s", statementId).param("r", region).param("n", l.line()).param("p", l.personId())
                    .param("name", l.patientName()).param("masked", l.idMasked()).param("rec", l.recognitionId())
                    .param("on", l.treatedOn()).param("item", l.item()).param("amount", l.amount().amount()).update();
        }
    }

    /** Single winner: the statement moves to pre-paid only from submitted, at the version and amount read. */
    public boolean prepay(MedicalStatement s, java.math.BigDecimal ratio, Money prepaid, LocalDate on, String clauses,
                          ShebaoUser by) {
        return jdbc.sql("""
                UPDATE workinjury_medical_statement SET status = 'PREPAID', prepay_ratio = :ratio, prepaid = :p,
                       prepaid_on = :on, prepaid_by = :by, prepay_clauses = :clauses, version = version + 1
                 WHERE id = :id AND region_code = :r AND status = 'SUBMITTED' AND version = :v AND declared = :d""")
                .param("ratio", ratio).param("p", prepaid.amount()).param("on", on).param("by", by.getUsername())
                .param("clauses", clauses).param("id", s.id()).param("r", s.regionCode()).param("v", s.version())
                .param("d", s.declared().amount()).update() == 1;
    }

    /** Single winner: the statement moves to settled only from pre-paid, at the version read. */
    public boolean settle(MedicalStatement s, Money approved, LocalDate paperReceivedOn, LocalDate on, ShebaoUser by) {
        return jdbc.sql("""
                UPDATE workinjury_medical_statement SET status = 'SETTLED', approved = :a, settlement = :a - prepaid,
                       paper_received_on = :paper, settled_on = :on, settled_by = :by, version = version + 1
                 WHERE id = :id AND region_code = :r AND status = 'PREPAID' AND version = :v""")
                .param("a", approved.amount()).param("paper", paperReceivedOn).param("on", on)
                .param("by", by.getUsername()).param("id", s.id()).param("r", s.regionCode()).param("v", s.version())
                .update() == 1;
    }

    /**
     * Single winner: raises what a settled month's institution has repaid, only while the sum stays within what the
     * settlement left owed (a parallel repayment that would exceed it changes nothing); the repayment's id, or empty.
     */
    public Optional<Long> repay(MedicalStatement s, Money amount, LocalDate receivedOn, String reference, ShebaoUser by) {
        int n = jdbc.sql("""
                UPDATE workinjury_medical_statement SET repaid = repaid + :a, version = version + 1
                 WHERE id = :id AND region_code = :r AND status = 'SETTLED' AND settlement < 0
                   AND repaid + :a <= -settlement""")
                .param("a", amount.amount()).param("id", s.id()).param("r", s.regionCode()).update();
        if (n != 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                INSERT INTO workinjury_medical_repayment (region_code, statement_id, amount, received_on, reference,
                       recorded_by, recorded_by_name, recorded_at)
                VALUES (:r, :s, :a, :on, :ref, :by, :name, :now) RETURNING id""")
                .param("r", s.regionCode()).param("s", s.id()).param("a", amount.amount()).param("on", receivedOn)
                .param("ref", reference).param("by", by.getUsername()).param("name", by.displayName())
                .param("now", now()).query(Long.class).single());
    }

    /** A month's repayments by the institution, oldest first. */
    public List<MedicalStatement.Repayment> repayments(long statementId) {
        return jdbc.sql("""
                SELECT amount, received_on, reference, recorded_by_name FROM workinjury_medical_repayment
                 WHERE statement_id = :s ORDER BY received_on, id""").param("s", statementId)
                .query((rs, i) -> new MedicalStatement.Repayment(new Money(rs.getBigDecimal("amount")),
                        rs.getObject("received_on", LocalDate.class), rs.getString("reference"),
                        rs.getString("recorded_by_name"))).list();
    }

    public List<MedicalBillLine> lines(long statementId) {
        return jdbc.sql("""
                SELECT line_no, person_id, patient_name, id_masked, treated_on, item, amount
                  FROM workinjury_medical_line WHERE statement_id = :s ORDER BY line_no""").param("s", statementId)
                .query((rs, i) -> new MedicalBillLine(rs.getInt("line_no"), rs.getLong("person_id"),
                        rs.getString("patient_name"), rs.getString("id_masked"),
                        rs.getObject("treated_on", LocalDate.class), rs.getString("item"),
                        new Money(rs.getBigDecimal("amount")))).list();
    }

    public void history(long statementId, String region, String step, String detail, ShebaoUser by) {
        jdbc.sql("""
                INSERT INTO workinjury_medical_history (region_code, statement_id, step, detail, actor, actor_name, at)
                VALUES (:r, :s, :step, :detail, :by, :name, :now)""")
                .param("r", region).param("s", statementId).param("step", step)
                .param("detail", detail == null || detail.length() <= 400 ? detail : detail.substring(0, 400))
                .param("by", by.getUsername()).param("name", by.displayName()).param("now", now()).update();
    }

    public List<HistoryEntry> historyOf(long statementId) {
        return jdbc.sql("""
                SELECT step, detail, actor_name, at FROM workinjury_medical_history WHERE statement_id = :s
                 ORDER BY at, id""").param("s", statementId)
                .query((rs, i) -> new HistoryEntry(null, rs.getString("step"), rs.getString("detail"),
                        rs.getString("actor_name"), rs.getObject("at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone()).toOffsetDateTime())).list(); // the agency's time
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static final String SELECT = """
            SELECT s.id, s.region_code, s.institution_id, i.name AS institution_name, s.bill_month, s.status,
                   s.declared, s.line_count, s.channel, s.submissions, s.submitted_at, s.prepay_ratio, s.prepaid,
                   s.prepaid_on, s.prepaid_by, s.prepay_clauses, s.paper_received_on, s.approved, s.settlement,
                   s.settled_on, s.settled_by, s.version, s.repaid
              FROM workinjury_medical_statement s
              JOIN workinjury_institution i ON i.id = s.institution_id AND i.region_code = s.region_code""";

    private static MedicalStatement row(ResultSet rs, int n) throws SQLException {
        return new MedicalStatement(rs.getLong("id"), rs.getString("region_code"), rs.getLong("institution_id"),
                rs.getString("institution_name"), YearMonth.from(rs.getObject("bill_month", LocalDate.class)),
                MedicalStatement.Status.valueOf(rs.getString("status")), new Money(rs.getBigDecimal("declared")),
                rs.getInt("line_count"), rs.getString("channel"), rs.getInt("submissions"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getBigDecimal("prepay_ratio"),
                Money.orNull(rs.getBigDecimal("prepaid")), rs.getObject("prepaid_on", LocalDate.class),
                rs.getString("prepaid_by"), rs.getString("prepay_clauses"),
                rs.getObject("paper_received_on", LocalDate.class), Money.orNull(rs.getBigDecimal("approved")),
                Money.orNull(rs.getBigDecimal("settlement")), rs.getObject("settled_on", LocalDate.class),
                rs.getString("settled_by"), rs.getInt("version"), new Money(rs.getBigDecimal("repaid")));
    }
}
