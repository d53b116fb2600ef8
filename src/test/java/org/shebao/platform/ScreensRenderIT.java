package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shebao.registry.IdNumberCipher;

/**
 * Every screen a role opens renders (200, the platform's layout, no error page), also the ones no journey walks
 * through: a template error is found here, not by a user.
 */
@ShebaoIntegrationTest
@DisplayName("Screens render for the roles that open them")
class ScreensRenderIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdNumberCipher ids;

    static Stream<Arguments> screens() {
        return Stream.of(
                Arguments.of("fz.clerk", List.of("/", "/registry/persons", "/registry/persons/new", "/registry/employers",
                        "/registry/employers/new", "/registry/employers/{employer}", "/casework/queue", "/casework/ledger",
                        "/casework/cases/new?type=CERTIFICATE_REQUEST", "/registry/persons/{person}/contributions",
                        "/registry/employers/{employer}/declarations", "/workinjury", "/workinjury/recognitions/new",
                        "/workinjury/suspensions", "/workinjury?lang=en", "/pension/transfers",
                        "/pension/transfers?all=true&lang=en")),
                Arguments.of("fj.injury", List.of("/", "/workinjury")),
                Arguments.of("ty.clerk", List.of("/casework/ledger", "/registry/employers", "/registry/employers/{tyEmployer}",
                        "/casework/queue?sort=due&dir=desc&overdue=true", "/casework/queue?lang=en", "/pension/awards",
                        "/pension/awards?view=prepaid", "/pension/awards?lang=en")),
                Arguments.of("fz.finance", List.of("/", "/?lang=en", "/payroll?awaiting=true", "/payroll?thisMonth=true", "/payroll", "/ledger", "/ledger?fund=UNEMPLOYMENT",
                        "/ledger/accounts/PENSION/1002", "/pension/imports", "/settlement", "/settlement?lang=en")),
                Arguments.of("fj.auditor", List.of("/ledger", "/casework/queue", "/casework/ledger", "/settlement?all=true")),
                Arguments.of("fj.admin", List.of("/", "/?lang=en", "/admin/policy", "/admin/policy?region=350100&on=2020-03-01",
                        "/workinjury/suspensions")),
                Arguments.of("citizen.fz", List.of("/portal", "/portal/cases", "/portal/contributions",
                        "/portal/cases/new?type=RETIREMENT", "/portal/work-injury", "/portal/transfer",
                        "/portal/transfer?lang=en", "/portal/payments", "/portal/payments?lang=en")),
                Arguments.of("employer.fz", List.of("/portal", "/portal/declarations", "/portal/declarations?lang=en")),
                Arguments.of("fz.reviewer", List.of("/", "/?lang=en", "/registry/employers/{employer}/declarations")),
                Arguments.of("citizen.xm", List.of("/portal/hall", "/portal/hall?lang=en")),
                Arguments.of("employer.ty", List.of("/portal/hall")),
                Arguments.of("ty.hall", List.of("/", "/?lang=en", "/hall/3", "/hall/3?lang=en", "/hall/3/ledger", "/hall/3/ledger?lang=en",
                        "/hall/3/health", "/hall/3/health?lang=en", "/staff-health", "/messages", "/hall/3/duty",
                        "/hall/3/duty?lang=en", "/incidents", "/incidents?lang=en", "/duty",
                        "/registry/employers?withoutContact=true", "/registry/employers/{tyEmployer}/edit")),
                Arguments.of("ty.clerk2", List.of("/staff-health", "/staff-health?lang=en", "/duty", "/duty?lang=en")),
                Arguments.of("sx.admin", List.of("/incidents", "/incidents?lang=en")),
                Arguments.of("security", List.of("/", "/security/users", "/account/password")),
                Arguments.of("fj.security", List.of("/security/users", "/security/hospitals", "/security/hospitals?lang=en")),
                Arguments.of("sx.security", List.of("/security/hospitals")),
                Arguments.of("ty.publicity", List.of("/", "/publicity", "/publicity?lang=en", "/public?lang=en",
                        "/public/faq?lang=en", "/public/guide?lang=en", "/public/guide/RETIREMENT?region=140100&lang=en")),
                Arguments.of("audit", List.of("/", "/audit", "/audit?action=CASE_STEP", "/audit?actor=fz.clerk")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void render(String user, List<String> paths) throws Exception {
        WebSession s = WebSession.login(port, user);
        long employer = jdbc.sql("SELECT min(id) FROM registry_employer WHERE region_code = '350100'").query(Long.class).single();
        long tyEmployer = jdbc.sql("SELECT min(id) FROM registry_employer WHERE region_code = '140100'").query(Long.class).single();
        long person = jdbc.sql("SELECT min(id) FROM registry_person WHERE region_code = '350100'").query(Long.class).single();
        for (String p : paths) {
            String path = p.replace("{employer}", String.valueOf(employer)).replace("{tyEmployer}", String.valueOf(tyEmployer))
                    .replace("{person}", String.valueOf(person));
            HttpResponse<String> r = s.get(path);
            assertThat(r.statusCode()).as(user + " " + path).isEqualTo(200);
            assertThat(r.body()).as(user + " " + path).contains("navbar").doesNotContain("出错了").doesNotContain("??");
        }
    }

    @Test
    @DisplayName("the home page names the user's region (福州市), never its code")
    void homeNamesTheRegion() throws Exception {
        String body = WebSession.login(port, "fz.clerk").get("/").body();
        assertThat(body).contains("您的业务范围：福州市").doesNotContain("350100");
    }

    @Test
    @DisplayName("issue 10: the person pages carry the ID number masked (two digits at each end) and the age, never "
            + "the full number or the birth date, also in the edit form; a clerk still saves the form")
    void noFullIdInPages() throws Exception {
        var row = jdbc.sql("SELECT id, id_cipher, birth_date::text FROM registry_person WHERE region_code = '350100'"
                + " ORDER BY id DESC LIMIT 1").query().singleRow();
        long id = ((Number) row.get("id")).longValue();
        String full = ids.decrypt((byte[]) row.get("id_cipher"));
        for (String user : List.of("fz.finance", "fz.hall", "fz.clerk")) {
            WebSession s = WebSession.login(port, user);
            for (String path : List.of("/registry/persons/" + id, "/registry/persons/" + id + "/edit",
                    "/registry/persons?q=")) {
                String body = s.get(path).body();
                assertThat(body).as(user + " " + path).doesNotContain(full).doesNotContain((String) row.get("birth_date"));
            }
        }
        WebSession clerk = WebSession.login(port, "fz.clerk");
        String name = jdbc.sql("SELECT name FROM registry_person WHERE id = :id").param("id", id).query(String.class).single();
        var saved = clerk.submit("/registry/persons/" + id + "/edit", "/registry/persons/" + id, Map.of(
                "version", String.valueOf(jdbc.sql("SELECT version FROM registry_person WHERE id = :id").param("id", id)
                        .query(Integer.class).single()), "name", name, "phone", "13905910999", "hukouRegion", "350102",
                "regionCode", "350100"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }
}
