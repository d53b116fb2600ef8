package org.shebao.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shebao.common.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.micrometer.core.instrument.Metrics;

/**
 * The users of the platform, and login throttling: after {@code shebao.security.max-failed-logins} wrong
 * passwords in a row an account is locked for {@code shebao.security.lock-minutes}.
 */
@Service
public class Users implements UserDetailsService {
    private static final Logger log = LoggerFactory.getLogger(Users.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailed;
    private final Duration lockFor;

    /** How long a staff password lasts (days; 等保 asks for periodic change). */
    private final int maxAgeDays;

    Users(JdbcClient jdbc, Clock clock, SecurityProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailed = settings.maxFailedLogins();
        this.lockFor = Duration.ofMinutes(settings.lockMinutes());
        this.maxAgeDays = settings.password().maxAgeDays();
    }

    /** A new user account; {@code passwordHash} is already hashed (bcrypt). */
    public record NewUser(String username, String passwordHash, String displayName, Role role, RegionCode region,
                          Long personId, Long employerId) {
    }

    @Transactional
    public long create(NewUser u) {
        return jdbc.sql("""
                        INSERT INTO identity_user (username, password_hash, display_name, role, region_code, person_id, employer_id)
                        VALUES (:username, :hash, :displayName, :role, :region, :personId, :employerId) RETURNING id""")
                .param("username", u.username()).param("hash", u.passwordHash()).param("displayName", u.displayName())
                .param("role", u.role().name()).param("region", u.region().value())
                .param("personId", u.personId()).param("employerId", u.employerId())
                .query(Long.class).single();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM identity_user WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM identity_user").query(Long.class).single();
    }

    /** Summary rows for the README and the admin's user list. */
    public record UserSummary(String username, String displayName, Role role, String regionCode) {
    }

    public List<UserSummary> list() {
        return jdbc.sql("SELECT username, display_name, role, region_code FROM identity_user ORDER BY region_code, role, username")
                .query((rs, i) -> new UserSummary(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getString("region_code"))).list();
    }

    /** The staff accounts of exactly one region (a hall's staff: its city's), by display name. */
    public List<UserSummary> staffOf(String regionCode) {
        return list().stream().filter(u -> u.role().isStaff() && u.regionCode().equals(regionCode))
                .sorted(java.util.Comparator.comparing(UserSummary::displayName)).toList();
    }

    /** The user names holding a role in exactly one region (e.g. the hall managers of a city, to notify them). */
    public List<String> withRole(Role role, String regionCode) {
        return jdbc.sql("SELECT username FROM identity_user WHERE role = :r AND region_code = :region ORDER BY username")
                .param("r", role.name()).param("region", regionCode).query(String.class).list();
    }

    /** The region of a user's account (a portal user's: their own), to file what is addressed to them. */
    public Optional<String> regionOf(String username) {
        return jdbc.sql("SELECT region_code FROM identity_user WHERE username = :u").param("u", username)
                .query(String.class).optional();
    }

    /** The portal user of an insured person, if they have one (to reach them in the portal). */
    public Optional<String> portalUserOf(long personId) {
        return jdbc.sql("SELECT username FROM identity_user WHERE person_id = :p AND role = 'INSURED_PERSON' LIMIT 1")
                .param("p", personId).query(String.class).optional();
    }

    /**
     * The portal users of many insured persons ({@code employers} false) or units (true), by their id: those without
     * one are left out (a targeted notice reaches them on other channels only).
     */
    public java.util.Map<Long, String> portalUsersOf(java.util.Collection<Long> ids, boolean employers) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        List<Long> all = List.copyOf(ids);
        String column = employers ? "employer_id" : "person_id";
        String role = employers ? "EMPLOYER" : "INSURED_PERSON";
        for (int from = 0; from < all.size(); from += 5000) {
            jdbc.sql("SELECT " + column + " AS id, min(username) AS username FROM identity_user WHERE role = :role AND "
                            + column + " IN (:ids) GROUP BY " + column)
                    .param("role", role).param("ids", all.subList(from, Math.min(all.size(), from + 5000)))
                    .query((rs, i) -> out.put(rs.getLong("id"), rs.getString("username"))).list();
        }
        return out;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<ShebaoUser> find(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                        SELECT id, username, password_hash, display_name, role, region_code, person_id, employer_id,
                               enabled, locked_until, must_change_password, password_changed_at
                          FROM identity_user WHERE username = :u""")
                .param("u", username)
                .query((rs, i) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    return new ShebaoUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            new RegionCode(rs.getString("region_code")),
                            (Long) rs.getObject("person_id"), (Long) rs.getObject("employer_id"),
                            rs.getBoolean("enabled"), lockedUntil != null && lockedUntil.isAfter(now),
                            rs.getBoolean("must_change_password") || expired(Role.valueOf(rs.getString("role")),
                                    rs.getObject("password_changed_at", OffsetDateTime.class), now));
                })
                .optional();
    }

    /** A staff password older than {@code shebao.security.password.max-age-days} (GB/T 22239-2019 8.1.4.1). */
    private boolean expired(Role role, OffsetDateTime changedAt, OffsetDateTime now) {
        return role.isStaff() && changedAt != null && changedAt.plusDays(maxAgeDays).isBefore(now);
    }

    /** When the account is locked until, if it is locked now. */
    public Optional<OffsetDateTime> lockedUntil(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("SELECT locked_until FROM identity_user WHERE username = :u").param("u", username)
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional().flatMap(o -> o).filter(t -> t.isAfter(now));
    }

    /**
     * A wrong password, counted in one statement (parallel guesses each count): the {@code max}-th failure in a row
     * locks the account; failures during a lock keep counting but do not lengthen it, and the count goes back to
     * zero only with a successful login, so after a lock has run out one more wrong password locks it again.
     */
    @EventListener
    @Transactional
    public void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Integer failed = jdbc.sql("""
                        UPDATE identity_user
                           SET failed_attempts = failed_attempts + 1,
                               locked_until = CASE WHEN failed_attempts + 1 >= :max
                                                    AND (locked_until IS NULL OR locked_until <= :now)
                                                   THEN :until ELSE locked_until END
                         WHERE username = :u RETURNING failed_attempts""")
                .param("max", maxFailed).param("now", now).param("until", now.plus(lockFor)).param("u", username)
                .query(Integer.class).optional().orElse(null);
        Metrics.counter("shebao.logins.failed").increment();
        if (failed != null && failed == maxFailed) {
            log.warn("Account {} locked for {} after {} failed logins", username, lockFor, maxFailed);
        }
    }

    /**
     * The password was right: the login is admitted only if the account is not locked at this moment, decided in the
     * same statement that resets the count, so a right password arriving in a burst of wrong ones after the lock
     * is refused. Returns whether it was admitted.
     */
    @Transactional
    public boolean admit(String username) {
        return jdbc.sql("""
                UPDATE identity_user SET failed_attempts = 0, locked_until = NULL, last_login_at = :now
                 WHERE username = :u AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("u", username).param("now", OffsetDateTime.now(clock)).update() == 1;
    }
}
