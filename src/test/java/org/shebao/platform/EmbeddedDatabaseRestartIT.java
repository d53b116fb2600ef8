package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.assertj.core.api.Assertions;

@DisplayName("The embedded PostgreSQL keeps its data directory across restarts")
class EmbeddedDatabaseRestartIT {
    private static final Path DIR = Path.of("target/pg-restart");

    private static ConfigurableApplicationContext start() {
        // command-line arguments win over SHEBAO_DB_URL: this test is about the embedded database
        return new SpringApplicationBuilder(ShebaoApplication.class).run("--spring.datasource.url=",
                "--shebao.db.embedded.data-dir=" + DIR, "--shebao.db.embedded.clean-data-directory=false",
                "--server.port=0", "--shebao.demo.base-persons=40", "--shebao.demo.employers-per-city=2",
                "--logging.level.root=WARN", "--shebao.personal-data.key-file=target/keys/personal-data.key",
                "--shebao.seal.keystore=target/keys/seal.p12", "--shebao.seal.keystore-password=it-Seal-2026");
    }

    @Test
    @DisplayName("first start seeds the demo; a restart finds the same data and seeds nothing twice")
    void survivesRestart() throws IOException {
        deleteDir();
        long persons;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            // durable by default: the library's test defaults (fsync off) are overridden
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
            }
            assertThat(jdbc.sql("SHOW server_version_num").query(Integer.class).single()).isGreaterThanOrEqualTo(170000);
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

    @Test
    @DisplayName("a PostgreSQL server left running on the data directory (the platform was killed) is shut down and "
            + "the platform starts on the same data")
    void orphanedPostmaster() throws IOException {
        deleteDir();
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(JdbcClient.class).sql("UPDATE registry_person SET name = '杀掉之前' WHERE id = 2").update();
        }
        // a server on the directory that nobody stops: started by another JVM, which is then killed with SIGKILL,
        // exactly as kill -9 of the platform leaves it
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OrphanMaker.class.getName(),
                DIR.toAbsolutePath().normalize().toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready")) {
                // the child's start-up output
            }
            assertThat(line).as("the other JVM started PostgreSQL").startsWith("ready");
            jvm.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(EmbeddedDataDirectory.orphan(DIR.toAbsolutePath().normalize())).isPresent();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(JdbcClient.class).sql("SELECT name FROM registry_person WHERE id = 2")
                    .query(String.class).single()).isEqualTo("杀掉之前");
        }
        deleteDir();
    }

    @Test
    @DisplayName("a data directory of another PostgreSQL major version stops the platform with what to do")
    void otherMajorVersion() throws IOException {
        Path old = Path.of("target/pg-old-version");
        Files.createDirectories(old);
        Files.writeString(old.resolve("PG_VERSION"), "14\n");
        Assertions.assertThatThrownBy(() -> EmbeddedDataDirectory.check(old.toAbsolutePath()))
                .hasMessageContaining("PostgreSQL 14").hasMessageContaining("pg_dump");
    }
}
