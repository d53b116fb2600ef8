package org.shebao.registry;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.policy.Emergency;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.settlement.WorklistSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): late employee enrollments whose first-insured date was backdated to the
 * employment's start under FJ-5a ({@value EnrollmentDateRule#BACKDATED}), with the employment begun during this
 * emergency: one item per hire (person, employer, first-insured date; the insurances enrolled together), to check
 * against the employment's evidence and the remark. No amount: the months backdated are billed to the employer by the
 * contribution module.
 */
@Component
@RequiredArgsConstructor
class BackdatedEnrollments implements WorklistSource {
    private final JdbcClient jdbc;

    @Override
    public String kind() {
        return "ENROLLMENT_BACKDATED";
    }

    @Override
    public List<String> clauses() {
        return List.of("FJ-5a");
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        return jdbc.sql("""
                        SELECT min(en.id) AS id, en.region_code, p.name AS person_name, e.name AS employer_name,
                               en.first_insured_on
                          FROM registry_enrollment en
                          JOIN registry_person p ON p.id = en.person_id
                          JOIN registry_employer e ON e.id = en.employer_id
                         WHERE en.region_code LIKE :scope AND en.flags ~ ('(^|\\s)' || :code || ':')
                           AND en.employment_start >= :declared AND en.employment_start <= :lifted
                         GROUP BY en.region_code, en.person_id, en.employer_id, p.name, e.name, en.first_insured_on
                         ORDER BY min(en.id)""")
                .param("scope", emergency.region().scopePrefix() + "%").param("code", EnrollmentDateRule.BACKDATED)
                .param("declared", emergency.declaredOn()).param("lifted", emergency.liftedOn())
                .query((rs, i) -> new WorklistCandidate(rs.getString("region_code"),
                        "registry-enrollment:" + rs.getLong("id"), null,
                        rs.getString("person_name") + " · " + rs.getString("employer_name") + " · "
                                + rs.getObject("first_insured_on", java.time.LocalDate.class),
                        null))
                .list();
    }
}
