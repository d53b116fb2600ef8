package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.CreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("An employer's size class (issue 11): an attribute of the employer, with its evidence and who set it")
class EmployerSizeIT {
    private static final AtomicInteger SEQ = new AtomicInteger(100);
    private static final String EVIDENCE = "工信部联企业〔2011〕300号 划型：从业人员 120 人，营业收入 800 万元";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiClient api;


    /** A fresh Fuzhou employer, registered by a clerk: its id. */
    long freshEmployer() {
        String first17 = "91350100MC" + String.format("%07d", SEQ.incrementAndGet());
        Response r = api.post("fz.clerk", "/api/v1/employers", Map.of("creditCode",
                first17 + CreditCode.checkChar(first17), "name", "福州划型测试有限公司" + SEQ.get(), "regionCode", "350100"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("sizeClass").isNull()).isTrue();
        return r.body().path("id").asLong();
    }

    Response classify(String user, long id, int version, String sizeClass, String evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("sizeClass", sizeClass);
        body.put("sizeEvidence", evidence);
        return api.put(user, "/api/v1/employers/" + id + "/size-class", body);
    }

    /** The employer's row as stored: class, evidence, setter, version. */
    Map<String, Object> row(long id) {
        return jdbc.sql("SELECT size_class, size_evidence, size_set_by, size_set_at, version FROM registry_employer "
                + "WHERE id = :id").param("id", id).query().singleRow();
    }

    long changes(long id) {
        return jdbc.sql("SELECT count(*) FROM registry_change WHERE entity_type = 'EMPLOYER' AND entity_id = :id")
                .param("id", id).query(Long.class).single();
    }

    @Test
    @DisplayName("a clerk sets the class with its evidence: read back by code and Chinese name, the evidence, who "
            + "(by name) and when; the history has old and new values; a second class replaces the first")
    void classifyAndReadBack() {
        long id = freshEmployer();
        Response r = classify("fz.clerk", id, 0, "SMALL", "  " + EVIDENCE + " ");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("version").asInt()).isEqualTo(1);

        JsonNode e = api.get("fz.clerk", "/api/v1/employers/" + id).body();
        assertThat(e.path("sizeClass").asString()).isEqualTo("SMALL");
        assertThat(e.path("sizeClassName").asString()).isEqualTo("小型企业");
        assertThat(e.path("sizeEvidence").asString()).isEqualTo(EVIDENCE);
        assertThat(e.path("sizeSetBy").asString()).isEqualTo("福州受理 林小燕");
        assertThat(e.path("sizeSetAt").asString()).isNotBlank();
        assertThat(row(id).get("size_set_by")).isEqualTo("fz.clerk");

        Response history = api.get("fz.clerk", "/api/v1/employers/" + id + "/history");
        JsonNode first = history.body().get(0).path("field").asString().equals("sizeClass")
                ? history.body().get(0) : history.body().get(1);
        assertThat(first.path("action").asString()).isEqualTo("UPDATE");
        assertThat(first.path("oldValue").isNull()).isTrue();
        assertThat(first.path("newValue").asString()).isEqualTo("SMALL");
        assertThat(history.raw().body()).contains("\"field\":\"sizeEvidence\"").contains(EVIDENCE);

        Response again = classify("fj.admin", id, 1, "MEDIUM", "2020年度审计报告 闽审〔2021〕12号");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("sizeClassName").asString()).isEqualTo("中型企业");
        assertThat(again.body().path("sizeSetBy").asString()).isNotEqualTo("fj.admin");
        Response later = api.get("fz.clerk", "/api/v1/employers/" + id + "/history");
        assertThat(later.raw().body()).contains("\"oldValue\":\"SMALL\"").contains("\"newValue\":\"MEDIUM\"")
                .contains("\"oldValue\":\"" + EVIDENCE + "\"");
    }

    @Test
    @DisplayName("a clerk of another region is refused (403), a reviewer and the employer itself too; nothing changes")
    void onlyWritersOfTheRegion() {
        long id = freshEmployer();
        long before = changes(id);
        assertThat(classify("ty.clerk", id, 0, "SMALL", EVIDENCE).status()).isEqualTo(403);
        assertThat(classify("fz.reviewer", id, 0, "SMALL", EVIDENCE).status()).isEqualTo(403);
        assertThat(classify("employer.fz", id, 0, "SMALL", EVIDENCE).status()).isEqualTo(403);
        assertThat(api.get("ty.clerk", "/api/v1/employers/" + id + "/history").status()).isEqualTo(403);
        assertThat(classify("fz.clerk", 999_999_999L, 0, "SMALL", EVIDENCE).status()).isEqualTo(404);
        assertThat(row(id).get("size_class")).isNull();
        assertThat(row(id).get("version")).isEqualTo(0);
        assertThat(changes(id)).isEqualTo(before);
    }

    @Test
    @DisplayName("missing evidence, too long evidence, an unknown or missing class: 400 naming the field in Chinese "
            + "(English on request), nothing changed")
    void badInput() {
        long id = freshEmployer();
        long before = changes(id);

        Response noEvidence = classify("fz.clerk", id, 0, "SMALL", "  ");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.firstErrorField()).isEqualTo("sizeEvidence");
        assertThat(noEvidence.firstErrorMessage()).contains("必填");

        Response tooLong = classify("fz.clerk", id, 0, "SMALL", "依".repeat(501));
        assertThat(tooLong.firstErrorField()).isEqualTo("sizeEvidence");
        assertThat(tooLong.firstErrorMessage()).contains("500");

        Response unknown = classify("fz.clerk", id, 0, "HUGE", EVIDENCE);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.firstErrorField()).isEqualTo("sizeClass");
        assertThat(unknown.firstErrorMessage()).contains("未知的企业规模类型").contains("HUGE").contains("小型企业");

        Response both = classify("fz.clerk", id, 0, null, null);
        assertThat(both.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("sizeClass", "sizeEvidence");

        Response english = api.send("fz.clerk", "PUT", "/api/v1/employers/" + id + "/size-class",
                Map.of("version", 0, "sizeClass", "HUGE", "sizeEvidence", EVIDENCE), "en");
        assertThat(english.firstErrorMessage()).startsWith("Unknown size class");

        assertThat(row(id).get("size_class")).isNull();
        assertThat(row(id).get("size_evidence")).isNull();
        assertThat(row(id).get("version")).isEqualTo(0);
        assertThat(changes(id)).isEqualTo(before);
    }

    @Test
    @DisplayName("a stale version is 409 and changes nothing")
    void staleVersion() {
        long id = freshEmployer();
        assertThat(classify("fz.clerk", id, 0, "LARGE", EVIDENCE).status()).isEqualTo(200);
        long before = changes(id);
        Response stale = classify("fz.clerk2", id, 0, "MICRO", "另一依据");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.firstErrorMessage()).contains("已被他人修改");
        assertThat(row(id).get("size_class")).isEqualTo("LARGE");
        assertThat(row(id).get("version")).isEqualTo(1);
        assertThat(changes(id)).isEqualTo(before);
    }
}
