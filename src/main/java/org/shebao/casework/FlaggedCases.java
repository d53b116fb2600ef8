package org.shebao.casework;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.settlement.AuditCandidate;
import org.shebao.settlement.AuditPopulation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The internal audit's population of cases (issue 15, item 2; N-1e: every case handled under a measure carries its
 * flag, FJ-1.7): decided cases (approved or rejected) flagged with a measure, with the clauses of the flag. Read only.
 */
@Component
@RequiredArgsConstructor
class FlaggedCases implements AuditPopulation {
    private final JdbcClient jdbc;

    @Override
    public String kind() {
        return "CASES";
    }

    @Override
    public List<String> measures(RegionCode scope) {
        return jdbc.sql("""
                        SELECT DISTINCT f ->> 'code' FROM casework_case c, jsonb_array_elements(c.flags::jsonb) AS f
                         WHERE c.region_code LIKE :scope AND c.status IN ('APPROVED', 'REJECTED') ORDER BY 1""")
                .param("scope", scope.scopePrefix() + "%").query(String.class).list();
    }

    @Override
    public List<AuditCandidate> members(RegionCode scope, String measure) {
        return jdbc.sql("""
                        SELECT c.id, c.region_code, c.reference, c.type, c.applicant_name, f -> 'clauses' AS clauses
                          FROM casework_case c, jsonb_array_elements(c.flags::jsonb) AS f
                         WHERE c.region_code LIKE :scope AND c.status IN ('APPROVED', 'REJECTED')
                           AND f ->> 'code' = :m ORDER BY c.id""")
                .param("scope", scope.scopePrefix() + "%").param("m", measure)
                .query((rs, i) -> new AuditCandidate(rs.getString("region_code"), "casework-case:" + rs.getLong("id"),
                        rs.getString("reference"), rs.getString("applicant_name"), clauses(rs.getString("clauses")),
                        null))
                .list();
    }

    /** The clauses of a flag as the case stores them (a JSON array of strings). */
    private static List<String> clauses(String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return List.of();
        }
        String inner = json.strip().replaceAll("^\\[|]$", "");
        return inner.isBlank() ? List.of()
                : java.util.Arrays.stream(inner.split(",")).map(s -> s.strip().replaceAll("^\"|\"$", "")).toList();
    }
}
