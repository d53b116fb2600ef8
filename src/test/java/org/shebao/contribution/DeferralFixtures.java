package org.shebao.contribution;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data for the deferral tests: a flexible worker of a city who may defer 2020. */
public final class DeferralFixtures {
    private DeferralFixtures() {
    }

    /**
     * A flexible worker of the city with 2020 incomplete and nothing deferred: one the demo left for a clerk, or
     * else a person without a 2020 record who is given 3 months paid as a flexible worker.
     */
    public static long eligibleFlexibleWorker(JdbcClient jdbc, String city) {
        return jdbc.sql("""
                SELECT y.person_id FROM contribution_year y WHERE y.year = 2020 AND y.employer_id IS NULL
                   AND y.months < 12 AND y.region_code = :c
                   AND NOT EXISTS (SELECT 1 FROM contribution_deferral d WHERE d.person_id = y.person_id AND d.year = 2020)
                 ORDER BY y.person_id LIMIT 1""").param("c", city).query(Long.class).optional().orElseGet(() -> {
            long id = jdbc.sql("""
                    SELECT min(id) FROM registry_person p WHERE region_code = :c
                       AND NOT EXISTS (SELECT 1 FROM contribution_year y WHERE y.person_id = p.id AND y.year = 2020)""")
                    .param("c", city).query(Long.class).single();
            jdbc.sql("INSERT INTO contribution_year (person_id, year, region_code, employer_id, months, monthly_base,"
                    + " account_credit) VALUES (:p, 2020, :c, NULL, 3, 3000.00, 720.00)")
                    .param("p", id).param("c", city).update();
            return id;
        });
    }
}
