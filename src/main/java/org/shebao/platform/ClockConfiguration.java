package org.shebao.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one source of “now”: Asia/Shanghai. {@code shebao.clock.fixed=2020-03-15T09:00} freezes it so that a
 * scenario can be replayed.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock(PlatformProperties settings) {
        String fixed = settings.clock().fixed();
        if (StringUtils.hasText(fixed)) {
            return Clock.fixed(LocalDateTime.parse(fixed).atZone(ZONE).toInstant(), ZONE);
        }
        return Clock.system(ZONE);
    }
}
