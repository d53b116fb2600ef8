package org.shebao.payroll.internal;

import java.util.List;
import java.util.Map;
import org.shebao.policy.Emergency;
import org.shebao.settlement.WorklistCandidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): recipients paid without certification under N-1c / SX-1c / FJ-1.1 whose
 * certification had still not been renewed on the day the emergency was lifted: each is to be certified, matched
 * against death data, or stopped. The amount is what was paid to them under the measure.
 */
@Component
class UncertifiedPaid extends OrderWorklist {

    UncertifiedPaid(JdbcClient jdbc) {
        super(jdbc, "PAID_WITHOUT_CERTIFICATION", "N-1c", "SX-1c", "FJ-1.1");
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        return orders("""
                SELECT o.id, o.region_code, o.source_ref, o.account_name, sum(l.amount) AS paid
                  FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id AND o.region_code = l.region_code
                 WHERE l.region_code LIKE :scope AND position('NO_SUSPENSION_FOR_MISSED_CERTIFICATION' IN l.flags) > 0
                   AND l.run_id IN (SELECT r.id FROM payroll_run r WHERE r.region_code LIKE :scope AND r.status = 'COMPLETED')
                   AND o.certified_until < :lifted
                 GROUP BY o.id, o.region_code, o.source_ref, o.account_name ORDER BY o.id""",
                Map.of("scope", emergency.region().scopePrefix() + "%", "lifted", emergency.liftedOn()));
    }
}
