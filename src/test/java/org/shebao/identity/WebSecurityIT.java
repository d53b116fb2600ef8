package org.shebao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Base64;
import java.util.Map;

@ShebaoIntegrationTest
@DisplayName("Login and web security")
class WebSecurityIT {
    @Autowired
    ApiClient api;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("login form carries a CSRF token").isTrue();
        return m.group(1);
    }

    /** The web session's cookie: Spring Session's, the session itself being a row in identity_session. */
    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("form login: CSRF required, a new session id after login, clerk lands on the workbench")
    void formLogin() throws Exception {
        HttpResponse<String> page = get("/login");
        String token = csrf(page.body());
        String before = sessionId();
        HttpResponse<String> noToken = postForm("/login", "username=fz.clerk&password=" + enc(ApiClient.PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = postForm("/login",
                "username=fz.clerk&password=" + enc(ApiClient.PASSWORD) + "&_csrf=" + enc(token));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .contains("HttpOnly").contains("SameSite=Lax"));
        HttpResponse<String> home = get("/");
        assertThat(home.body()).contains("福州受理 林小燕");
        // a state-changing request without the token is refused, and nothing is created
        long persons = jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();
        HttpResponse<String> forged = postForm("/registry/persons",
                "idNumber=11010519491231002X&name=" + enc("伪造") + "&hukouRegion=350102&regionCode=350100");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single()).isEqualTo(persons);
    }

    @Test
    @DisplayName("security headers: CSP with frame-ancestors 'none', no framing, no sniffing")
    void headers() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("frame-ancestors 'none'").contains("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    @DisplayName("a portal user cannot open staff screens; staff cannot open the portal")
    void portalSeparation() {
        assertThat(api.get("citizen.ty", "/api/v1/me").status()).isEqualTo(200);
        assertThat(api.get("ty.clerk", "/api/v1/me").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("passwords are stored as bcrypt hashes")
    void hashed() {
        String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE username = 'fz.clerk'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(ApiClient.PASSWORD);
    }

    @Test
    @DisplayName("after 5 wrong passwords the account is locked, even for the right one, with the answer an unknown user gets")
    void throttling() {
        ApiClient.Response wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = api.send(null, "GET", "/api/v1/me", null, "zh-CN");
            HttpRequestWithWrongPassword.send(port, "xm.reviewer");
        }
        assertThat(wrong.status()).isEqualTo(401);
        ApiClient.Response locked = api.get("xm.reviewer", "/api/v1/persons?q=");
        assertThat(locked.status()).isEqualTo(401);
        // the same answer as for a user name that does not exist: a lock reveals nothing
        ApiClient.Response unknown = api.send(null, "GET", "/api/v1/persons?q=", null, "zh-CN", Map.of(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString("no.such.user:x".getBytes())));
        assertThat(locked.body().path("title").asString()).isEqualTo(unknown.body().path("title").asString());
        assertThat(api.get("xm.clerk", "/api/v1/persons?q=").status()).isEqualTo(200);
    }

    /** Sends one request with a wrong password. */
    static final class HttpRequestWithWrongPassword {
        static void send(int port, String user) {
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":wrong-password").getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
