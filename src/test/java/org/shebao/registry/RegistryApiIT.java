package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.CreditCode;
import org.shebao.common.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Registry over the JSON API, on the real PostgreSQL")
class RegistryApiIT {
    /** The first day of this month: an enrollment from it is not a backdated one (FJ-5a). */
    private static final String THIS_MONTH = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).atDay(1).toString();
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiClient api;


    /** A valid, never-used ID number (address 350104, born 1985-06-15). */
    static String freshIdNumber() {
        String first17 = "35010419850615" + String.format("%03d", SEQ.incrementAndGet());
        return first17 + IdNumber.checkChar(first17);
    }

    static Map<String, Object> person(String idNumber) {
        Map<String, Object> m = new HashMap<>();
        m.put("idNumber", idNumber);
        m.put("name", "林测试");
        m.put("phone", "13905910099");
        m.put("hukouRegion", "350104");
        m.put("regionCode", "350100");
        return m;
    }

    long persons() {
        return jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();
    }

    long changes() {
        return jdbc.sql("SELECT count(*) FROM registry_change").query(Long.class).single();
    }

    @Test
    @DisplayName("a clerk registers a person: 201, birth date and gender derived, ID masked, creation in the history")
    void registers() {
        String id = freshIdNumber();
        Response r = api.post("fz.clerk", "/api/v1/persons", person(id));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("birthDate").asString()).isEqualTo("1985-06-15");
        assertThat(r.body().path("gender").asString()).isEqualTo(IdNumber.parse(id).gender().name());
        assertThat(r.body().path("idNumberMasked").asString()).isEqualTo(IdNumber.mask(id));
        assertThat(r.raw().body()).doesNotContain(id);
        long personId = r.body().path("id").asLong();
        Response history = api.get("fz.clerk", "/api/v1/persons/" + personId + "/history");
        assertThat(history.body().findValuesAsString("field")).contains("idNumber", "name", "regionCode");
        assertThat(history.body().findValuesAsString("changedBy")).containsOnly("fz.clerk");
        assertThat(history.raw().body()).doesNotContain(id);
    }

    @ParameterizedTest(name = "{0}={1} → 400 on {0}")
    @CsvSource(delimiter = '|', value = {
            "idNumber|350104198506150011|公民身份号码校验码错误",
            "idNumber|350104198502300011|不是有效日期",
            "idNumber|35010419850615001|应为18位",
            "name|王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王王|长度不能超过 50",
            "name|王2|姓名只能包含",
            "phone|12345|电话号码格式不正确",
            "hukouRegion|990101|未知的行政区划代码",
            "regionCode|350199|未知的行政区划代码",
            "regionCode|140100|无权在太原市办理业务"})
    @DisplayName("bad input is refused with a Chinese message naming the field, and nothing is stored")
    void badPersonInput(String field, String value, String message) {
        long before = persons();
        long changesBefore = changes();
        Map<String, Object> body = person(freshIdNumber());
        body.put(field, value);
        Response r = api.post("fz.clerk", "/api/v1/persons", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("title").asString()).isEqualTo("请求数据有误");
        assertThat(r.firstErrorField()).isEqualTo(field);
        assertThat(r.firstErrorMessage()).contains(message);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(persons()).isEqualTo(before);
        assertThat(changes()).isEqualTo(changesBefore);
    }

    @Test
    @DisplayName("several bad fields at once are all listed")
    void allProblemsAtOnce() {
        Map<String, Object> body = person("350104198506150011");
        body.put("name", "");
        body.put("phone", "abc");
        Response r = api.post("fz.clerk", "/api/v1/persons", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("idNumber", "name", "phone");
    }

    @Test
    @DisplayName("a duplicate registration is 409 and changes nothing")
    void duplicate() {
        String id = freshIdNumber();
        assertThat(api.post("fz.clerk", "/api/v1/persons", person(id)).status()).isEqualTo(201);
        long before = persons();
        Response again = api.post("fz.clerk2", "/api/v1/persons", person(id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("已登记");
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    @DisplayName("malformed JSON is a 400 problem, not a stack trace")
    void malformedJson() {
        Response r = api.post("fz.clerk", "/api/v1/persons", "{\"idNumber\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    @DisplayName("the same error in English when the client asks for English")
    void english() {
        Map<String, Object> body = person("350104198506150011");
        Response r = api.send("fz.clerk", "POST", "/api/v1/persons", body, "en");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorMessage()).startsWith("Wrong check digit");
    }

    @Test
    @DisplayName("the field rules written as annotations answer the same way: the field, the message in the client's "
            + "language; on an edit too, and nothing changes")
    void annotatedRules() {
        Map<String, Object> body = person(freshIdNumber());
        body.put("name", "王2");
        Response r = api.send("fz.clerk", "POST", "/api/v1/persons", body, "en");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("name");
        assertThat(r.firstErrorMessage()).startsWith("A name holds letters");
        long id = api.post("fz.clerk", "/api/v1/persons", person(freshIdNumber())).body().path("id").asLong();
        assertEditRefused("fz.clerk", id, "12345", "350100", "phone", "电话号码格式不正确");
    }

    /** An edit of person {@code id} by {@code user} is refused (400) on {@code field}, and no change is recorded. */
    private void assertEditRefused(String user, long id, String phone, String region, String field, String message) {
        long changesBefore = changes();
        Response edit = api.put(user, "/api/v1/persons/" + id, Map.of("version", 0, "name", "林测试",
                "phone", phone, "hukouRegion", "350104", "regionCode", region));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.firstErrorField()).isEqualTo(field);
        assertThat(edit.firstErrorMessage()).contains(message);
        assertThat(changes()).isEqualTo(changesBefore);
    }

    @Test
    @DisplayName("a person's and an employer's region (统筹区, the distribution column) is fixed once registered: an "
            + "edit to another region is refused with nothing changed, and the database refuses the update too")
    void regionFixedOnceRegistered() {
        long id = api.post("fz.clerk", "/api/v1/persons", person(freshIdNumber())).body().path("id").asLong();
        // a Fujian administrator manages Fuzhou and Xiamen alike: the move is still refused
        assertEditRefused("fj.admin", id, "13905910099", "350200", "regionCode", "不可修改");
        assertThat(jdbc.sql("SELECT region_code FROM registry_person WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("350100");
        assertThatThrownBy(() -> jdbc.sql("UPDATE registry_person SET region_code = '350200' WHERE id = :id")
                .param("id", id).update()).hasMessageContaining("region_code of registry_person is fixed");
        long employerId = jdbc.sql("SELECT id FROM registry_employer WHERE region_code = '350100' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("UPDATE registry_employer SET region_code = '350200' WHERE id = :id")
                .param("id", employerId).update()).hasMessageContaining("region_code of registry_employer is fixed");
    }

    @Test
    @DisplayName("edits are recorded with old and new values; a stale version is 409")
    void editAndOptimisticLocking() {
        long id = api.post("fz.clerk", "/api/v1/persons", person(freshIdNumber())).body().path("id").asLong();
        Map<String, Object> update = new HashMap<>(Map.of("version", 0, "name", "林改名", "phone", "13905910098",
                "hukouRegion", "350104", "regionCode", "350100"));
        Response ok = api.put("fz.clerk", "/api/v1/persons/" + id, update);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("version").asInt()).isEqualTo(1);
        update.put("name", "林又改");
        Response stale = api.put("fz.clerk2", "/api/v1/persons/" + id, update);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.firstErrorMessage()).contains("已被他人修改");
        Response history = api.get("fz.clerk", "/api/v1/persons/" + id + "/history");
        assertThat(history.body().get(0).path("action").asString()).isEqualTo("UPDATE");
        assertThat(history.raw().body()).contains("\"oldValue\":\"林测试\"").contains("\"newValue\":\"林改名\"")
                .doesNotContain("林又改");
    }

    @Test
    @DisplayName("region scope: a Fuzhou clerk cannot read a Taiyuan person (403) nor find one; finds Fuzhou's and those whose record Fuzhou holds")
    void regionScope() {
        long taiyuanPerson = jdbc.sql("SELECT id FROM registry_person WHERE region_code = '140100' LIMIT 1")
                .query(Long.class).single();
        assertThat(api.get("fz.clerk", "/api/v1/persons/" + taiyuanPerson).status()).isEqualTo(403);
        assertThat(api.get("ty.clerk", "/api/v1/persons/" + taiyuanPerson).status()).isEqualTo(200);
        assertThat(api.get("sx.admin", "/api/v1/persons/" + taiyuanPerson).status()).isEqualTo(200);
        Response search = api.get("fz.clerk", "/api/v1/persons?q=");
        assertThat(search.body().path("items")).isNotEmpty();
        // a Fuzhou clerk finds Fuzhou's persons, and those whose record Fuzhou holds after a transfer (issue 16)
        search.body().path("items").forEach(item -> {
            if (!item.path("regionCode").asString().startsWith("3501")) {
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM registry_record_holding
                         WHERE person_id = :p AND until IS NULL AND holder_region LIKE '3501%'""")
                        .param("p", item.path("id").asLong()).query(Long.class).single())
                        .as("person %s held by Fuzhou", item.path("id")).isEqualTo(1);
            }
        });
        assertThat(api.get("fz.clerk", "/api/v1/persons/999999999").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("only clerks and administrators change the registry; a reviewer may read")
    void writeRoles() {
        assertThat(api.post("fz.reviewer", "/api/v1/persons", person(freshIdNumber())).status()).isEqualTo(403);
        assertThat(api.get("fz.reviewer", "/api/v1/persons?q=").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a citizen sees only their own record")
    void citizenOwnRecord() {
        Response me = api.get("citizen.fz", "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("name").asString()).isEqualTo("陈志强");
        long own = me.body().path("id").asLong();
        assertThat(api.get("citizen.fz", "/api/v1/persons/" + own).status()).isEqualTo(200);
        assertThat(api.get("citizen.fz", "/api/v1/persons/" + (own + 1)).status()).isEqualTo(403);
        assertThat(api.get("citizen.fz", "/api/v1/persons?q=").status()).isEqualTo(403);
        assertThat(api.post("citizen.fz", "/api/v1/persons", person(freshIdNumber())).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("an employer sees its own record and employees, not another employer's")
    void employerOwnRecord() {
        Response me = api.get("employer.fz", "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        long own = me.body().path("id").asLong();
        assertThat(api.get("employer.fz", "/api/v1/employers/" + own + "/employees").status()).isEqualTo(200);
        assertThat(api.get("employer.fz", "/api/v1/employers/" + (own + 1)).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("employers: GB 32100 check, duplicate 409, SX-5 agency contact chosen from the city's staff and stored with their name")
    void employers() {
        String first17 = "91350100MA" + String.format("%07d", SEQ.incrementAndGet());
        String code = first17 + CreditCode.checkChar(first17);
        Map<String, Object> body = new HashMap<>(Map.of("creditCode", code, "name", "福州测试科技有限公司",
                "regionCode", "350100", "agencyContact", "fz.clerk", "agencyContactPhone", "0591-87654321"));
        Response r = api.post("fz.clerk", "/api/v1/employers", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("agencyContactName").asString()).isEqualTo("福州受理 林小燕");
        assertThat(r.body().path("agencyContact").asString()).isEqualTo("fz.clerk");
        assertThat(api.post("fz.clerk", "/api/v1/employers", body).status()).isEqualTo(409);
        body.put("creditCode", first17 + (CreditCode.checkChar(first17) == '0' ? '1' : '0'));
        Response bad = api.post("fz.clerk", "/api/v1/employers", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.firstErrorField()).isEqualTo("creditCode");
        assertThat(bad.firstErrorMessage()).contains("GB 32100");
    }

    @Test
    @DisplayName("enrollment: impossible date, future date, missing employer, duplicate — each refused, nothing stored")
    void enrollment() {
        long personId = api.post("fz.clerk", "/api/v1/persons", person(freshIdNumber())).body().path("id").asLong();
        long employerId = jdbc.sql("SELECT id FROM registry_employer WHERE region_code = '350100' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        String path = "/api/v1/persons/" + personId + "/enrollments";
        Map<String, Object> body = new HashMap<>(Map.of("employerId", employerId, "category", "EMPLOYEE",
                "insuranceType", "ENTERPRISE_PENSION", "firstInsuredOn", "2021-02-29"));
        Response impossible = api.post("fz.clerk", path, body);
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.firstErrorField()).isEqualTo("firstInsuredOn");
        assertThat(impossible.firstErrorMessage()).contains("2021-02-29 不存在");
        body.put("firstInsuredOn", "2999-01-01");
        assertThat(api.post("fz.clerk", path, body).firstErrorMessage()).contains("不能晚于今天");
        body.put("firstInsuredOn", "1990-01-01");
        assertThat(api.post("fz.clerk", path, body).firstErrorMessage()).contains("年满 16 周岁");
        body.remove("employerId");
        body.put("firstInsuredOn", THIS_MONTH);
        assertThat(api.post("fz.clerk", path, body).firstErrorField()).isEqualTo("employerId");
        assertThat(api.get("fz.clerk", path).body().size()).isZero();
        body.put("employerId", employerId);
        assertThat(api.post("fz.clerk", path, body).status()).isEqualTo(201);
        Response again = api.post("fz.clerk", path, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get("fz.clerk", path).body().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("OpenAPI documents the registry endpoints")
    void openApi() {
        Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/persons")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/employers")).isTrue();
    }
}
