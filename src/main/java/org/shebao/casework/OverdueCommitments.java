package org.shebao.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Emergency;
import org.shebao.policy.TrackedRef;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.settlement.WorklistSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): commitment letters whose materials did not arrive by their deadline, the
 * lifted date plus three months (SX-3, FJ-3). An item opens once the deadline has passed: the worklists are opened
 * again every day (see {@code Worklists}).
 */
@Component
@RequiredArgsConstructor
class OverdueCommitments implements WorklistSource {
    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Clock clock;

    @Override
    public String kind() {
        return "COMMITMENT_OVERDUE";
    }

    @Override
    public List<String> clauses() {
        return List.of("SX-3", "FJ-3");
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        Map<TrackedRef, Deadline> due = deadlines.trackedAll(CaseStore.OWNER, CaseStore.COMMITMENT_RULE);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT m.id, m.region_code, c.reference, c.applicant_name FROM casework_commitment m
                  JOIN casework_case c ON c.id = m.case_id
                 WHERE m.arrived_at IS NULL AND m.region_code LIKE :scope ORDER BY m.id""")
                .param("scope", emergency.region().scopePrefix() + "%")
                .query((rs, i) -> {
                    Deadline d = due.get(CaseStore.commitmentRef(rs.getLong("id")));
                    boolean overdue = d != null && d.emergencyId() == emergency.id() && d.dueOn() != null
                            && today.isAfter(d.dueOn());
                    return overdue ? new WorklistCandidate(rs.getString("region_code"),
                            "casework-commitment:" + rs.getLong("id"), rs.getString("reference"),
                            rs.getString("applicant_name"), null) : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }
}
