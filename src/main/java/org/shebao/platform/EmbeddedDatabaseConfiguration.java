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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Starts an embedded PostgreSQL (zonky) when no {@code spring.datasource.url} (or {@code SHEBAO_DB_URL}) is set.
 * Its data directory ({@code ./data/pg} by default) is kept across restarts; its settings are
 * {@code shebao.db.embedded.*} ({@link PlatformProperties.Embedded}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformProperties settings) throws IOException {
        PlatformProperties.Embedded props = settings.db().embedded();
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
        try {
            roles(pg);
        } catch (SQLException e) {
            pg.close();
            throw new IllegalStateException("could not set up the database roles: " + e.getMessage(), e);
        }
        log.info("Embedded PostgreSQL started, data in {}, JDBC URL {} (the application connects as {}, migrations as {})",
                dir, pg.getJdbcUrl(APP, "postgres"), APP, OWNER);
        return pg;
    }

    /**
     * As the cluster's superuser: the owner role that migrations run as and the application's role (issue 10, item
     * 3). Objects that an earlier version created as the superuser pass to the owner (ALTER TABLE also moves the
     * table's indexes and sequences), so existing data directories keep working.
     */
    private static void roles(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shebao_owner') THEN
                        CREATE ROLE shebao_owner LOGIN CREATEDB;
                      END IF;
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shebao_app') THEN
                        CREATE ROLE shebao_app LOGIN;
                      END IF;
                      ALTER SCHEMA public OWNER TO shebao_owner;
                      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                      FOR r IN SELECT c.oid::regclass AS o, c.relkind FROM pg_class c
                                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
                                  AND c.relowner <> 'shebao_owner'::regrole LOOP
                        EXECUTE format('ALTER %s %s OWNER TO shebao_owner',
                                       CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.o);
                      END LOOP;
                      FOR r IN SELECT c.oid::regclass AS o FROM pg_class c
                                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
                                  AND c.relowner <> 'shebao_owner'::regrole LOOP
                        EXECUTE format('ALTER SEQUENCE %s OWNER TO shebao_owner', r.o);
                      END LOOP;
                      FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
                                WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'shebao_owner'::regrole LOOP
                        EXECUTE format('ALTER FUNCTION %s OWNER TO shebao_owner', r.f);
                      END LOOP;
                    END $$""");
        }
    }

    static final String OWNER = "shebao_owner";
    static final String APP = "shebao_app";

    @Bean
    DatabaseOwner databaseOwner(EmbeddedPostgres pg) {
        return new DatabaseOwner(new SimpleDriverDataSource(new Driver(),
                pg.getJdbcUrl(OWNER, "postgres")), OWNER, APP);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, PlatformProperties settings) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl(APP, "postgres"));
        ds.setUsername(APP);
        ds.setMaximumPoolSize(settings.db().embedded().poolSize());
        ds.setPoolName("shebao-embedded");
        return ds;
    }
}
