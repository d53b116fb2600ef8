package org.shebao.identity;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldRules;
import org.shebao.common.InvalidInputException;
import org.shebao.common.PlainText;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration by the security administrator (issue 10; 等保: the duty of users and roles, apart from the
 * system and the audit administrator): staff accounts of their region and below, each with one role; a new account
 * or a reset gets a one-time password, shown once, to be changed at the first login; disable, enable, unlock.
 * Every change goes to the operation log. Portal accounts are not created here (persons and employers register).
 */
@Service
@RequiredArgsConstructor
public class UserAdministration {
    /**
     * A new staff account as the administrator enters it: a login name, the person's name, a staff role (CLERK …) and
     * a region code. The field rules are its annotations; the role and the region are checked against the
     * administrator's own scope by {@link #create}.
     */
    public record NewAccount(@NotBlank(message = "{error.user.username}")
                             @Pattern(regexp = "[a-z][a-z0-9._-]{2,31}", message = "{error.user.username}")
                             String username,
                             @NotBlank @PlainText(max = 50) String displayName, String role, String region) {
        public NewAccount {
            username = FieldRules.trim(username);
            displayName = FieldRules.trim(displayName);
        }
    }

    /** A row of the list. */
    public record Account(long id, String username, String displayName, Role role, String regionCode, boolean enabled,
                          boolean locked, OffsetDateTime lastLogin) {
    }

    private final JdbcClient jdbc;
    private final Users users;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final Validator validator;

    private static void requireSecurityAdmin(ShebaoUser by) {
        if (!by.has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedToRecordException("user administration");
        }
    }

    public List<Account> accounts(ShebaoUser by) {
        requireSecurityAdmin(by);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                SELECT id, username, display_name, role, region_code, enabled, locked_until, last_login_at
                  FROM identity_user WHERE region_code LIKE :scope AND role NOT IN ('INSURED_PERSON', 'EMPLOYER')
                 ORDER BY region_code, role, username""").param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getString("region_code"), rs.getBoolean("enabled"), rs.getObject("locked_until", OffsetDateTime.class) != null
                        && rs.getObject("locked_until", OffsetDateTime.class).isAfter(now), rs.getObject("last_login_at", OffsetDateTime.class)))
                .list();
    }

    /** Creates a staff account; returns its one-time password (shown once). */
    @Transactional
    public String create(ShebaoUser by, NewAccount a) {
        requireSecurityAdmin(by);
        Violations v = Violations.of(validator.validate(a));
        String u = a.username();
        String name = a.displayName();
        Role r = v.oneOf(a.role(), Role.class, "role");
        if (r != null && !r.isStaff()) {
            v.add("role", "error.user.staffOnly");
        }
        RegionCode rc = null;
        try {
            rc = new RegionCode(a.region() == null ? "" : a.region().strip());
            if (!by.region().covers(rc)) {
                v.add("region", "error.user.region");
            }
        } catch (RuntimeException e) {
            v.add("region", "error.format");
        }
        v.throwIfAny();
        if (users.exists(u)) {
            throw new ConflictException("username", "error.user.exists", u);
        }
        String oneTime = passwords.oneTime();
        long id = users.create(new Users.NewUser(u, passwords.hash(oneTime), name, r, rc, null, null));
        jdbc.sql("UPDATE identity_user SET must_change_password = TRUE WHERE id = :id").param("id", id).update();
        audit.record(by.getUsername(), AuditAction.USER_ADMINISTERED, "user " + u, "created: " + r + " " + rc.value());
        return oneTime;
    }

    /** A new account's id and its one-time password (shown once). */
    public record Created(long id, String oneTime) {
    }

    /**
     * Creates the account of an agreement medical institution's user (role HOSPITAL) in a region the administrator
     * covers; the work-injury module links it to its institution in the same transaction. One-time password, changed
     * at the first login.
     */
    @Transactional
    public Created createHospitalUser(ShebaoUser by, String username, String displayName, RegionCode region) {
        requireSecurityAdmin(by);
        if (!by.region().covers(region)) {
            throw new AccessDeniedToRecordException("user administration");
        }
        NewAccount a = new NewAccount(username, displayName, Role.HOSPITAL.name(), region.value());
        Violations.of(validator.validate(a)).throwIfAny();
        if (users.exists(a.username())) {
            throw new ConflictException("username", "error.user.exists", a.username());
        }
        String oneTime = passwords.oneTime();
        long id = users.create(new Users.NewUser(a.username(), passwords.hash(oneTime), a.displayName(), Role.HOSPITAL,
                region, null, null));
        jdbc.sql("UPDATE identity_user SET must_change_password = TRUE WHERE id = :id").param("id", id).update();
        audit.record(by.getUsername(), AuditAction.USER_ADMINISTERED, "user " + a.username(),
                "created: " + Role.HOSPITAL + " " + region.value());
        return new Created(id, oneTime);
    }

    /** A new one-time password for an account of the administrator's region (shown once). */
    @Transactional
    public String resetPassword(ShebaoUser by, long id) {
        Account a = account(by, id);
        String oneTime = passwords.oneTime();
        jdbc.sql("""
                UPDATE identity_user SET password_hash = :h, must_change_password = TRUE, failed_attempts = 0,
                       locked_until = NULL WHERE id = :id""").param("h", passwords.hash(oneTime)).param("id", id).update();
        audit.record(by.getUsername(), AuditAction.USER_ADMINISTERED, "user " + a.username(), "password reset");
        return oneTime;
    }

    @Transactional
    public void setEnabled(ShebaoUser by, long id, boolean enabled) {
        Account a = account(by, id);
        if (a.id() == by.id()) {
            throw InvalidInputException.of("enabled", "error.user.self");
        }
        jdbc.sql("UPDATE identity_user SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id).update();
        audit.record(by.getUsername(), AuditAction.USER_ADMINISTERED, "user " + a.username(), enabled ? "enabled" : "disabled");
    }

    @Transactional
    public void unlock(ShebaoUser by, long id) {
        Account a = account(by, id);
        jdbc.sql("UPDATE identity_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
        audit.record(by.getUsername(), AuditAction.USER_ADMINISTERED, "user " + a.username(), "unlocked");
    }

    private Account account(ShebaoUser by, long id) {
        return accounts(by).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new AccessDeniedToRecordException("user " + id));
    }
}
