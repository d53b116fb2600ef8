package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.shebao.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The bad inputs that once answered 5xx (issue 10, item 8): each is a 4xx with an RFC 9457 body, and writes nothing.
 */
@ShebaoIntegrationTest
@DisplayName("Bad input answers 4xx with a problem body and changes nothing (no 5xx)")
class BadInputIT {
    @Autowired
    ApiClient api;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    private static String citizen;
    private static String clerk;

    @BeforeEach
    void tokens() throws Exception {
        if (citizen == null) {
            citizen = token("citizen.fz");
            clerk = token("fz.clerk");
        }
    }

    private String token(String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("token").asString();
    }

    /** A request as a client might send it: method, path, content type, raw body, accept. */
    record Bad(String what, String user, String method, String path, String contentType, String body, String accept,
               int status) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> causes() {
        String ok = "{\"type\":\"CERTIFICATE_REQUEST\",\"form\":{\"certificate\":\"CONTRIBUTION_RECORD\",\"purpose\":\"购房\"}}";
        List<Bad> all = new ArrayList<>();
        all.add(new Bad("a key given twice in one object", "citizen", "POST", "/api/v1/cases", "application/json",
                ok.replace("\"form\"", "\"type\":\"CERTIFICATE_REQUEST\",\"form\""), null, 400));
        all.add(new Bad("a broken multipart body", "citizen", "POST", "/api/v1/cases",
                "multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"application\"\r\n\r\n{\"type\"",
                null, 400));
        all.add(new Bad("a multipart without its application part", "citizen", "POST", "/api/v1/cases",
                "multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"ID_CARD\"; "
                + "filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nxx\r\n--XYZ--\r\n", null, 400));
        all.add(new Bad("null inside form", "citizen", "POST", "/api/v1/cases", "application/json",
                "{\"type\":\"CERTIFICATE_REQUEST\",\"form\":{\"certificate\":null,\"purpose\":\"x\"}}", null, 400));
        all.add(new Bad("null inside commitments", "citizen", "POST", "/api/v1/cases", "application/json",
                ok.replace("}}", "},\"commitments\":[null]}"), null, 400));
        all.add(new Bad("a page number past any OFFSET", "clerk", "GET", "/api/v1/persons?page=999999999", null, null, null, 400));
        all.add(new Bad("a page number of Integer.MAX_VALUE", "clerk", "GET", "/api/v1/employers?page=2147483647", null, null,
                null, 400));
        all.add(new Bad("a negative page number", "clerk", "GET", "/api/v1/persons?page=-1", null, null, null, 400));
        all.add(new Bad("a client that accepts no JSON", "citizen", "GET", "/api/v1/cases", null, null, "text/plain", 406));
        all.add(new Bad("an unknown case type", "citizen", "POST", "/api/v1/cases", "application/json",
                "{\"type\":\"NO_SUCH_TYPE\",\"form\":{}}", null, 400));
        all.add(new Bad("an approved amount beyond any pension", "citizen", "POST", "/api/v1/cases", "application/json",
                "{\"type\":\"RETIREMENT\",\"form\":{\"scheme\":\"INSTITUTION\",\"post\":\"CADRE\",\"bankAccount\":"
                + "\"622200001111222233\",\"approvedAmount\":\"1e30\"}}", null, 400));
        all.add(new Bad("a 200-character remark that approval would lengthen", "citizen", "POST", "/api/v1/cases",
                "application/json", "{\"type\":\"ENROLLMENT\",\"form\":{\"category\":\"RESIDENT\",\"insuranceType\":"
                + "\"RESIDENT_PENSION\",\"firstInsuredOn\":\"2026-03-01\",\"remark\":\"" + "备".repeat(200) + "\"}}", null, 400));
        return all.stream().map(Arguments::of);
    }

