package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.ledger.Ledger;
import org.shebao.platform.DatabaseOwner;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One payroll run on two processes (issue 18, items 3 and 4): node B is a second JVM of the platform on the test's
 * database, killed with SIGKILL (as kill -9) while it is inside a chunk's transaction. bench/cluster.sh does the same
 * with a million orders on the machine's PostgreSQL server.
 */
@ShebaoIntegrationTest
@DisplayName("Two processes, one payroll run: a node killed with kill -9 inside a chunk loses nothing and pays nothing twice")
class PayrollClusterIT {
    private static final RegionCode PUTIAN = new RegionCode("350300");
    private static final String B = "shebao-node-b";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Measures measures;
    @Autowired
    Ledger ledger;
    @Autowired
    Parameters parameters;
    @Autowired
    Clock clock;
    @Autowired
    Users users;

    /** This JVM as node A, cutting runs into chunks of 1,000 orders. */
    private Payroll nodeA() {
        return new Payroll(jdbc, dataSource, tx, clock, measures, ledger, parameters,
                PayrollProperties.defaults().withChunkOrders(1000));
    }

    @Test
    @DisplayName("N-1e: node B (its own JVM) takes chunks of a run of 20,000 orders and is killed inside one; node A "
            + "finishes the run: the same lines as a single-node run, each order paid once, one ledger entry; the user "
            + "signed in on B continues on A")
    void killedNodeLosesNothing() throws Exception {
        jdbc.sql("""
                INSERT INTO payroll_order (person_id, region_code, benefit, kind, monthly_amount, from_month,
                       certified_until, bank_account, account_name, flags)
                SELECT 2000000000 + g, '350300', 'PENSION', CASE WHEN g % 10 = 0 THEN 'PREPAYMENT' ELSE 'REGULAR' END,
                       1500 + (g % 3000) * 0.37, DATE '2030-01-01', DATE '2040-12-31', '62220' || g, '受益人' || g, ''
                  FROM generate_series(1, 20000) g""").update();
        ShebaoUser finance = (ShebaoUser) users.loadUserByUsername("fj.admin");
        PayrollRun reference = nodeA().open(finance, PUTIAN, YearMonth.of(2031, 1));
        assertThat(nodeA().execute(reference.id())).isTrue();
        // arrears due in February on the run's last order: the run's last chunk pays them, and while this test holds
        // the arrears' row, the node that takes that chunk waits inside the chunk's transaction
        long arrears = jdbc.sql("""
                INSERT INTO payroll_adjustment (order_id, region_code, month, kind, amount, flags, memo, created_at)
                SELECT max(id), '350300', DATE '2031-02-01', 'ARREARS', 321.00, '', 'test arrears', now()
                  FROM payroll_order WHERE region_code = '350300' RETURNING id""").query(Long.class).single();

        int portB = freePort();
        Process b = startNodeB(portB);
        try (Connection holder = dataSource.getConnection()) {
            waitUntilReady(b, portB);
            WebSession onB = WebSession.login(portB, "fz.finance");
            assertThat(onB.get("/payroll").statusCode()).isEqualTo(200);

            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT 1 FROM payroll_adjustment WHERE id = " + arrears + " FOR UPDATE");
            PayrollRun run = nodeA().open(finance, PUTIAN, YearMonth.of(2031, 2)); // node B's workers join it
            long chunks = count("SELECT count(*) FROM payroll_chunk WHERE run_id = " + run.id());
            assertThat(chunks).isEqualTo(20);
            // B's other work (job locks, sessions) may wait on a lock for a moment too: what is awaited is B's payroll
            // statement waiting once the first 19 chunks are done, i.e. inside the last chunk, on the row this test holds
            awaitTrue("node B did the first 19 chunks and waits inside the last chunk's transaction", """
                    SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '%s' AND wait_event_type = 'Lock'
                                     AND xact_start IS NOT NULL AND query LIKE '%%payroll_adjustment%%')
                       AND (SELECT count(*) FROM payroll_chunk WHERE run_id = %d AND done_at IS NOT NULL) = 19"""
                    .formatted(B, run.id()));

            b.destroyForcibly(); // SIGKILL
            assertThat(b.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            holder.commit(); // B's backend finishes its statement, finds its client gone, and rolls back

            assertThat(onB.on(port).get("/payroll").statusCode()).as("the session signed in on B, on A").isEqualTo(200);
            long t0 = System.nanoTime();
            while (!nodeA().run(run.id()).orElseThrow().completed()) {
                assertThat(System.nanoTime() - t0).as("node A finishes within 60 s").isLessThan(60_000_000_000L);
                nodeA().execute(run.id()); // false while B's backend still holds the chunk: skipped, tried again
                Thread.sleep(100);
            }
            assertThat(count("""
                    SELECT count(*) FROM (
                      (SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = %1$d AND kind <> 'ARREARS'
                       EXCEPT ALL SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = %2$d)
                      UNION ALL
                      (SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = %2$d
                       EXCEPT ALL SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = %1$d)) d"""
                    .formatted(run.id(), reference.id()))).as("differences from the single-node run").isZero();
            assertThat(count("SELECT count(*) FROM payroll_line WHERE run_id = " + run.id())).isEqualTo(20001);
            assertThat(count("SELECT count(*) - count(DISTINCT (order_id, kind)) FROM payroll_line WHERE run_id = " + run.id()))
                    .as("orders paid twice").isZero();
            assertThat(jdbc.sql("SELECT paid_run FROM payroll_adjustment WHERE id = :id").param("id", arrears)
                    .query(Long.class).single()).as("the arrears paid once, by the run").isEqualTo(run.id());
            assertThat(count("SELECT count(*) FROM ledger_journal WHERE source = 'payroll-run:" + run.id() + "'"))
                    .as("ledger entries of the run").isEqualTo(1);
            assertThat(jdbc.sql("""
                    SELECT (SELECT sum(l.credit) FROM ledger_line l JOIN ledger_journal j ON j.id = l.journal_id
                             WHERE j.source = :s AND l.account = '1002') = (SELECT sum(amount) FROM payroll_line WHERE run_id = :r)""")
                    .param("s", "payroll-run:" + run.id()).param("r", run.id()).query(Boolean.class).single())
                    .as("the bank's credit is what the lines pay").isTrue();
        } finally {
            b.destroyForcibly();
        }
    }

    private Process startNodeB(int portB) throws Exception {
        HikariDataSource a = (HikariDataSource) dataSource;
        String url = a.getJdbcUrl() + (a.getJdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + B;
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx512m", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", classpath,
                ShebaoApplication.class.getName(), "--spring.profiles.active=it", "--server.port=" + portB,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + a.getUsername(),
                "--shebao.demo.enabled=false", "--shebao.payroll.work-delay-ms=200",
                "--shebao.payroll.work-every-ms=200", "--logging.level.root=WARN"));
        if (a.getPassword() != null) {
            cmd.add("--spring.datasource.password=" + a.getPassword());
        }
        if (owner.separated()) {
            cmd.add("--shebao.db.owner.user=" + owner.role());
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "node-b.log")).start();
    }

    private static void waitUntilReady(Process b, int portB) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        while (true) {
            assertThat(b.isAlive()).as("node B is running (its log: target/node-b.log)").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + portB + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime() - t0).as("node B ready within 120 s").isLessThan(120_000_000_000L);
            Thread.sleep(500);
        }
    }

    private void awaitTrue(String what, String sql) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!jdbc.sql(sql).query(Boolean.class).single()) {
            assertThat(System.nanoTime() - t0).as(what + " within 60 s").isLessThan(60_000_000_000L);
            Thread.sleep(20);
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
