package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stateless nodes (issue 18, item 2): a second platform process on the same database serves a user who signed in on
 * the first, because web sessions live in PostgreSQL.
 */
@ShebaoIntegrationTest
@DisplayName("Two nodes on one database: web sessions and the locks of scheduled work are in PostgreSQL")
class TwoNodesIT {
    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LockingTaskExecutor locks;

    @Test
    @DisplayName("a clerk signed in on node A opens a page on node B as herself; a browser without the cookie is sent "
            + "to the login on B; signing out on B ends the session on A too")
    void sessionContinuesOnAnotherNode() throws Exception {
        WebSession onA = WebSession.login(port, "fz.clerk");
        assertThat(onA.get("/registry/persons").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_session WHERE principal_name = 'fz.clerk'")
                .query(Integer.class).single()).as("the session is a row in the database").isPositive();

        try (ConfigurableApplicationContext nodeB = secondNode()) {
            int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
            WebSession onB = onA.on(portB);
            HttpResponse<String> page = onB.get("/registry/persons");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("林小燕");
            assertThat(WebSession.anonymous(portB).get("/registry/persons").statusCode()).isEqualTo(302);

            HttpResponse<String> out = onB.submit("/registry/persons", "/logout", Map.of());
            assertThat(out.headers().firstValue("Location").orElse("")).contains("/login");
            assertThat(onA.get("/registry/persons").statusCode()).as("signed out everywhere").isEqualTo(302);
        }
    }

    @Test
    @DisplayName("scheduled work locks in the database: while one node runs 'event-retry', another's attempt is skipped, "
            + "and the lock is released when the work ends")
    void jobLockInTheDatabase() throws Throwable {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        LockConfiguration retry = new LockConfiguration(ClockProvider.now(), "event-retry", Duration.ofMinutes(1),
                Duration.ZERO);
        Thread nodeA = new Thread(() -> locks.executeWithLock((Runnable) () -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, retry));
        nodeA.start();
        running.await();
        assertThat(jdbc.sql("SELECT lock_until > timezone('utc', now()) FROM platform_job_lock WHERE name = 'event-retry'")
                .query(Boolean.class).single()).as("held until its 'at most' time").isTrue();
        LockingTaskExecutor.TaskResult<String> other = locks.executeWithLock(() -> "ran", retry);
        assertThat(other.wasExecuted()).as("another node's attempt while it is held").isFalse();
        finish.countDown();
        nodeA.join();
        assertThat(jdbc.sql("SELECT lock_until <= timezone('utc', now()) FROM platform_job_lock WHERE name = 'event-retry'")
                .query(Boolean.class).single()).as("released").isTrue();
        assertThat(locks.executeWithLock(() -> "ran", retry).wasExecuted()).isTrue();
    }

    @Test
    @DisplayName("two nodes of a new release started at the same moment on an empty database: one migrates while the "
            + "other waits on Flyway's lock; both start and serve, every migration is applied once")
    void simultaneousFirstStart() throws Exception {
        String url;
        try (Connection c = owner.dataSource().getConnection()) {
            url = c.getMetaData().getURL();
        }
        JdbcClient asOwner = JdbcClient.create(owner.dataSource());
        asOwner.sql("DROP DATABASE IF EXISTS shebao_two_starts").update();
        asOwner.sql("CREATE DATABASE shebao_two_starts").update();
        String fresh = url.replaceFirst("/[^/?]+(\\?|$)", "/shebao_two_starts$1");
        ExecutorService starts = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(starts.submit(() -> {
                go.await();
                return node(fresh, "--shebao.demo.enabled=false", "--shebao.security.admin-password=Start#2026x");
            }));
        }
        go.countDown();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (Future<ConfigurableApplicationContext> n : nodes) {
                started.add(n.get(5, TimeUnit.MINUTES));
            }
            JdbcClient db = JdbcClient.create(started.get(0).getBean(DataSource.class));
            assertThat(db.sql("SELECT count(*) = count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL")
                    .query(Boolean.class).single()).as("each migration applied once").isTrue();
            assertThat(db.sql("SELECT bool_and(success) FROM flyway_schema_history").query(Boolean.class).single()).isTrue();
            for (ConfigurableApplicationContext n : started) {
                int p = ((WebServerApplicationContext) n).getWebServer().getPort();
                assertThat(WebSession.anonymous(p).get("/login").statusCode()).as("node on port " + p + " serves")
                        .isEqualTo(200);
            }
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            starts.shutdownNow();
            asOwner.sql("DROP DATABASE IF EXISTS shebao_two_starts WITH (FORCE)").update();
        }
    }

    /** Node B: the same platform in its own context and web server, on node A's database and keys. */
    private ConfigurableApplicationContext secondNode() {
        return node(((HikariDataSource) dataSource).getJdbcUrl());
    }

    /** Another node of the platform on the database at {@code url}, as the test's application and owner roles. */
    private ConfigurableApplicationContext node(String url, String... more) {
        HikariDataSource a = (HikariDataSource) dataSource;
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + a.getUsername()));
        args.addAll(List.of(more));
        if (a.getPassword() != null) {
            args.add("--spring.datasource.password=" + a.getPassword());
        }
        if (owner.separated()) {
            args.add("--shebao.db.owner.user=" + owner.role());
        }
        // the JVM's logging is already set up by the test's own context: a node started in the same JVM must not set
        // it up again (two nodes starting at once raced on the shared logger context and one failed to start)
        SpringApplication node = new SpringApplicationBuilder(ShebaoApplication.class).build();
        node.setListeners(node.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        return node.run(args.toArray(String[]::new));
    }
}
