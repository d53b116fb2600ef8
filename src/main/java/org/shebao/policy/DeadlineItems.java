package org.shebao.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The table of tracked deadline items; only the policy module's services use it. */
@Component
@RequiredArgsConstructor
class DeadlineItems {
    record Row(long id, String owner, String ref, String label, String region, String ruleCode, long emergencyId,
               LocalDate dueOn, LocalDate movedFrom, boolean open) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Inserts the item, or re-opens and re-points it when the owner tracks the same ref again. */
    void upsert(String owner, String ref, String label, String region, String rule, long emergencyId, Deadline d) {
        jdbc.sql("""
                INSERT INTO policy_deadline_item (owner, ref, label, region_code, rule_code, emergency_id, due_on,
                                                  moved_from, is_open, created_at, resolved_at)
                VALUES (:owner, :ref, :label, :region, :rule, :e, :due, :moved, TRUE, :now, :resolved)
                ON CONFLICT (owner, ref, rule_code, region_code) DO UPDATE SET label = EXCLUDED.label,
                    emergency_id = EXCLUDED.emergency_id,
                    due_on = EXCLUDED.due_on, moved_from = EXCLUDED.moved_from, is_open = TRUE, closed_at = NULL
                """)
                .param("owner", owner).param("ref", ref).param("label", label).param("region", region)
                .param("rule", rule).param("e", emergencyId).param("due", d.dueOn()).param("moved", d.movedFrom())
                .param("now", OffsetDateTime.now(clock)).param("resolved", d.dueOn() == null ? null : OffsetDateTime.now(clock))
                .update();
    }

    /** Sets the deadline of every open item of an emergency and rule; returns the items changed. */
    List<Row> reschedule(long emergencyId, String rule, Deadline d) {
        return jdbc.sql("""
                UPDATE policy_deadline_item SET due_on = :due, moved_from = :moved,
                       resolved_at = CASE WHEN CAST(:due AS DATE) IS NULL THEN NULL ELSE :now END
                 WHERE emergency_id = :e AND rule_code = :rule AND is_open
                   AND due_on IS DISTINCT FROM CAST(:due AS DATE)
                RETURNING id, owner, ref, label, region_code, rule_code, emergency_id, due_on, moved_from, is_open
                """)
                .param("due", d.dueOn()).param("moved", d.movedFrom()).param("now", OffsetDateTime.now(clock))
                .param("e", emergencyId).param("rule", rule)
                .query(DeadlineItems::row).list();
    }

    /** Open items of an emergency whose deadline is still pending, by rule. */
    int countOpen(long emergencyId, String rule, boolean pending) {
        return jdbc.sql("SELECT count(*) FROM policy_deadline_item WHERE emergency_id = :e AND rule_code = :rule"
                        + " AND is_open AND due_on IS " + (pending ? "NULL" : "NOT NULL"))
                .param("e", emergencyId).param("rule", rule).query(Integer.class).single();
    }

    List<Row> find(String owner, String ref) {
        return jdbc.sql("SELECT id, owner, ref, label, region_code, rule_code, emergency_id, due_on, moved_from, is_open"
                        + " FROM policy_deadline_item WHERE owner = :owner AND ref = :ref ORDER BY rule_code")
                .param("owner", owner).param("ref", ref).query(DeadlineItems::row).list();
    }

    List<Row> findByOwner(String owner, String rule) {
        return jdbc.sql("SELECT id, owner, ref, label, region_code, rule_code, emergency_id, due_on, moved_from, is_open"
                        + " FROM policy_deadline_item WHERE owner = :owner AND rule_code = :rule")
                .param("owner", owner).param("rule", rule).query(DeadlineItems::row).list();
    }

    int close(String owner, String ref) {
        return jdbc.sql("UPDATE policy_deadline_item SET is_open = FALSE, closed_at = :now"
                        + " WHERE owner = :owner AND ref = :ref AND is_open")
                .param("now", OffsetDateTime.now(clock)).param("owner", owner).param("ref", ref).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("owner"), rs.getString("ref"), rs.getString("label"), rs.getString("region_code"),
                rs.getString("rule_code"), rs.getLong("emergency_id"), rs.getObject("due_on", LocalDate.class), rs.getObject("moved_from", LocalDate.class),
                rs.getBoolean("is_open"));
    }
}
