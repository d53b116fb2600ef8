package org.shebao.payroll.internal;

import java.util.List;
import java.util.Map;
import org.shebao.common.Money;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.settlement.WorklistSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A settlement worklist whose items are standing orders (issue 15, item 1): its kind and clauses, and a query that
 * returns each order's id, region, case reference, account name and the amount at stake.
 */
abstract class OrderWorklist implements WorklistSource {
    private final JdbcClient jdbc;
    private final String kind;
    private final List<String> clauses;

    OrderWorklist(JdbcClient jdbc, String kind, String... clauses) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.clauses = List.of(clauses);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<String> clauses() {
        return clauses;
    }

    /** The orders the query returns (columns id, region_code, source_ref, account_name, paid), as worklist items. */
    List<WorklistCandidate> orders(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new WorklistCandidate(rs.getString("region_code"), "payroll-order:" + rs.getLong("id"),
                        rs.getString("source_ref"), rs.getString("account_name"), new Money(rs.getBigDecimal("paid"))))
                .list();
    }
}
