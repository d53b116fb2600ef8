package org.shebao.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
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
