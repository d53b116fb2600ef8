package org.shebao.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.shebao.common.Sha256;

/**
 * Bearer tokens for the mobile app: one password check (HTTP Basic on {@code POST /api/v1/tokens}) gives a token
 * valid for {@code shebao.security.api-token-hours}; later requests carry {@code Authorization: Bearer …} and cost
 * a hash and a primary-key lookup instead of a bcrypt check. Only the token's SHA-256 is stored.
 */
@Service
public class ApiTokens {
    /** A token as issued (the only time its value is seen). */
    public record Issued(String token, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Users users;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, Users users, SecurityProperties settings) {
        long hours = settings.apiTokenHours();
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.lifetime = Duration.ofHours(hours);
    }

    @Transactional
    public Issued issue(ShebaoUser user) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(lifetime);
        jdbc.sql("DELETE FROM identity_api_token WHERE expires_at < :now").param("now", now).update();
        jdbc.sql("INSERT INTO identity_api_token (token_hash, username, created_at, expires_at) VALUES (:h, :u, :now, :exp)")
                .param("h", hash(token)).param("u", user.getUsername()).param("now", now).param("exp", expires).update();
        return new Issued(token, expires);
    }

    /**
     * The user a token stands for, while it is valid and the account is enabled. A lock (wrong passwords) does not
     * stop a token issued by an earlier successful login: locking someone out of the app would otherwise be free.
     */
    public Optional<ShebaoUser> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT username FROM identity_api_token WHERE token_hash = :h AND expires_at > :now")
                .param("h", hash(token)).param("now", OffsetDateTime.now(clock)).query(String.class).optional()
                .flatMap(users::find)
                .filter(u -> u.isEnabled());
    }

    @Transactional
    public boolean revoke(String token) {
        return jdbc.sql("DELETE FROM identity_api_token WHERE token_hash = :h").param("h", hash(token)).update() > 0;
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
