package org.shebao.identity;

import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.shebao.platform.FirstStart;
import org.springframework.stereotype.Component;

/**
 * The first start without the demo (issue 10): nobody could log in. It creates one security administrator
 * ({@code security}, national), whose password is {@code SHEBAO_ADMIN_PASSWORD} or else a one-time password printed
 * once to the log; it must be changed at the first login. That account then creates the other users (the system and
 * the audit administrator among them: 等保's three duties are three accounts). Nodes started at once on an empty
 * database create it once ({@link FirstStart}).
 */
@Component
@Order(100)
@RequiredArgsConstructor
class BootstrapAdministrator implements ApplicationRunner {
    static final String USERNAME = "security";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    private final Users users;
    private final Passwords passwords;
    private final JdbcClient jdbc;
    private final PlatformProperties platform;
    private final SecurityProperties settings;
    private final TransactionTemplate tx;

    @Override
    public void run(ApplicationArguments args) {
        if (platform.demo().enabled() || users.count() > 0) {
            return;
        }
        tx.executeWithoutResult(s -> {
            FirstStart.lock(jdbc); // several nodes started at once on an empty database: one creates the account
            if (users.count() == 0) {
                create();
            }
        });
    }

    private void create() {
        String given = settings.adminPassword();
        String password = given == null || given.isBlank() ? passwords.oneTime() : given;
        long id = users.create(new Users.NewUser(USERNAME, passwords.hash(password), "安全管理员", Role.SECURITY_ADMIN,
                new RegionCode("000000"), null, null));
        jdbc.sql("UPDATE identity_user SET must_change_password = TRUE WHERE id = :id").param("id", id).update();
        if (given == null || given.isBlank()) {
            log.warn("First start: security administrator '{}' created with the one-time password {}  (shown once; "
                    + "it must be changed at the first login)", USERNAME, password);
        } else {
            log.warn("First start: security administrator '{}' created with the password from SHEBAO_ADMIN_PASSWORD; "
                    + "it must be changed at the first login", USERNAME);
        }
    }
}
