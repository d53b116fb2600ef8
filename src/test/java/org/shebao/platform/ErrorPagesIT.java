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
}
