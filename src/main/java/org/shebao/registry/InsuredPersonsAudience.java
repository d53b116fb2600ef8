package org.shebao.registry;

import java.util.List;
import org.shebao.common.AudienceSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Audience of a targeted notice (N-6): every person of the region insured today (an enrollment open on the day). */
@Configuration(proxyBeanMethods = false)
class InsuredPersonsAudience {

    @Bean
    AudienceSource insuredPersons(JdbcClient jdbc) {
        return AudienceSource.query(jdbc, "INSURED_PERSONS", AudienceSource.Addressee.PERSON, List.of("N-6", "FJ-7"), """
                SELECT DISTINCT p.id, p.region_code FROM registry_person p
                JOIN registry_enrollment e ON e.person_id = p.id AND e.region_code = p.region_code
                WHERE p.region_code LIKE :scope AND e.first_insured_on <= :today
                  AND (e.ended_on IS NULL OR e.ended_on >= :today)
                ORDER BY p.id""");
    }
}
