package org.shebao.casework;

import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AudienceSource;
import org.shebao.common.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Audience of a targeted notice (N-6): every applicant with a pending commitment, i.e. a material promised by a
 * commitment letter (SX-3, FJ-3) that has not arrived yet, on a case not rejected.
 */
@Component
@RequiredArgsConstructor
class PendingCommitmentAudience implements AudienceSource {
    private final JdbcClient jdbc;

    @Override
    public String rule() {
        return "PENDING_COMMITMENT";
    }

    @Override
    public Addressee addressee() {
        return Addressee.PERSON;
    }

    @Override
    public List<String> clauses() {
        return List.of("N-6", "SX-3", "FJ-3");
    }

    @Override
    public List<Member> members(RegionCode scope, LocalDate today) {
        return jdbc.sql("""
                        SELECT DISTINCT c.person_id, c.region_code FROM casework_commitment m
                        JOIN casework_case c ON c.id = m.case_id AND c.region_code = m.region_code
                        WHERE m.region_code LIKE :scope AND m.arrived_at IS NULL AND c.person_id IS NOT NULL
                          AND c.status <> 'REJECTED'
                        ORDER BY c.person_id""")
                .param("scope", scope.scopePrefix() + "%")
                .query((rs, i) -> new Member(rs.getLong("person_id"), rs.getString("region_code"))).list();
    }
}
