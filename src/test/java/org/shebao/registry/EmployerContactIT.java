package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.CreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Employer contacts (SX-5): the agency contact chosen from the city's staff, seen by the employer, and the list of employers without one")
class EmployerContactIT {
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Employers employers;
    @Autowired
    TestUsers users;
    @LocalServerPort
    int port;

    long employerOf(String portalUser) {
        return jdbc.sql("SELECT employer_id FROM identity_user WHERE username = :u").param("u", portalUser)
                .query(Long.class).single();
    }

    Map<String, Object> update(JsonNode e, String contact, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", e.path("version").asInt());
        body.put("name", e.path("name").asString());
        body.put("regionCode", e.path("regionCode").asString());
        body.put("agencyContact", contact);
        body.put("agencyContactPhone", phone);
        return body;
    }

    @Test
    @DisplayName("SX-5: xz.clerk makes xz.reviewer the contact of employer.xz's unit (stored with the name, in the "
            + "history); employer.xz sees the name and phone in its portal; a Fuzhou clerk or a portal user as the "
            + "contact is 400 naming the field, nothing written")
    void contactChosenFromStaff() throws Exception {
        long id = employerOf("employer.xz");
        JsonNode before = api.get("xz.clerk", "/api/v1/employers/" + id).body();
        ApiClient.Response other = api.put("xz.clerk", "/api/v1/employers/" + id, update(before, "fz.clerk", null));
        assertThat(other.status()).as(other.body().toString()).isEqualTo(400);
        assertThat(other.firstErrorField()).isEqualTo("agencyContact");
        assertThat(other.firstErrorMessage()).contains("忻州");
        ApiClient.Response portal = api.put("xz.clerk", "/api/v1/employers/" + id, update(before, "citizen.xz", null));
        assertThat(portal.status()).isEqualTo(400);
        assertThat(portal.firstErrorField()).isEqualTo("agencyContact");
        assertThat(api.get("xz.clerk", "/api/v1/employers/" + id).body().path("version").asInt())
                .isEqualTo(before.path("version").asInt());

        ApiClient.Response ok = api.put("xz.clerk", "/api/v1/employers/" + id, update(before, "xz.reviewer", "0350-3000001"));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(ok.body().path("agencyContact").asString()).isEqualTo("xz.reviewer");
        assertThat(ok.body().path("agencyContactName").asString()).isEqualTo("忻州审核 薛红");
        assertThat(employers.history(users.get("xz.clerk"), id).toString()).contains("忻州审核 薛红");

        String page = WebSession.login(port, "employer.xz").get("/portal").body();
        assertThat(page).contains("忻州审核 薛红").contains("0350-3000001").doesNotContain("xz.reviewer");
    }

    @Test
    @DisplayName("SX-5: the list of employers without an agency contact (for the hall manager ty.hall): a new employer "
            + "registered without one is listed, one with a contact chosen is not")
    void employersWithoutContact() throws Exception {
        String first17 = "91140100MC" + String.format("%07d", System.nanoTime() % 10_000_000L);
        String code = first17 + CreditCode.checkChar(first17);
        ApiClient.Response r = api.post("ty.clerk", "/api/v1/employers",
                Map.of("creditCode", code, "name", "太原无联系人测试有限公司", "regionCode", "140100"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String first17b = "91140100MD" + String.format("%07d", System.nanoTime() % 10_000_000L);
        ApiClient.Response with = api.post("ty.clerk", "/api/v1/employers", Map.of("creditCode",
                first17b + CreditCode.checkChar(first17b), "name", "太原有联系人测试有限公司", "regionCode", "140100",
                "agencyContact", "ty.clerk2"));
        assertThat(with.status()).as(with.body().toString()).isEqualTo(201);

        var without = employers.searchEmployers(users.get("ty.hall"), "太原", true, 0);
        assertThat(without.items()).allMatch(e -> !e.hasAgencyContact());
        var all = employers.searchEmployers(users.get("ty.hall"), "测试有限公司", true, 0).items();
        assertThat(all).extracting(Employer::name).contains("太原无联系人测试有限公司")
                .doesNotContain("太原有联系人测试有限公司");

        WebSession hall = WebSession.login(port, "ty.hall");
        assertThat(hall.get("/hall/3").body()).contains("未指定经办机构联系人的参保单位");
        String list = hall.get("/registry/employers?q=%E6%B5%8B%E8%AF%95%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8&withoutContact=true").body();
        assertThat(list).contains("太原无联系人测试有限公司").doesNotContain("太原有联系人测试有限公司");
        assertThat(WebSession.login(port, "fz.hall").get("/hall/1").body()).doesNotContain("未指定经办机构联系人的参保单位");
    }
}
