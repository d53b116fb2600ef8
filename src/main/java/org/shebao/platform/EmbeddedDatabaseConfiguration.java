package org.shebao.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL (zonky) when no {@code spring.datasource.url} (or {@code SHEBAO_DB_URL}) is set.
 * Its data directory ({@code ./data/pg} by default) is kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    record EmbeddedDbProperties(String dataDir, Boolean cleanDataDirectory, Integer port, Integer poolSize) {
        EmbeddedDbProperties {
            dataDir = StringUtils.hasText(dataDir) ? dataDir : "./data/pg";
            cleanDataDirectory = cleanDataDirectory != null && cleanDataDirectory;
            port = port == null ? 0 : port;
            poolSize = poolSize == null ? 20 : poolSize;
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    @Bean
    EmbeddedDbProperties embeddedDbProperties(org.springframework.core.env.Environment env) {
        return new EmbeddedDbProperties(env.getProperty("shebao.db.embedded.data-dir"),
                env.getProperty("shebao.db.embedded.clean-data-directory", Boolean.class),
                env.getProperty("shebao.db.embedded.port", Integer.class),
                env.getProperty("shebao.db.embedded.pool-size", Integer.class));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDbProperties props) throws IOException {
        Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        if (!props.cleanDataDirectory()) {
            EmbeddedDataDirectory.check(dir);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(props.cleanDataDirectory())
                // durable: the library turns these off for throw-away test databases; the platform's data is real
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("timezone", "Asia/Shanghai")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C");
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started, data in {}, JDBC URL {}", dir, pg.getJdbcUrl("postgres", "postgres"));
        return pg;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, EmbeddedDbProperties props) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(props.poolSize());
        ds.setPoolName("shebao-embedded");
        return ds;
    }
}
