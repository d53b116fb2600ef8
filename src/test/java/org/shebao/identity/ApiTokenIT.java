package org.shebao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("API bearer tokens for the mobile app: one password check, then the token; revoked means refused")
class ApiTokenIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private int get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @DisplayName("a token from POST /api/v1/tokens opens the API as its user, is stored only as a hash, and stops working once revoked")
    void tokenLifecycle() throws Exception {
        ApiClient.Response issued = new ApiClient(port).post("citizen.ty", "/api/v1/tokens", "{}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().path("token").asString();
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_api_token WHERE token_hash = :t").param("t", token)
                .query(Integer.class).single()).as("the token itself is not stored").isZero();
        assertThat(get("/api/v1/ping", "Bearer " + token)).isEqualTo(200);
        assertThat(get("/api/v1/cases", "Bearer " + token)).isEqualTo(200);
        assertThat(get("/api/v1/ping", "Bearer " + token + "x")).isEqualTo(401);
        assertThat(get("/api/v1/ping", null)).isEqualTo(401);
        HttpRequest revoke = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens/current"))
                .header("Authorization", "Bearer " + token).DELETE().build();
        assertThat(HttpClient.newHttpClient().send(revoke, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/ping", "Bearer " + token)).isEqualTo(401);
    }
}
