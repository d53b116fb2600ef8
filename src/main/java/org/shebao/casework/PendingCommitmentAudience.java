package org.shebao.casework;

import java.util.List;
import org.shebao.common.AudienceSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audience of a targeted notice (N-6): every applicant with a pending commitment, i.e. a material promised by a
 * commitment letter (SX-3, FJ-3) that has not arrived yet, on a case not rejected.
 */
@Configuration(proxyBeanMethods = false)
class PendingCommitmentAudience {

    @Bean
    AudienceSource pendingCommitment(JdbcClient jdbc) {
        return AudienceSource.query(jdbc, "PENDING_COMMITMENT", AudienceSource.Addressee.PERSON,
                List.of("N-6", "SX-3", "FJ-3"), """
                SELECT DISTINCT c.person_id AS id, c.region_code FROM casework_commitment m
                JOIN casework_case c ON c.id = m.case_id AND c.region_code = m.region_code
                WHERE m.region_code LIKE :scope AND m.arrived_at IS NULL AND c.person_id IS NOT NULL
                  AND c.status <> 'REJECTED'
                ORDER BY c.person_id""");
    }
}
