package org.shebao.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name people read for an account (「福州受理 林小燕」), never its login name: for every screen that shows who did
 * something ({@code @userNames.of(login)} in the templates). A login that is no account (a system step) is shown as
 * it is. Names are cached for a minute.
 */
@Component("userNames")
@RequiredArgsConstructor
public class UserNames {
    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Cached(String name, long at) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public String of(String login) {
        if (login == null || login.isBlank()) {
            return "";
        }
        long now = System.nanoTime();
        Cached c = cache.get(login);
        if (c == null || now - c.at() > KEEP.toNanos()) {
            String name = jdbc.sql("SELECT display_name FROM identity_user WHERE username = :u").param("u", login)
                    .query(String.class).optional().orElse(login);
            c = new Cached(name, now);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(login, c);
        }
        return c.name();
    }
}
