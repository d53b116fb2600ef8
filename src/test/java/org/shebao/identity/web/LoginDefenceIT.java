package org.shebao.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import tools.jackson.databind.ObjectMapper;

@ShebaoIntegrationTest
@DisplayName("Login defence: the lockout counts atomically under parallel guesses, and a valid token survives a lock")
class LoginDefenceIT {
    private static final String USER = "ty.hall";
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    LockingAuthenticationProvider provider;

    private int call(String user, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int failed() {
        return jdbc.sql("SELECT failed_attempts FROM identity_user WHERE username = :u").param("u", USER)
                .query(Integer.class).single();
    }

    @AfterEach
    void unlock() {
        jdbc.sql("UPDATE identity_user SET failed_attempts = 0, locked_until = NULL WHERE username = :u")
                .param("u", USER).update();
    }

    @Test
    @DisplayName("40 wrong passwords in parallel: every one counted, the account locked; the right password after "
            + "them is refused; a login that loaded the account before the lock and checks the right password after "
            + "it is refused too")
    void parallelGuesses() throws Exception {
        UserDetails loadedBeforeTheLock = users.loadUserByUsername(USER);
        long before = jdbc.sql("SELECT COALESCE(max(seq), 0) FROM audit_log").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return call(USER, "wrong-" + Thread.currentThread().getId(), "/api/v1/ping");
            }));
        }
        go.countDown();
        for (Future<Integer> f : calls) {
            assertThat(f.get()).isEqualTo(401);
        }
        pool.shutdown();
        // each guess either counted as a wrong password or, once the lock was in place, refused without a check
        assertThat(failed()).as("wrong passwords counted").isBetween(5, 40);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :u AND action IN ('LOGIN_FAILED','ACCOUNT_LOCKED')"
                + " AND seq > :s").param("u", USER).param("s", before).query(Integer.class).single())
                .as("every guess is in the operation log").isEqualTo(40);
        assertThat(users.lockedUntil(USER)).isPresent();
        assertThat(call(USER, ApiClient.PASSWORD, "/api/v1/ping")).as("the right password while locked").isEqualTo(401);
        // the race that let the right password through: the account was read before the lock, the password checked after
        assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken(USER, ApiClient.PASSWORD)))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> provider.additionalAuthenticationChecks(loadedBeforeTheLock,
                new UsernamePasswordAuthenticationToken(USER, ApiClient.PASSWORD))).isInstanceOf(LockedException.class);
    }

    @Autowired
    LoginThrottle throttle;

    @Test
    @DisplayName("a wrong password over HTTP Basic takes a token from its address's throttle bucket")
    void throttleCounts() throws Exception {
        long before = throttle.available("127.0.0.1");
        call(USER, "wrong", "/api/v1/ping");
        assertThat(throttle.available("127.0.0.1")).isLessThan(before);
    }

    @Test
    @DisplayName("a bearer token issued before the lock keeps working while the password is locked")
    void tokenSurvivesLock() throws Exception {
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + ApiClient.PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String token = new ObjectMapper().readTree(issued.body()).path("token").asString();
        for (int i = 0; i < 5; i++) {
            call(USER, "wrong", "/api/v1/ping");
        }
        assertThat(users.lockedUntil(USER)).isPresent();
        int withToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ping"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(withToken).isEqualTo(200);
    }
}
