package org.shebao.policy;

import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Policy API for the mobile app: measures with clauses, parameters with sources, emergencies with deadlines")
class PolicyApiIT {
    @Autowired
    ApiClient api;

    private JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asString())) {
                return n;
            }
        }
        throw new AssertionError(value + " not in " + list);
    }

    @Test
    @DisplayName("N-1c / FJ-1.1 in force in Fuzhou on 2020-03-01; FJ-5a listed, SX-1b not")
    void measures() {
        ApiClient.Response r = api.get("fz.clerk", "/api/v1/policy/measures?region=350100&on=2020-03-01");
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = find(r.body(), "code", "NO_SUSPENSION_FOR_MISSED_CERTIFICATION");
        assertThat(m.path("inForce").asBoolean()).isTrue();
        List<String> clauses = new ArrayList<>();
        m.path("clauses").forEach(c -> clauses.add(c.asString()));
        assertThat(clauses).containsExactly("N-1c", "FJ-1.1");
        find(r.body(), "code", "BACKDATED_ENROLLMENT");
        assertThat(r.body().findValuesAsString("code")).doesNotContain("WORK_INJURY_MEDICAL_PREPAYMENT");
    }

    @Test
    @DisplayName("FJ-1.3: Xiamen's pre-payment standard is Fujian's 1800.00; Taiyuan has none (404)")
    void parameter() {
        ApiClient.Response r = api.get("xm.clerk",
                "/api/v1/policy/parameters/pension.prepayment.enterprise.monthly?region=350200&on=2020-03-01");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("value").decimalValue()).isEqualByComparingTo("1800.00");
        assertThat(r.body().path("source").asString()).isEqualTo("FJ-1.3");
        assertThat(r.body().path("definedBy").asString()).isEqualTo("350000");
        assertThat(api.get("ty.clerk", "/api/v1/policy/parameters/pension.prepayment.enterprise.monthly?region=140100&on=2020-03-01")
                .status()).isEqualTo(404);
        assertThat(api.get("ty.clerk", "/api/v1/policy/parameters/no.such.key?region=140100").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("bad input: an unknown region and an impossible date are named in a 400")
    void badInput() {
        ApiClient.Response region = api.get("fz.clerk", "/api/v1/policy/measures?region=350199");
        assertThat(region.status()).isEqualTo(400);
        assertThat(region.firstErrorField()).isEqualTo("region");
        ApiClient.Response date = api.get("fz.clerk", "/api/v1/policy/measures?region=350100&on=2020-02-30");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.firstErrorField()).isEqualTo("on");
        assertThat(date.firstErrorMessage()).contains("2020-02-30");
    }

    @Test
    @DisplayName("the emergencies covering Xinzhou carry both deadline rules, each pending or with a date")
    void emergencies() {
        ApiClient.Response r = api.get("xz.clerk", "/api/v1/policy/emergencies?region=140900");
        assertThat(r.status()).isEqualTo(200);
        JsonNode e = find(r.body(), "region", "140000");
        assertThat(e.path("declaredOn").asString()).isEqualTo("2020-01-25");
        assertThat(e.path("deadlines").findValuesAsString("rule"))
                .containsExactly("LIFTED_PLUS_3_MONTHS", "LEVEL1_ENDED_PLUS_15_DAYS");
        for (JsonNode d : e.path("deadlines")) {
            assertThat(d.path("status").asString()).isIn("PENDING", "OPEN", "OVERDUE");
            assertThat(d.path("dueOn").isNull()).isEqualTo("PENDING".equals(d.path("status").asString()));
        }
    }
}