    private int rows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM casework_case) + (SELECT count(*) FROM casework_material)
                     + (SELECT count(*) FROM registry_enrollment)""")
                .query(Integer.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    @DisplayName("each once-5xx input")
    void answers4xx(Bad bad) throws Exception {
        int before = rows();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                .header("Authorization", "Bearer " + ("clerk".equals(bad.user()) ? clerk : citizen))
                .header("Accept-Language", "zh-CN")
                .header("Accept", bad.accept() == null ? "application/json" : bad.accept());
        if (bad.contentType() != null) {
            b.header("Content-Type", bad.contentType());
        }
        b.method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(bad.body()));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(bad.what() + ": " + r.body()).isEqualTo(bad.status());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(r.body()).doesNotContain("at org.").doesNotContain("Exception");
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    @DisplayName("a body that breaks its record's field rules (@Valid, or a multipart part validated by hand) is a 400 "
            + "problem naming the field, with the same message as any refusal, in Chinese and in English")
    void annotatedRules() {
        int before = rows();
        ApiClient.Response noYear = api.send("citizen.fz", "POST", "/api/v1/me/deferrals", "{}", "zh-CN");
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.body().path("title").asString()).isEqualTo("请求数据有误");
        assertThat(noYear.firstErrorField()).isEqualTo("year");
        assertThat(noYear.body().path("errors").path(0).path("code").asString()).isEqualTo("error.required");
        assertThat(noYear.firstErrorMessage()).isEqualTo("此项为必填项。");
        assertThat(api.send("citizen.fz", "POST", "/api/v1/me/deferrals", "{}", "en").firstErrorMessage())
                .isEqualTo("This field is required.");
        ApiClient.Response noType = api.post("citizen.fz", "/api/v1/cases", Map.of("form", Map.of("purpose", "x")));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.firstErrorField()).isEqualTo("type");
        ApiClient.Response nullField = api.post("citizen.fz", "/api/v1/cases",
                "{\"type\":\"CERTIFICATE_REQUEST\",\"form\":{\"certificate\":null,\"purpose\":\"x\"}}");
        assertThat(nullField.firstErrorField()).as("a form field is named by its key").isEqualTo("certificate");
        ApiClient.Response nullCommitment = api.multipart("citizen.fz", "/api/v1/cases",
                "{\"type\":\"CERTIFICATE_REQUEST\",\"form\":{\"purpose\":\"x\"},\"commitments\":[null]}",
                List.of(), Map.of());
        assertThat(nullCommitment.status()).isEqualTo(400);
        assertThat(nullCommitment.firstErrorField()).isEqualTo("commitments");
        assertThat(nullCommitment.body().path("errors").path(0).path("code").asString()).isEqualTo("error.format");
        ApiClient.Response longPurpose = api.post("citizen.fz", "/api/v1/cases", Map.of("type", "CERTIFICATE_REQUEST",
                "form", Map.of("purpose", "购".repeat(101))));
        assertThat(longPurpose.firstErrorField()).isEqualTo("purpose");
        assertThat(longPurpose.firstErrorMessage()).isEqualTo("长度不能超过 100 个字符。");
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    @DisplayName("a form whose fields break their rules is shown again with each message at its field and what the "
            + "user typed, and nothing is stored")
    void formKeepsInputAndShowsFieldMessages() throws Exception {
        long persons = jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();
        WebSession clerk = WebSession.login(port, "fz.clerk");
        HttpResponse<String> r = clerk.submit("/registry/persons/new", "/registry/persons", Map.of(
                "idNumber", "350104198506150011", "name", " ", "phone", "12345", "hukouRegion", "350104",
                "regionCode", "350100"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("此项为必填项。").contains("电话号码格式不正确").contains("公民身份号码校验码错误")
                .contains("value=\"12345\"").contains("value=\"350104198506150011\"")
                .doesNotContain("Exception");
        assertThat(r.body().split("is-invalid", -1)).as("three fields marked").hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single()).isEqualTo(persons);
    }

    @Test
    @DisplayName("a form value that does not bind to its type (an employer number that is no number) is shown at its "
            + "field, the rest as typed, and nothing is stored")
    void formThatDoesNotBind() throws Exception {
        long person = jdbc.sql("SELECT min(id) FROM registry_person WHERE region_code = '350100'")
                .query(Long.class).single();
        int before = rows();
        HttpResponse<String> r = WebSession.login(port, "fz.clerk").submit("/registry/persons/" + person
                + "/enrollments/new", "/registry/persons/" + person + "/enrollments", Map.of("category", "EMPLOYEE",
                "insuranceType", "ENTERPRISE_PENSION", "employerId", "abc", "firstInsuredOn", "2010-03-01",
                "remark", "备注甲"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("格式不正确").contains("value=\"备注甲\"").contains("value=\"2010-03-01\"")
                .doesNotContain("Exception");
        assertThat(r.body()).containsPattern("id=\"employerId\"[^>]*is-invalid");
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    @DisplayName("the apply form for an unknown case type is a 404 page, and for an employer's account a 403 page, "
            + "both in Chinese, without a stack trace")
    void applyFormPages() throws Exception {
        HttpResponse<String> unknown = WebSession.login(port, "citizen.fz").get("/portal/cases/new?type=NO_SUCH_TYPE");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html").doesNotContain("Exception");
        HttpResponse<String> employer = WebSession.login(port, "employer.fz")
                .get("/portal/cases/new?type=CERTIFICATE_REQUEST");
        assertThat(employer.statusCode()).isEqualTo(403);
        assertThat(employer.body()).contains("<html").doesNotContain("Exception");
    }
}
