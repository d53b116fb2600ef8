package org.shebao.payroll.internal;

import java.util.Arrays;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.settlement.AuditCandidate;
import org.shebao.settlement.AuditPopulation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The internal audit's population of payments (issue 15, item 2; N-1e, FJ-1.7): standing orders whose lines in
 * completed runs carry a measure's flag, each with what those lines paid. Read only.
 */
@Component
class FlaggedPayments implements AuditPopulation {
    private final JdbcClient jdbc;

    FlaggedPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "PAYMENTS";
    }

    @Override
    public List<String> measures(RegionCode scope) {
        return jdbc.sql("""
                        SELECT DISTINCT split_part(t, ':', 1) AS code
                          FROM payroll_line l, regexp_split_to_table(l.flags, '\\s+') AS t
                         WHERE l.region_code LIKE :scope AND t <> ''
                           AND l.run_id IN (SELECT r.id FROM payroll_run r WHERE r.region_code LIKE :scope
                                                                            AND r.status = 'COMPLETED')
                         ORDER BY 1""")
                .param("scope", scope.scopePrefix() + "%").query(String.class).list();
    }

    @Override
    public List<AuditCandidate> members(RegionCode scope, String measure) {
        return jdbc.sql("""
                        SELECT o.id, o.region_code, o.source_ref, o.account_name, sum(l.amount) AS paid,
                               max(substring(l.flags FROM '(?:^|\\s)' || :m || ':(\\S+)')) AS clauses
                          FROM payroll_line l
                          JOIN payroll_order o ON o.id = l.order_id AND o.region_code = l.region_code
                         WHERE l.region_code LIKE :scope AND l.flags ~ ('(^|\\s)' || :m || '(:|\\s|$)')
                           AND l.run_id IN (SELECT r.id FROM payroll_run r WHERE r.region_code LIKE :scope
                                                                            AND r.status = 'COMPLETED')
                         GROUP BY o.id, o.region_code, o.source_ref, o.account_name ORDER BY o.id""")
                .param("scope", scope.scopePrefix() + "%").param("m", measure)
                .query((rs, i) -> new AuditCandidate(rs.getString("region_code"), "payroll-order:" + rs.getLong("id"),
                        rs.getString("source_ref"), rs.getString("account_name"),
                        rs.getString("clauses") == null ? List.of() : Arrays.asList(rs.getString("clauses").split(",")),
                        new Money(rs.getBigDecimal("paid"))))
                .list();
    }
}
