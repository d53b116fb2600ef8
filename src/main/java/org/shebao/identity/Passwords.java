package org.shebao.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.shebao.common.Violations;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password rules and changes. Staff (GB/T 22239-2019 8.1.4.1 身份鉴别): at least {@code min-length} characters of at
 * least three kinds (upper case, lower case, digits, symbols), none of the last {@code history} passwords, changed
 * every {@code max-age-days}. Insured persons and employers (OWASP ASVS 2.1): at least 12 characters, no composition
 * rules, not a common password. A one-time password (first start, a reset) must be changed before anything else.
 */
@Service
public class Passwords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+=@";
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final int minLength;
    private final int history;
    private final Set<String> common = new HashSet<>();
    private final SecureRandom random = new SecureRandom();

    Passwords(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, SecurityProperties settings) throws IOException {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.minLength = settings.password().minLength();
        this.history = settings.password().history();
        try (InputStream in = new ClassPathResource("identity/common-passwords.txt").getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    common.add(line.strip().toLowerCase());
                }
            }
        }
    }

    /** A random one-time password (16 characters, all kinds). */
    public String oneTime() {
        StringBuilder b = new StringBuilder("Aa1#");
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    public String hash(String raw) {
        return encoder.encode(raw);
    }

    /** The rule's violations of a new password for a role (empty: acceptable). */
    public Violations check(Role role, String raw) {
        Violations v = new Violations();
        String p = raw == null ? "" : raw;
        if (role.isStaff()) {
            int kinds = (p.chars().anyMatch(Character::isUpperCase) ? 1 : 0) + (p.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                    + (p.chars().anyMatch(Character::isDigit) ? 1 : 0)
                    + (p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
            if (p.length() < minLength || kinds < 3) {
                v.add("newPassword", "error.password.staff", minLength);
            }
        } else if (p.length() < 12) {
            v.add("newPassword", "error.password.portal", 12);
        }
        if (common.contains(p.toLowerCase())) {
            v.add("newPassword", "error.password.common");
        }
        return v;
    }

    /**
     * Changes a user's password: the current one must be right, the new one must follow the role's rule and not be
     * one of the last ones; the must-change mark is cleared. Refused with every reason at once, changing nothing.
     */
    @Transactional
    public void change(ShebaoUser user, String current, String fresh, String confirm) {
        String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE id = :id").param("id", user.id())
                .query(String.class).single();
        Violations v = new Violations();
        if (current == null || !encoder.matches(current, hash)) {
            v.add("currentPassword", "error.password.current");
        }
        v.throwIfAny();
        Violations rule = check(user.role(), fresh);
        rule.list().forEach(x -> v.add(x.field(), x.code(), x.args().toArray()));
        if (fresh != null && !fresh.equals(confirm)) {
            v.add("confirmPassword", "error.password.confirm");
        }
        List<String> last = jdbc.sql("""
                SELECT password_hash FROM identity_password_history WHERE user_id = :id ORDER BY changed_at DESC LIMIT :n""")
                .param("id", user.id()).param("n", history).query(String.class).list();
        if (fresh != null && (encoder.matches(fresh, hash) || last.stream().anyMatch(h -> encoder.matches(fresh, h)))) {
            v.add("newPassword", "error.password.reused", history);
        }
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO identity_password_history (user_id, password_hash, changed_at) VALUES (:id, :h, :now)")
                .param("id", user.id()).param("h", hash).param("now", now).update();
        jdbc.sql("""
                UPDATE identity_user SET password_hash = :h, must_change_password = FALSE, password_changed_at = :now
                 WHERE id = :id""").param("h", encoder.encode(fresh)).param("now", now).param("id", user.id()).update();
    }
}
