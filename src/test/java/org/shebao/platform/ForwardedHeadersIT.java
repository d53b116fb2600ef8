package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 18 (nodes behind nginx): the client's address comes from the proxy's X-Forwarded-For. */
@ShebaoIntegrationTest
@DisplayName("Behind a proxy: the operation log records the client's address that nginx forwards, not nginx's")
class ForwardedHeadersIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a wrong password sent through a proxy on this host is logged with the forwarded client address")
    void clientAddressFromTheProxy() throws Exception {
        String unknownUser = "nobody.forwarded";
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ping"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((unknownUser + ":wrong-password").getBytes()))
                        .header("X-Forwarded-For", "203.0.113.7")
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(status).isEqualTo(401);
        assertThat(jdbc.sql("SELECT ip FROM audit_log WHERE actor = :a AND action = 'LOGIN_FAILED' ORDER BY seq DESC LIMIT 1")
                .param("a", unknownUser).query(String.class).single()).isEqualTo("203.0.113.7");
    }
}
