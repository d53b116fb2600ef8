package org.shebao.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity module's settings, in one place ({@code shebao.security.*}; README 「Configuration」).
 *
 * @param maxFailedLogins            wrong passwords in a row that lock an account
 * @param lockMinutes                how long the lock lasts
 * @param failedLoginsPerIpPerMinute wrong passwords one client address may send (any accounts) before a 429
 * @param apiTokenHours              how long a bearer token of the mobile app lasts
 * @param adminPassword              the bootstrap security administrator's first password (SHEBAO_ADMIN_PASSWORD);
 *                                   empty: a one-time password is printed once to the log
 * @param password                   the staff password policy
 */
@ConfigurationProperties("shebao.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15") int lockMinutes,
                                 @DefaultValue("30") int failedLoginsPerIpPerMinute,
                                 @DefaultValue("8") long apiTokenHours, @DefaultValue("") String adminPassword,
                                 @DefaultValue Password password) {

    /**
     * @param minLength  at least this many characters (of three kinds)
     * @param history    none of the last this many passwords again
     * @param maxAgeDays a staff password is changed after this many days (等保: periodic change)
     */
    public record Password(@DefaultValue("8") int minLength, @DefaultValue("5") int history,
                           @DefaultValue("90") int maxAgeDays) {
    }
}
