package org.shebao.registry;

import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AudienceSource;
import org.shebao.common.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Audience of a targeted notice (N-6): every person of the region insured today (an enrollment open on the day). */
@Component
@RequiredArgsConstructor
class InsuredPersonsAudience implements AudienceSource {
    private final JdbcClient jdbc;

    @Override
    public String rule() {
        return "INSURED_PERSONS";
    }

    @Override
    public Addressee addressee() {
        return Addressee.PERSON;
    }

    @Override
    public List<String> clauses() {
        return List.of("N-6", "FJ-7");
    }

    @Override
    public List<Member> members(RegionCode scope, LocalDate today) {
        return jdbc.sql("""
                        SELECT DISTINCT p.id, p.region_code FROM registry_person p
                        JOIN registry_enrollment e ON e.person_id = p.id AND e.region_code = p.region_code
                        WHERE p.region_code LIKE :scope AND e.first_insured_on <= :today
                          AND (e.ended_on IS NULL OR e.ended_on >= :today)
                        ORDER BY p.id""")
                .param("scope", scope.scopePrefix() + "%").param("today", today)
                .query((rs, i) -> new Member(rs.getLong("id"), rs.getString("region_code"))).list();
    }
}
