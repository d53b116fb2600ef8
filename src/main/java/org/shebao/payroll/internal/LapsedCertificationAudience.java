package org.shebao.payroll.internal;

import java.util.List;
import org.shebao.common.AudienceSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audience of a targeted notice (N-6, N-1c): every pension recipient of the region whose annual qualification
 * certification has lapsed (a standing pension order, paid or suspended, certified until a day before today).
 */
@Configuration(proxyBeanMethods = false)
class LapsedCertificationAudience {

    @Bean
    AudienceSource lapsedCertification(JdbcClient jdbc) {
        return AudienceSource.query(jdbc, "CERTIFICATION_LAPSED", AudienceSource.Addressee.PERSON, List.of("N-6", "N-1c"), """
                SELECT DISTINCT person_id AS id, region_code FROM payroll_order
                WHERE region_code LIKE :scope AND benefit = 'PENSION' AND status IN ('ACTIVE', 'SUSPENDED')
                  AND death_date IS NULL AND certified_until < :today
                ORDER BY person_id""");
    }
}
