package org.shebao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the JSON API, as the mobile app would call it. */
public final class ApiClient {
    public static final String PASSWORD = "Shebao@2020";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String firstErrorField() {
            return body.path("errors").path(0).path("field").asText();
        }

        public String firstErrorMessage() {
            return body.path("errors").path(0).path("message").asText();
        }
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null, "zh-CN");
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body, "zh-CN");
    }

    public Response put(String user, String path, Object body) {
        return send(user, "PUT", path, body, "zh-CN");
    }

    public Response send(String user, String method, String path, Object body, String language) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", language)
                    .header("Accept", "application/json");
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            if (body != null) {
                String text = body instanceof String s ? s : json.writeValueAsString(body);
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = r.body() == null || r.body().isBlank() || !r.body().trim().startsWith("{")
                    && !r.body().trim().startsWith("[") ? json.createObjectNode() : json.readTree(r.body());
            return new Response(r.statusCode(), node, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
