package org.shebao.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's settings, in one place (README 「Configuration」). They sit in several groups under {@code shebao.*},
 * as they always have: {@code shebao.demo.enabled}, {@code shebao.events.*}, {@code shebao.clock.*} and
 * {@code shebao.db.*}; the other groups there belong to the modules' own records and are ignored here.
 *
 * <p>The demo switch is the platform's: it decides how the whole platform starts (the demo module seeds its data, the
 * identity module creates no bootstrap administrator, the casework module accepts the seal keystore's demo
 * password), so every module that needs it reads it here, and none depends on the demo module for it.
 *
 * @param demo   {@code shebao.demo.enabled} ({@code SHEBAO_DEMO})
 * @param events {@code shebao.events.*}: retrying events between modules whose delivery failed
 * @param clock  {@code shebao.clock.*}: the one source of “now”
 * @param db     {@code shebao.db.*}: the database's owner role and the embedded PostgreSQL
 */
@ConfigurationProperties("shebao")
public record PlatformProperties(@DefaultValue Demo demo, @DefaultValue Events events, @DefaultValue Clock clock,
                                 @DefaultValue Db db) {

    /**
     * @param enabled seed the demo on first start and run as a demo (default true; set false in production)
     */
    public record Demo(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param retryOlderThan a delivery incomplete for longer than this is handed to its listener again
     * @param retryEvery     how often the platform looks for such deliveries (also the delay after the start)
     */
    public record Events(@DefaultValue("PT5M") Duration retryOlderThan, @DefaultValue("PT5M") Duration retryEvery) {
    }

    /**
     * @param fixed empty: the system clock (Asia/Shanghai); a local date-time such as {@code 2020-03-15T09:00}
     *              freezes it there, to replay a scenario
     */
    public record Clock(@DefaultValue("") String fixed) {
    }

    /**
     * @param owner    an external database's schema owner, who runs the migrations
     * @param embedded the embedded PostgreSQL, started when no {@code spring.datasource.url} is set
     */
    public record Db(@DefaultValue Owner owner, @DefaultValue Embedded embedded) {
    }

    /**
     * @param user     {@code SHEBAO_DB_OWNER_USER}; empty: the application's own role does both (the start warns)
     * @param password {@code SHEBAO_DB_OWNER_PASSWORD}
     */
    public record Owner(@DefaultValue("") String user, @DefaultValue("") String password) {
    }

    /**
     * @param dataDir            {@code SHEBAO_DATA_DIR}: the data directory, kept across restarts
     * @param cleanDataDirectory start from an empty directory (tests and benchmarks only)
     * @param port               0: any free port
     * @param poolSize           the application's connection pool
     */
    public record Embedded(@DefaultValue("./data/pg") String dataDir, @DefaultValue("false") boolean cleanDataDirectory,
                           @DefaultValue("0") int port, @DefaultValue("20") int poolSize) {
        public Embedded {
            dataDir = dataDir == null || dataDir.isBlank() ? "./data/pg" : dataDir; // SHEBAO_DATA_DIR set but empty
        }
    }
}
