package org.shebao.payroll.internal;

import java.util.List;
import java.util.Map;
import org.shebao.policy.Emergency;
import org.shebao.settlement.WorklistCandidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): pre-payments not yet settled against the computed pension (N-1b, FJ-1.3),
 * each with what completed runs pre-paid (the amount at stake).
 */
@Component
class PrepaymentsToSettle extends OrderWorklist {

    PrepaymentsToSettle(JdbcClient jdbc) {
        super(jdbc, "PREPAYMENT_UNSETTLED", "N-1b", "FJ-1.3");
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        return orders("""
                SELECT o.id, o.region_code, o.source_ref, o.account_name, COALESCE(sum(l.amount), 0) AS paid
                  FROM payroll_order o
                  LEFT JOIN payroll_line l ON l.order_id = o.id AND l.region_code = o.region_code AND l.kind = 'PREPAYMENT'
                        AND l.run_id IN (SELECT r.id FROM payroll_run r WHERE r.region_code = o.region_code
                                                                         AND r.status = 'COMPLETED')
                 WHERE o.kind = 'PREPAYMENT' AND NOT o.prepayment_settled AND o.region_code LIKE :scope
                 GROUP BY o.id, o.region_code, o.source_ref, o.account_name ORDER BY o.id""",
                Map.of("scope", emergency.region().scopePrefix() + "%"));
    }
}
