package org.shebao.payroll.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollProperties;
import org.shebao.payroll.PayrollRun;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.shebao.common.Xlsx;
import org.shebao.payroll.PayrollExports;
import org.shebao.platform.DatabaseOwner;
import org.springframework.boot.SpringApplication;

/**
 * {@code --payroll.bench=N}: generates N standing orders in Fuzhou, times a full monthly payroll run over them, then
 * times a raw COPY of the very same payment rows into an empty, index-free table, and prints both and their ratio.
 * With {@code --payroll.crash=N} and {@code --payroll.crash-resume=true}, the two halves of the crash benchmark
 * (settings: {@link PayrollProperties}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PayrollBenchmark implements ApplicationRunner {
    private final long n;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Payroll payroll;
    private final PayrollExports exports;
    private final Users users;
    private final ConfigurableApplicationContext context;

    private final long crash;
    private final boolean resume;
    private final int workers;

    PayrollBenchmark(PayrollProperties settings, JdbcClient jdbc, DatabaseOwner owner, Payroll payroll,
                     PayrollExports exports, Users users, ConfigurableApplicationContext context) {
        this.n = settings.bench();
        this.crash = settings.crash();
        this.resume = settings.crashResume();
        this.workers = settings.workers();
        this.jdbc = jdbc;
        this.dataSource = owner.dataSource(); // the raw-COPY baseline creates a scratch table: the owner
        this.payroll = payroll;
        this.exports = exports;
        this.users = users;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (crash > 0) {
            generate(crash);
            PayrollRun run = payroll.open(finance(), new RegionCode("350100"), YearMonth.of(2020, 3));
            payroll.execute(run.id(), 2);
            long lines = jdbc.sql("SELECT count(*) FROM payroll_line WHERE run_id = :id").param("id", run.id())
                    .query(Long.class).single();
            System.out.printf("BENCH crash: %,d orders, run %d stopped dead after 2 chunks with %,d lines written%n",
                    crash, run.id(), lines);
            System.out.flush();
            Runtime.getRuntime().halt(0); // no shutdown hooks, no cleanup: as kill -9 would leave it
        }
        if (resume) {
            long runId = jdbc.sql("SELECT id FROM payroll_run WHERE region_code = '350100' AND month = DATE '2020-03-01'")
                    .query(Long.class).single();
            long t0 = System.nanoTime();
            while (!payroll.run(runId).orElseThrow().completed()) {
                if (System.nanoTime() - t0 > 600e9) {
                    throw new IllegalStateException("run " + runId + " was not resumed within 10 minutes");
                }
                Thread.sleep(500);
            }
            PayrollRun clean = payroll.open(finance(), new RegionCode("350100"), YearMonth.of(2020, 4));
            payroll.execute(clean.id());
            long differences = jdbc.sql("""
                    SELECT count(*) FROM (
                      (SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = :a
                       EXCEPT ALL SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = :b)
                      UNION ALL
                      (SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = :b
                       EXCEPT ALL SELECT order_id, kind, amount, flags FROM payroll_line WHERE run_id = :a)) d""")
                    .param("a", runId).param("b", clean.id()).query(Long.class).single();
            long lines = jdbc.sql("SELECT count(*) FROM payroll_line WHERE run_id = :id").param("id", runId)
                    .query(Long.class).single();
            System.out.printf("BENCH crash: run %d resumed by the restarted platform: %,d lines; against an uninterrupted"
                    + " run of the same orders: %d differences (identical: %s)%n", runId, lines, differences, differences == 0);
            System.exit(SpringApplication.exit(context, () -> differences == 0 ? 0 : 1));
        }
        if (n <= 0) {
            return;
        }
        double generated = generate(n);
        // timed from the opening (cutting the run into chunks) to the booking, with this node's worker threads
        long t0 = System.nanoTime();
        PayrollRun run = payroll.open(finance(), new RegionCode("350100"), YearMonth.of(2020, 3));
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            done.add(threads.submit(() -> payroll.execute(run.id())));
        }
        for (Future<Boolean> f : done) {
            f.get();
        }
        threads.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!payroll.run(run.id()).orElseThrow().completed()) {
            throw new IllegalStateException("run " + run.id() + " did not complete");
        }
        long lines = jdbc.sql("SELECT count(*) FROM payroll_line WHERE run_id = :id").param("id", run.id())
                .query(Long.class).single();

        double copy;
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            CopyManager cm = con.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            cm.copyOut("COPY (SELECT * FROM payroll_line WHERE run_id = " + run.id() + ") TO STDOUT", rows);
            st.execute("DROP TABLE IF EXISTS bench_payroll_line");
            st.execute("CREATE TABLE bench_payroll_line (LIKE payroll_line)");
            long c0 = System.nanoTime();
            cm.copyIn("COPY bench_payroll_line FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
            copy = (System.nanoTime() - c0) / 1e9;
            st.execute("DROP TABLE bench_payroll_line");
        }
        System.out.printf("BENCH payroll: %,d standing orders generated in %.2f s%n", n, generated);
        System.out.printf("BENCH payroll: run of 2020-03 (%,d payment lines in %d chunks, %d worker thread(s), ledger"
                + " postings included) in %.2f s (%,.0f lines/s)%n", lines, payroll.chunks(run.id()).chunks(), workers,
                seconds, lines / seconds);
        System.out.printf("BENCH payroll: raw COPY of the same %,d rows into an empty table in %.2f s (%,.0f rows/s)%n",
                lines, copy, lines / copy);
        System.out.printf("BENCH payroll: ratio payroll / raw COPY = %.2f (target: at most 2)%n", seconds / copy);
        if (lines >= Xlsx.MAX_ROWS) {
            System.out.printf("BENCH payroll: register not written: %,d lines are more than one Excel sheet holds%n", lines);
            System.exit(SpringApplication.exit(context, () -> 0));
        }
        // the run's register as finance downloads it: streamed from a cursor into the workbook, never held in memory
        Runtime rt = Runtime.getRuntime();
        long x0 = System.nanoTime();
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        try {
            Xlsx.write(counting, "register", List.of("order", "person", "name", "account", "kind",
                    "amount", "flags"), sink -> exports.register(run.id(), sink::accept));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double export = (System.nanoTime() - x0) / 1e9;
        System.out.printf("BENCH payroll: register of %,d lines written to Excel in %.2f s (%,d bytes, in a JVM of"
                + " %,d MB at most)%n", lines, export, bytes[0], rt.maxMemory() >> 20);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private ShebaoUser finance() {
        return (ShebaoUser) users.loadUserByUsername("fz.finance");
    }

    /** N standing orders in Fuzhou: every 10th a pre-payment, every 7th with a certification lapsed in January 2020. */
    private double generate(long count) {
        long g0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO payroll_order (person_id, region_code, benefit, kind, monthly_amount, from_month,
                       certified_until, bank_account, account_name, flags)
                SELECT 1000000000 + g, '350100', 'PENSION',
                       CASE WHEN g % 10 = 0 THEN 'PREPAYMENT' ELSE 'REGULAR' END,
                       CASE WHEN g % 10 = 0 THEN 1800.00 ELSE 1500 + (g % 3000) * 0.37 END,
                       DATE '2019-01-01', CASE WHEN g % 7 = 0 THEN DATE '2020-01-31' ELSE DATE '2020-12-31' END,
                       '62220' || lpad(g::text, 14, '0'), '受益人' || g,
                       CASE WHEN g % 10 = 0 THEN 'PENSION_PREPAYMENT:N-1b,FJ-1.3' ELSE '' END
                  FROM generate_series(1, :n) g""").param("n", count).update();
        jdbc.sql("ANALYZE payroll_order").update();
        return (System.nanoTime() - g0) / 1e9;
    }
}
