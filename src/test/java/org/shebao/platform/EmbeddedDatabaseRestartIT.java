package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("The embedded PostgreSQL keeps its data directory across restarts")
class EmbeddedDatabaseRestartIT {
    private static final Path DIR = Path.of("target/pg-restart");

    private static ConfigurableApplicationContext start() {
        // command-line arguments win over SHEBAO_DB_URL: this test is about the embedded database
        return new SpringApplicationBuilder(ShebaoApplication.class).run("--spring.datasource.url=",
                "--shebao.db.embedded.data-dir=" + DIR, "--shebao.db.embedded.clean-data-directory=false",
                "--server.port=0", "--shebao.demo.base-persons=40", "--shebao.demo.employers-per-city=2",
                "--logging.level.root=WARN");
    }

    @Test
    @DisplayName("first start seeds the demo; a restart finds the same data and seeds nothing twice")
    void survivesRestart() throws IOException {
        deleteDir();
        long persons;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            persons = jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();
            assertThat(persons).isEqualTo(45); // 40 generated + 5 named
            jdbc.sql("UPDATE registry_person SET name = '重启后仍在' WHERE id = 1").update();
        }
        assertThat(DIR.resolve("PG_VERSION")).exists();
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single()).isEqualTo(persons);
            assertThat(jdbc.sql("SELECT name FROM registry_person WHERE id = 1").query(String.class).single())
                    .isEqualTo("重启后仍在");
        }
        deleteDir();
    }

    private static void deleteDir() throws IOException {
        if (Files.exists(DIR)) {
            try (Stream<Path> files = Files.walk(DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
