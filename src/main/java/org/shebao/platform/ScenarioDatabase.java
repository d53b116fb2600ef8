package org.shebao.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A throw-away embedded PostgreSQL for policy scenarios that run the platform's own SQL (the payroll): started once
 * per JVM in a temporary directory, migrated once into a template database, and each expectation gets a fresh copy
 * of that template, so scenarios never see each other's rows. Needs no set-up: {@code bin/scenario} and the tests
 * start it on first use. Nothing here is durable (fsync off): the data is gone with the JVM.
 */
public final class ScenarioDatabase {
    private static final String TEMPLATE = "scenario_template";
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static EmbeddedPostgres pg;

    private ScenarioDatabase() {
    }

    /** A new database of its own, with every migration applied. */
    public static synchronized DataSource fresh() {
        try {
            if (pg == null) {
                Path dir = Files.createTempDirectory("shebao-scenario-pg");
                pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off").setServerConfig("timezone", "Asia/Shanghai")
                        .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C").start();
                EmbeddedPostgres started = pg;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                execute("CREATE DATABASE " + TEMPLATE);
                Flyway.configure().dataSource(pg.getDatabase("postgres", TEMPLATE))
                        .locations("classpath:db/migration").load().migrate();
            }
            String name = "scenario_" + COUNT.incrementAndGet();
            execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            return pg.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("the scenario database could not be started", e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("scenario database: " + sql + ": " + e.getMessage(), e);
        }
    }
}
