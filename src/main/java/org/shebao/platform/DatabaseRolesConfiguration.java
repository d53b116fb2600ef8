package org.shebao.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;
import org.postgresql.Driver;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Migrations run as the schema's owner, the application as a role of its own (issue 10, item 3). With the embedded
 * PostgreSQL both roles are created at start ({@link EmbeddedDatabaseConfiguration}); with an external database the
 * owner is {@code SHEBAO_DB_OWNER_USER} / {@code SHEBAO_DB_OWNER_PASSWORD} and the application's role
 * {@code SHEBAO_DB_USER} (without an owner setting both are the same role, and the start warns).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(DatabaseOwner owner) {
        return configuration -> configuration.dataSource(owner.dataSource());
    }

    /**
     * A node whose program is older than the database's schema does not start (issue 18, faults): Flyway by itself
     * lets a program start on a schema that a newer release migrated further ("future" migrations are ignored), and
     * old code would then work on a new schema. Two nodes starting on a migration at once need nothing here: Flyway
     * holds a PostgreSQL advisory lock while it migrates, so the second waits and then finds the work done.
     */
    @Bean
    FlywayMigrationStrategy refuseNewerSchema() {
        return flyway -> {
            MigrationInfo[] all = flyway.info().all();
            List<String> newer = Arrays.stream(all).filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS
                    || i.getState() == MigrationState.FUTURE_FAILED).map(i -> i.getVersion().getVersion()).toList();
            if (!newer.isEmpty()) {
                String known = Arrays.stream(all).filter(i -> i.getState().isResolved())
                        .map(i -> i.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
                throw new SchemaNewerThanProgramException(newer.get(newer.size() - 1), known);
            }
            flyway.migrate();
        };
    }

    @Bean
    DatabaseGrants databaseGrants(DatabaseOwner owner) {
        return new DatabaseGrants(owner);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabase.class)
    static class External {
        @Bean
        DatabaseOwner databaseOwner(DataSource dataSource, Environment env, PlatformProperties settings)
                throws SQLException {
            String app = currentUser(dataSource);
            PlatformProperties.Owner configured = settings.db().owner();
            if (!StringUtils.hasText(configured.user())) {
                return new DatabaseOwner(dataSource, app, app);
            }
            DataSource owner = new SimpleDriverDataSource(new Driver(),
                    env.getRequiredProperty("spring.datasource.url"), configured.user(), configured.password());
            return new DatabaseOwner(owner, currentUser(owner), app);
        }

        private static String currentUser(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_user")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static class ExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context,
                AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
