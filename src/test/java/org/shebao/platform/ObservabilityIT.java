package org.shebao.platform;

import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.shebao.common.IdNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Operations (issue 10, item 9): health for load balancers, the platform's own metrics, logs without ID numbers. */
@ShebaoIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Observability: liveness and readiness with the database, the platform's metrics, no full ID number in the logs")
class ObservabilityIT {
    @Autowired
    ApiClient api;
    private static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])");
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("liveness and readiness (with the database) answer UP to anyone, without details")
    void health() throws Exception {
        HttpResponse<String> live = get("/actuator/health/liveness");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> ready = get("/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").doesNotContain("jdbc");
    }

    @Test
    @DisplayName("the metrics (from this machine) include cases submitted and waiting, payroll lines and progress, "
            + "the outbox backlog and failed logins")
    void metrics() throws Exception {
        api.post("citizen.xz", "/api/v1/cases", Map.of("type", "CERTIFICATE_REQUEST", "form",
                Map.of("certificate", "CONTRIBUTION_RECORD", "purpose", "运维测试")));
        api.send(null, "GET", "/api/v1/ping", null, "zh-CN", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("xz.reviewer:wrong".getBytes())));
        HttpResponse<String> m = get("/actuator/prometheus");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).contains("shebao_cases_submitted_total{", "shebao_cases_waiting{", "status=\"SUBMITTED\"",
                "shebao_payroll_runs_running", "shebao_payroll_progress", "shebao_notifications_backlog",
                "shebao_logins_failed_total");
    }

    @Test
    @DisplayName("registering a person, searching by the full number and revealing it leave no full ID number in the logs")
    void noFullIdInLogs(CapturedOutput output) throws Exception {
        String first17 = "35020219770707" + "515";
        String id = first17 + IdNumber.checkChar(first17);
        long person = api.post("xm.clerk", "/api/v1/persons", Map.of("idNumber", id, "name", "日志测试", "phone",
                "13905920077", "hukouRegion", "350202", "regionCode", "350200")).body().path("id").asLong();
        api.get("xm.clerk", "/api/v1/persons?q=" + id);
        assertThat(person).isPositive();
        assertThat(FULL_ID.matcher(output.getAll()).find()).as("a full ID number in the log output").isFalse();
        assertThat(output.getAll()).contains(IdNumber.mask(id));
    }

    @Test
    @DisplayName("the metrics refuse a client on another address (this machine's network address, not loopback) "
            + "that is not logged in as an administrator")
    void metricsRefusedFromElsewhere() throws Exception {
        InetAddress external = Collections.list(NetworkInterface.getNetworkInterfaces())
                .stream().filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                }).flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst()
                .orElseThrow(() -> new AssertionError("this machine has no network address besides loopback"));
        HttpResponse<String> m = http.send(HttpRequest.newBuilder(URI.create("http://" + external.getHostAddress()
                        + ":" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(m.statusCode()).as("from " + external.getHostAddress()).isNotEqualTo(200);
        assertThat(m.body()).doesNotContain("shebao_");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://" + external.getHostAddress()
                + ":" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("health answers anyone").isEqualTo(200);
    }

    @Test
    @DisplayName("SHEBAO_LOG_FORMAT=json: the platform started in its own JVM writes every log line as one JSON object "
            + "(Elastic Common Schema: @timestamp, log.level, message), and it does its work")
    void jsonLogs() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.shebao.ShebaoApplication",
                "--spring.datasource.url=", "--shebao.db.embedded.data-dir=target/pg-json-log",
                "--shebao.db.embedded.clean-data-directory=true", "--shebao.demo.enabled=false",
                "--server.port=0", "--spring.main.banner-mode=off",
                "--shebao.seal.keystore=target/keys/seal.p12", "--shebao.seal.keystore-password=it-Seal-2026",
                "--shebao.personal-data.key-file=target/keys/personal-data.key",
                "--backup.to=target/json-log-backup.zip").redirectErrorStream(true);
        pb.environment().put("SHEBAO_LOG_FORMAT", "json");
        pb.environment().remove("SHEBAO_DB_URL");
        Process jvm = pb.start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        assertThat(jvm.waitFor()).as(String.join("\n", lines)).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> logLines = lines.stream().filter(l -> !l.startsWith("backup written to")).toList();
        assertThat(logLines).hasSizeGreaterThan(5);
        for (String line : logLines) {
            JsonNode n = json.readTree(line);
            assertThat(n.has("@timestamp") && n.path("log").has("level") && n.has("message")).as(line).isTrue();
        }
        assertThat(lines).anyMatch(l -> l.startsWith("backup written to"));
    }
}
