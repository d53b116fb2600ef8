package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SX-1b: the security administrator creates and disables the users of an agreement medical institution on the
 * hospital users screen; a new account has the role HOSPITAL, logs in with its one-time password and sees its own
 * institution only.
 */
@ShebaoIntegrationTest
@DisplayName("SX-1b: the security administrator's hospital users screen — HOSPITAL accounts of one institution, created and disabled")
class HospitalUsersIT {
    private static final Pattern ONE_TIME = Pattern.compile("<code class=\"fs-5\">([^<]+)</code>");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TestUsers users;
    @Autowired
    Institutions institutions;
    @Autowired
    HospitalUsers hospitalUsers;

    private Institution institution(String suffix) {
        LocalDate today = LocalDate.now(clock);
        return institutions.register(users.get("ty.reviewer"), new Institutions.NewInstitution(null,
                "太原用户测试医院" + suffix, "TEST-HU-" + suffix, today.minusYears(1).toString(),
                today.plusYears(1).toString(), null));
    }

    @Test
    @DisplayName("SX-1b: sx.security creates an account of one institution (HOSPITAL, one-time password, that institution "
            + "only), disables it (login refused) and enables it; a bad login name and a taken one are refused with the "
            + "reason, nothing written; another region's administrator and another institution's path are refused")
    void createdAndDisabled() throws Exception {
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        Institution a = institution("A" + n);
        Institution b = institution("B" + n);
        String login = "hu.a" + n;
        WebSession admin = WebSession.login(port, "sx.security");
        HttpResponse<String> created = admin.submit("/security/hospitals",
                "/security/hospitals/" + a.id() + "/users", Map.of("username", login, "displayName", "医保办 张"));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = admin.get("/security/hospitals").body();
        Matcher m = ONE_TIME.matcher(page);
        assertThat(m.find()).as("the one-time password shown once").isTrue();
        assertThat(page).contains("太原用户测试医院A" + n, login, "医保办 张").doesNotContain("HOSPITAL");
        assertThat(jdbc.sql("SELECT role || ' ' || region_code FROM identity_user WHERE username = :u").param("u", login)
                .query(String.class).single()).isEqualTo("HOSPITAL 140100");
        assertThat(institutions.institutionOf(users.get(login))).map(Institution::id).contains(a.id());
        WebSession.loginAllowingChange(port, login, m.group(1)); // the one-time password logs in

        long id = jdbc.sql("SELECT id FROM identity_user WHERE username = :u").param("u", login).query(Long.class).single();
        admin.submit("/security/hospitals", "/security/hospitals/" + a.id() + "/users/" + id + "/enabled",
                Map.of("enabled", "false"));
        assertThat(enabled(login)).isFalse();
        assertThatThrownBy(() -> WebSession.loginAllowingChange(port, login, m.group(1)))
                .hasMessageContaining("login refused");
        assertThatThrownBy(() -> hospitalUsers.setEnabled(users.get("sx.security"), b.id(), id, true))
                .as("not an account of institution B").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> hospitalUsers.setEnabled(users.get("fj.security"), a.id(), id, true))
                .isInstanceOf(AccessDeniedToRecordException.class);
        assertThatThrownBy(() -> hospitalUsers.create(users.get("ty.reviewer"), a.id(), "hu.x" + n, "某人"))
                .isInstanceOf(AccessDeniedToRecordException.class);
        assertThat(enabled(login)).isFalse();
        hospitalUsers.setEnabled(users.get("sx.security"), a.id(), id, true);
        assertThat(enabled(login)).isTrue();

        int before = jdbc.sql("SELECT count(*) FROM identity_user").query(Integer.class).single();
        String bad = admin.submit("/security/hospitals", "/security/hospitals/" + b.id() + "/users",
                Map.of("username", "X!", "displayName", "医保办 李")).body();
        assertThat(bad).contains("用户名为 3 至 32 位小写字母");
        String taken = admin.submit("/security/hospitals", "/security/hospitals/" + b.id() + "/users",
                Map.of("username", login, "displayName", "医保办 李")).body();
        assertThat(taken).contains(login);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_user").query(Integer.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM workinjury_institution_user WHERE institution_id = :b")
                .param("b", b.id()).query(Integer.class).single()).as("nothing written for B").isZero();
    }

    private boolean enabled(String login) {
        return jdbc.sql("SELECT enabled FROM identity_user WHERE username = :u").param("u", login)
                .query(Boolean.class).single();
    }
}
