package org.shebao;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

/** A browser-like session on the screens (form login with its CSRF token, then the cookie), for plain HTTP tests. */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final int port;

    private WebSession(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private WebSession(int port, HttpClient http) {
        this.port = port;
        this.http = http;
    }

    /** A browser with no session yet. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** The same browser (its cookies) talking to another node of the platform. */
    public WebSession on(int otherPort) {
        return new WebSession(otherPort, http);
    }

    /** Logs in as a demo user; fails when the login is refused. */
    public static WebSession login(int port, String user) throws Exception {
        WebSession s = new WebSession(port);
        String form = s.get("/login").body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + ApiClient.PASSWORD
                        + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused for " + user);
        }
        return s;
    }

    /** A page as a browser asks for it (Accept: text/html), redirects not followed. */
    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A file as a browser downloads it (a sealed PDF): its bytes. */
    public HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Opens a form's page, then posts the form with that page's CSRF token; redirects not followed. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in and returns the session even when the login leads to a forced password change. */
    public static WebSession loginAllowingChange(int port, String user, String password) throws Exception {
        WebSession s = new WebSession(port);
        Matcher m = CSRF.matcher(s.get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused for " + user);
        }
        return s;
    }
}
