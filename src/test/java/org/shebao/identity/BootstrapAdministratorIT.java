package org.shebao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.shebao.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Installable (issue 10, item 1): the first start without the demo lets exactly one administrator in. */
@DisplayName("First start without the demo: one security administrator, who must change the one-time password first")
class BootstrapAdministratorIT {

    @Test
    @DisplayName("the bootstrap account exists alone; it is sent to change its password, a weak one is refused with "
            + "the rule, a strong one accepted; it creates a clerk, whose one-time password is shown once and must be "
            + "changed at the first login; a clerk cannot administer users")
    void bootstrap() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShebaoApplication.class).run(
                "--spring.datasource.url=", "--shebao.db.embedded.data-dir=target/pg-bootstrap",
                "--shebao.db.embedded.clean-data-directory=true", "--server.port=0", "--shebao.demo.enabled=false",
                "--shebao.security.admin-password=Start#2026x", "--logging.level.root=WARN",
                "--shebao.seal.keystore=target/keys/seal-bootstrap.p12", "--shebao.seal.keystore-password=x-Seal-2026",
                "--shebao.personal-data.key-file=target/keys/personal-data.key")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT username || ' ' || role || ' ' || must_change_password FROM identity_user")
                    .query(String.class).list()).containsExactly("security SECURITY_ADMIN true");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            WebSession s = WebSession.loginAllowingChange(port, "security", "Start#2026x");
            HttpResponse<String> elsewhere = s.get("/registry/persons");
            assertThat(elsewhere.statusCode()).isEqualTo(302);
            assertThat(elsewhere.headers().firstValue("Location").orElse("")).endsWith("/account/password");
            HttpResponse<String> weak = s.submit("/account/password", "/account/password", Map.of(
                    "currentPassword", "Start#2026x", "newPassword", "password1", "confirmPassword", "password1"));
            assertThat(weak.statusCode()).isEqualTo(200);
            assertThat(weak.body()).contains("至少 8 位").contains("过于常见");
            HttpResponse<String> done = s.submit("/account/password", "/account/password", Map.of(
                    "currentPassword", "Start#2026x", "newPassword", "Qiang#Mima2026", "confirmPassword", "Qiang#Mima2026"));
            assertThat(done.headers().firstValue("Location").orElse("")).contains("/login?changed");
            assertThat(jdbc.sql("SELECT must_change_password FROM identity_user WHERE username = 'security'")
                    .query(Boolean.class).single()).isFalse();
            WebSession again = WebSession.loginAllowingChange(port, "security", "Qiang#Mima2026");
            assertThat(again.get("/").statusCode()).isEqualTo(200);

            // the security administrator creates a clerk; a bad user name is refused and keeps what was typed
            HttpResponse<String> bad = again.submit("/security/users", "/security/users", Map.of("username", "X!",
                    "displayName", "福州受理 新", "role", "CLERK", "region", "350100"));
            assertThat(bad.body()).contains("用户名为 3 至 32 位").contains("福州受理 新");
            HttpResponse<String> created = again.submit("/security/users", "/security/users", Map.of(
                    "username", "fz.newclerk", "displayName", "福州受理 新", "role", "CLERK", "region", "350100"));
            assertThat(created.statusCode()).isEqualTo(302);
            String page = again.get("/security/users").body();
            Matcher m = Pattern.compile("<code class=\"fs-5\">([^<]+)</code>").matcher(page);
            assertThat(m.find()).as("the one-time password is shown once").isTrue();
            String oneTime = m.group(1);
            assertThat(again.get("/security/users").body()).doesNotContain(oneTime);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'USER_ADMINISTERED' AND target = 'user fz.newclerk'")
                    .query(Integer.class).single()).isEqualTo(1);
            // the clerk logs in with it and has to change it first
            WebSession clerk = WebSession.loginAllowingChange(port, "fz.newclerk", oneTime);
            assertThat(clerk.get("/registry/persons").headers().firstValue("Location").orElse("")).endsWith("/account/password");
            HttpResponse<String> changed = clerk.submit("/account/password", "/account/password", Map.of(
                    "currentPassword", oneTime, "newPassword", "Fuzhou#2026ok", "confirmPassword", "Fuzhou#2026ok"));
            assertThat(changed.headers().firstValue("Location").orElse("")).contains("/login?changed");
            WebSession working = WebSession.loginAllowingChange(port, "fz.newclerk", "Fuzhou#2026ok");
            assertThat(working.get("/registry/persons").statusCode()).isEqualTo(200);
            // a clerk cannot administer users
            assertThat(working.get("/security/users").statusCode()).isEqualTo(403);
        }
    }
}
