package org.shebao;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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
            return body.path("errors").path(0).path("field").asString();
        }

        public String firstErrorMessage() {
            return body.path("errors").path(0).path("message").asString();
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

    /** A file part of a multipart request. */
    public record FilePart(String name, String fileName, String contentType, byte[] bytes) {
    }

    /** POST with extra headers (e.g. Idempotency-Key). */
    public Response post(String user, String path, Object body, Map<String, String> headers) {
        return send(user, "POST", path, body, "zh-CN", headers);
    }

    /** A multipart/form-data POST: an {@code application} JSON part and files. */
    public Response multipart(String user, String path, Object application, List<FilePart> files,
                              Map<String, String> headers) {
        try {
            String boundary = "----shebao" + System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String json1 = application instanceof String s ? s : json.writeValueAsString(application);
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                    + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(json1.getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            for (FilePart f : files) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"; filename=\""
                        + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(f.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            Map<String, String> h = new HashMap<>(headers);
            h.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            return raw(user, "POST", path, out.toByteArray(), "zh-CN", h);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response send(String user, String method, String path, Object body, String language) {
        return send(user, method, path, body, language, Map.of());
    }

    public Response send(String user, String method, String path, Object body, String language,
                         Map<String, String> headers) {
        if (body == null) {
            return raw(user, method, path, null, language, headers);
        }
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        Map<String, String> h = new HashMap<>(headers);
        h.put("Content-Type", "application/json");
        return raw(user, method, path, text.getBytes(StandardCharsets.UTF_8), language, h);
    }

    private Response raw(String user, String method, String path, byte[] body, String language,
                         Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", language)
                    .header("Accept", "application/json");
            headers.forEach(b::header);
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            if (body != null) {
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
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
