package org.shebao.payroll.internal;

import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AudienceSource;
import org.shebao.common.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Audience of a targeted notice (N-6, N-1c): every pension recipient of the region whose annual qualification
 * certification has lapsed (a standing pension order, paid or suspended, certified until a day before today).
 */
@Component
@RequiredArgsConstructor
class LapsedCertificationAudience implements AudienceSource {
    private final JdbcClient jdbc;

    @Override
    public String rule() {
        return "CERTIFICATION_LAPSED";
    }

    @Override
    public Addressee addressee() {
        return Addressee.PERSON;
    }

    @Override
    public List<String> clauses() {
        return List.of("N-6", "N-1c");
    }

    @Override
    public List<Member> members(RegionCode scope, LocalDate today) {
        return jdbc.sql("""
                        SELECT DISTINCT person_id, region_code FROM payroll_order
                        WHERE region_code LIKE :scope AND benefit = 'PENSION' AND status IN ('ACTIVE', 'SUSPENDED')
                          AND death_date IS NULL AND certified_until < :today
                        ORDER BY person_id""")
                .param("scope", scope.scopePrefix() + "%").param("today", today)
                .query((rs, i) -> new Member(rs.getLong("person_id"), rs.getString("region_code"))).list();
    }
}
