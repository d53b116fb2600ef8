package org.shebao.contribution;

import java.util.List;
import org.shebao.common.AudienceSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audiences of targeted notices (N-6) the contribution module keeps: every unit granted a contribution deferral (缓缴)
 * (approved, whichever months it covered), and every flexible worker or resident whose 2020 contributions are
 * deferred (N-5b, FJ-5b).
 */
@Configuration(proxyBeanMethods = false)
class DeferralAudiences {

    @Bean
    AudienceSource employersWithDeferral(JdbcClient jdbc) {
        return AudienceSource.query(jdbc, "EMPLOYER_DEFERRAL", AudienceSource.Addressee.EMPLOYER, List.of("N-6", "FJ-7"), """
                SELECT DISTINCT employer_id AS id, region_code FROM contribution_employer_deferral
                WHERE region_code LIKE :scope AND from_month <= :today ORDER BY employer_id""");
    }

    @Bean
    AudienceSource personsWithDeferral(JdbcClient jdbc) {
        return AudienceSource.query(jdbc, "PERSON_DEFERRAL", AudienceSource.Addressee.PERSON,
                List.of("N-6", "N-5b", "FJ-5b"), """
                SELECT DISTINCT person_id AS id, region_code FROM contribution_deferral
                WHERE region_code LIKE :scope AND deferred_on <= :today ORDER BY person_id""");
    }
}
