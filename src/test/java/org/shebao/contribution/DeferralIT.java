package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("N-5b / FJ-5b deferral of 2020 contributions, created through the product: a clerk registers it, "
        + "the person applies for it")
class DeferralIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private int deferrals() {
        return jdbc.sql("SELECT count(*) FROM contribution_deferral").query(Integer.class).single();
    }

    private long eligibleInFuzhou() {
        return DeferralFixtures.eligibleFlexibleWorker(jdbc, "350100");
    }

    @Test
    @DisplayName("FJ-5b: fz.clerk registers one over the API (201, flagged FJ-5b/FJ-5c, deadline pending); a second "
            + "time 409; another region 403; an employee's year, or 2019, 400 with a Chinese reason; nothing else stored")
    void clerkRegisters() {
        ApiClient api = new ApiClient(port);
        long person = eligibleInFuzhou();
        int before = deferrals();
        ApiClient.Response created = api.post("fz.clerk", "/api/v1/persons/" + person + "/deferrals", Map.of("year", 2020));
        assertThat(created.status()).isEqualTo(201);
        JsonNode d = created.body();
        assertThat(d.path("year").asInt()).isEqualTo(2020);
        assertThat(d.path("measure").asString()).isEqualTo("CONTRIBUTION_DEFERRAL_2020");
        assertThat(d.path("clauses").asString()).contains("N-5b").contains("FJ-5b").contains("FJ-5c").doesNotContain("N-5a");
        assertThat(d.path("deadline").path("pending").asBoolean(false) || !d.path("deadline").hasNonNull("dueOn"))
                .as("deadline pending until the lifted date is entered: " + d).isTrue();
        assertThat(deferrals()).isEqualTo(before + 1);

        assertThat(api.post("fz.clerk", "/api/v1/persons/" + person + "/deferrals", Map.of("year", 2020)).status())
                .isEqualTo(409);
        assertThat(api.post("ty.clerk", "/api/v1/persons/" + person + "/deferrals", Map.of("year", 2020)).status())
                .isEqualTo(403);
        ApiClient.Response wrongYear = api.post("fz.clerk", "/api/v1/persons/" + person + "/deferrals", Map.of("year", 2019));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.body().toString()).contains("可延期补缴的年度为 2020 年");
        long employee = jdbc.sql("SELECT person_id FROM contribution_year WHERE year = 2020 AND employer_id IS NOT NULL"
                + " AND region_code = '350100' ORDER BY person_id LIMIT 1").query(Long.class).single();
        ApiClient.Response notFlexible = api.post("fz.clerk", "/api/v1/persons/" + employee + "/deferrals", Map.of("year", 2020));
        assertThat(notFlexible.status()).isEqualTo(400);
        assertThat(notFlexible.body().toString()).contains("不是灵活就业人员缴费");
        assertThat(deferrals()).isEqualTo(before + 1);
        assertThat(api.get("fz.clerk", "/api/v1/persons/" + person + "/deferrals").body().get(0).path("year").asInt())
                .isEqualTo(2020);
    }

    @Test
    @DisplayName("N-5b: the person applies for their own deferral (/api/v1/me/deferrals), once")
    void personApplies() {
        ApiClient api = new ApiClient(port);
        long me = jdbc.sql("SELECT person_id FROM identity_user WHERE username = 'citizen.xm'").query(Long.class).single();
        jdbc.sql("DELETE FROM contribution_deferral WHERE person_id = :p").param("p", me).update();
        jdbc.sql("DELETE FROM contribution_year WHERE person_id = :p AND year = 2020").param("p", me).update();
        String region = jdbc.sql("SELECT region_code FROM registry_person WHERE id = :p").param("p", me)
                .query(String.class).single();
        jdbc.sql("INSERT INTO contribution_year (person_id, year, region_code, employer_id, months, monthly_base,"
                + " account_credit) VALUES (:p, 2020, :r, NULL, 4, 3200.00, 1024.00)").param("p", me)
                .param("r", region).update();
        ApiClient.Response created = api.post("citizen.xm", "/api/v1/me/deferrals", Map.of("year", 2020));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("clauses").asString()).contains("FJ-5b");
        assertThat(api.post("citizen.xm", "/api/v1/me/deferrals", Map.of("year", 2020)).status()).isEqualTo(409);
        assertThat(api.get("citizen.xm", "/api/v1/me/deferrals").body().size()).isEqualTo(1);
    }
}
