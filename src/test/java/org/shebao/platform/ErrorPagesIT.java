package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.Base64;

/** HTML for people, JSON for programs (issue 10, item 10): a browser gets the platform's own error page. */
@ShebaoIntegrationTest
@DisplayName("Error pages: a browser gets the platform's page (404, 405, 400) in Chinese, the API its problem JSON")
class ErrorPagesIT {
    @LocalServerPort
    int port;

    private static void isPage(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<html").contains("出错了").doesNotContain("Exception").doesNotContain("\"status\"");
    }

    @Test
    @DisplayName("a page that does not exist is 404, a GET on a form's POST address 405, a malformed parameter 400")
    void pages() throws Exception {
        WebSession s = WebSession.login(port, "fz.finance");
        isPage(s.get("/no-such-page"), 404);
        isPage(s.get("/registry/persons/1/reveal"), 405);
        isPage(s.get("/ledger/journal.xlsx?from=2020-02-30"), 400);
        isPage(s.get("/payroll/runs/abc"), 400);
    }

    @Test
    @DisplayName("the API keeps answering problem JSON; /favicon.ico exists")
    void apiAndFavicon() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/nope"))
                .header("Accept", "application/json").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("fz.clerk:Shebao@2020".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"status\":404");
        HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body().length).isGreaterThan(0);
    }

    @Test
    @DisplayName("issue 17 item 8: a page the role may not open is the platform's 403 page, an unknown record its 404 page")
    void forbiddenAndUnknownRecord() throws Exception {
        WebSession citizen = WebSession.login(port, "citizen.fz");
        isPage(citizen.get("/registry/persons"), 403);
        isPage(WebSession.login(port, "fz.clerk").get("/registry/persons/987654321"), 404);
    }

    @Test
    @DisplayName("issue 17 item 8: the language link keeps the query string (a search, a filter) and sets lang once")
    void languageLinkKeepsQuery() throws Exception {
        WebSession s = WebSession.login(port, "fz.clerk");
        assertThat(s.get("/registry/persons?q=%E6%9E%97&lang=zh_CN").body())
                .contains("id=\"language\" href=\"/registry/persons?q=%E6%9E%97&amp;lang=en\"");
        assertThat(s.get("/no-such-page?x=1").body()).contains("id=\"language\" href=\"/no-such-page?x=1&amp;lang=en\"");
    }
}
