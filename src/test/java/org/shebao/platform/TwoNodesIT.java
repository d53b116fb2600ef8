package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
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

    /** Node B: the same platform in its own context and web server, on node A's database and keys. */
    private ConfigurableApplicationContext secondNode() {
        HikariDataSource a = (HikariDataSource) dataSource;
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--server.port=0",
                "--spring.datasource.url=" + a.getJdbcUrl(), "--spring.datasource.username=" + a.getUsername(),
                "--logging.level.root=WARN"));
        if (a.getPassword() != null) {
            args.add("--spring.datasource.password=" + a.getPassword());
        }
        if (owner.separated()) {
            args.add("--shebao.db.owner.user=" + owner.role());
        }
        return new SpringApplicationBuilder(ShebaoApplication.class).run(args.toArray(String[]::new));
    }
}
