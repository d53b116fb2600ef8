package org.shebao.payroll.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --payroll.bench=N}: generates N standing orders in Fuzhou, times a full monthly payroll run over them, then
 * times a raw COPY of the very same payment rows into an empty, index-free table, and prints both and their ratio.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PayrollBenchmark implements ApplicationRunner {
    private final long n;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Payroll payroll;
    private final Users users;
    private final ConfigurableApplicationContext context;

    PayrollBenchmark(@Value("${payroll.bench:0}") long n, JdbcClient jdbc, DataSource dataSource, Payroll payroll,
                     Users users, ConfigurableApplicationContext context) {
        this.n = n;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.payroll = payroll;
        this.users = users;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (n <= 0) {
            return;
        }
        long g0 = System.nanoTime();
        // every 10th order a pre-payment, every 7th certification lapsed (paid under N-1c / FJ-1.1 in March 2020)
        jdbc.sql("""
                INSERT INTO payroll_order (person_id, region_code, benefit, kind, monthly_amount, from_month,
                       certified_until, bank_account, account_name, flags)
                SELECT 1000000000 + g, '350100', 'PENSION',
                       CASE WHEN g % 10 = 0 THEN 'PREPAYMENT' ELSE 'REGULAR' END,
                       CASE WHEN g % 10 = 0 THEN 1800.00 ELSE 1500 + (g % 3000) * 0.37 END,
                       DATE '2019-01-01', CASE WHEN g % 7 = 0 THEN DATE '2020-01-31' ELSE DATE '2020-12-31' END,
                       '62220' || lpad(g::text, 14, '0'), '受益人' || g,
                       CASE WHEN g % 10 = 0 THEN 'PENSION_PREPAYMENT:N-1b,FJ-1.3' ELSE '' END
                  FROM generate_series(1, :n) g""").param("n", n).update();
        jdbc.sql("ANALYZE payroll_order").update();
        double generated = (System.nanoTime() - g0) / 1e9;

        ShebaoUser finance = (ShebaoUser) users.loadUserByUsername("fz.finance");
        PayrollRun run = payroll.open(finance, new RegionCode("350100"), YearMonth.of(2020, 3));
        long t0 = System.nanoTime();
        payroll.execute(run.id());
        double seconds = (System.nanoTime() - t0) / 1e9;
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
        System.out.printf("BENCH payroll: run of 2020-03 (%,d payment lines, ledger postings included) in %.2f s (%,.0f lines/s)%n",
                lines, seconds, lines / seconds);
        System.out.printf("BENCH payroll: raw COPY of the same %,d rows into an empty table in %.2f s (%,.0f rows/s)%n",
                lines, copy, lines / copy);
        System.out.printf("BENCH payroll: ratio payroll / raw COPY = %.2f (target: at most 3)%n", seconds / copy);
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
    }
}
