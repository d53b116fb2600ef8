package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** Faults of a cluster (issue 18): a node older than the database's schema is refused with what to do. */
@DisplayName("A node whose program is older than the database's schema does not start")
class SchemaVersionIT {

    private static final Path DATA = Path.of("target/pg-schema-version");

    /** Both starts on one data directory, kept after the first (the embedded database's "clean" removes it on stop). */
    private static String[] args() {
        // its own embedded database even where the suite runs on an external one (SHEBAO_DB_URL): the test writes
        // a newer release's migration into the history, which no other test may see
        return new String[] {"--spring.datasource.url=", "--server.port=0", "--spring.main.banner-mode=off",
                "--shebao.db.embedded.data-dir=" + DATA, "--shebao.db.embedded.clean-data-directory=false",
                "--shebao.demo.enabled=false",
                "--shebao.security.admin-password=Start#2026x", "--logging.level.root=WARN",
                "--shebao.seal.keystore=target/keys/seal-schema-version.p12",
                "--shebao.seal.keystore-password=x-Seal-2026",
                "--shebao.personal-data.key-file=target/keys/personal-data.key"};
    }

    @Test
    @DisplayName("after a newer release applied migration 99.1, this release's start stops before it works on the "
            + "database, and the operator is told to start the newer release")
    void olderNodeRefused() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
        try (ConfigurableApplicationContext node = SpringApplication.run(ShebaoApplication.class, args())) {
            // what a newer release's migration leaves in the history (written as the schema's owner, as Flyway does)
            JdbcClient owner = JdbcClient.create(node.getBean(DatabaseOwner.class).dataSource());
            owner.sql("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, execution_time, success)
                    SELECT max(installed_rank) + 1, '99.1', 'from a newer release', 'SQL', 'V99_1__from_a_newer_release.sql',
                           0, current_user, 1, TRUE FROM flyway_schema_history""").update();
        }

        Throwable t = catchThrowable(() -> SpringApplication.run(ShebaoApplication.class, args()).close());
        assertThat(t).as("the older node's start").isNotNull();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(t);
        assertThat(root).isInstanceOf(SchemaNewerThanProgramException.class);
        assertThat(((SchemaNewerThanProgramException) root).databaseVersion()).isEqualTo("99.1");
        assertThat(((SchemaNewerThanProgramException) root).programVersion()).doesNotContain("99");
        FailureAnalysis analysis = new SchemaVersionFailureAnalyzer().analyze(t);
        assertThat(analysis.getDescription()).contains("migration 99.1").contains("newer release")
                .contains("Nothing was changed");
        assertThat(analysis.getAction()).contains("Start this node with the release that migrated the database");
    }
}
