package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Measures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.NotFoundException;
import org.shebao.ledger.Account;
import org.shebao.policy.Parameters;

@ShebaoIntegrationTest
@DisplayName("Payroll on PostgreSQL: idempotent, resumable, chunks shared by many nodes, N-1c flags, balanced ledger")
class PayrollIT {
    private static final RegionCode XIAMEN = new RegionCode("350200");
    @Autowired
    Payroll payroll;
    @Autowired
    StandingOrders orders;
    @Autowired
    PayrollExports exports;
    @Autowired
    PayrollApproval approval;
    @Autowired
    Ledger ledger;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Measures measures;
    @Autowired
    Clock clock;
    @Autowired
    Parameters parameters;
    @Autowired
    PayrollProperties settings;

    private ShebaoUser finance() {
        return (ShebaoUser) users.loadUserByUsername("fz.finance");
    }

    /** Another platform instance on the same database, taking 100 orders per chunk. */
    private Payroll instance() {
        return new Payroll(jdbc, dataSource, tx, clock, measures, ledger, parameters, settings.withChunkOrders(100));
    }

    private long order(long person, RegionCode region, OrderKind kind, String amount, LocalDate certifiedUntil, String flags) {
        return orders.registerOrder(new StandingOrders.NewOrder(person, region, Benefit.PENSION, kind, Money.yuan(amount),
                YearMonth.of(2019, 1), certifiedUntil, "6222" + person, "测试" + person, flags, null));
    }

    private List<String> lines(long runId) {
        return jdbc.sql("SELECT order_id || ' ' || kind || ' ' || amount || ' ' || flags FROM payroll_line WHERE run_id = :r"
                        + " ORDER BY order_id, kind, amount").param("r", runId).query(String.class).list();
    }

    @Test
    @DisplayName("the database accepts exactly the payroll's vocabulary: each CHECK lists the values of its enum")
    void vocabularyMatchesDatabase() {
        Map<String, List<String>> expected = Map.of(
                "payroll_line.kind", names(LineKind.values()),
                "payroll_adjustment.kind", names(LineKind.values()).stream().filter(k -> !k.equals("REGULAR")).toList(),
                "payroll_order.kind", names(OrderKind.values()),
                "payroll_order.status", names(OrderStatus.values()),
                "payroll_order.benefit", names(Benefit.values()),
                "payroll_run.status", names(RunStatus.values()));
        expected.forEach((column, values) -> {
            String[] tc = column.split("\\.");
            String definition = jdbc.sql("""
                    SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                     WHERE t.relname = :t AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%(' || :c || ')%'
                       AND c.conname = :t || '_' || :c || '_check'""")
                    .param("t", tc[0]).param("c", tc[1]).query(String.class).single();
            List<String> allowed = Pattern.compile("'(\\w+)'").matcher(definition).results()
                    .map(r -> r.group(1)).toList();
            assertThat(allowed).as(column).containsExactlyInAnyOrderElementsOf(values);
        });
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    @DisplayName("a run stopped between chunks and one killed mid-chunk (its transaction holding a chunk's lock, then "
            + "lost) are finished by another node with the same lines as an uninterrupted run; a held chunk is skipped, "
            + "not waited for; a completed month is refused")
    void resumableAndSingle() throws Exception {
        RegionCode fuzhou = new RegionCode("350100");
        for (int i = 0; i < 350; i++) {
            order(900_000 + i, fuzhou, i % 10 == 0 ? OrderKind.PREPAYMENT : OrderKind.REGULAR, i % 10 == 0 ? "1800.00" : "1500.50",
                    LocalDate.of(2030, 12, 31), "");
        }
        // an uninterrupted run
        PayrollRun clean = instance().open(finance(), fuzhou, YearMonth.of(2021, 1));
        assertThat(instance().execute(clean.id())).isTrue();
        List<String> uninterrupted = lines(clean.id());
        // a node stopped after two chunks
        PayrollRun broken = instance().open(finance(), fuzhou, YearMonth.of(2021, 2));
        long chunks = jdbc.sql("SELECT count(*) FROM payroll_chunk WHERE run_id = :r").param("r", broken.id())
                .query(Long.class).single();
        assertThat(chunks).as("the run is cut into chunks of 100 orders when opened").isGreaterThan(3);
        assertThat(instance().execute(broken.id(), 2)).isFalse();
        assertThat(payroll.run(broken.id()).orElseThrow().completed()).isFalse();
        // a node killed mid-chunk: its transaction took the next chunk and wrote a line, and never commits
        try (Connection killed = dataSource.getConnection()) {
            killed.setAutoCommit(false);
            long held;
            try (Statement st = killed.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT no FROM payroll_chunk WHERE run_id = " + broken.id() + " AND done_at IS NULL ORDER BY no"
                            + " LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                assertThat(rs.next()).isTrue();
                held = rs.getLong(1);
                st.executeUpdate("INSERT INTO payroll_line (run_id, order_id, region_code, person_id, kind, amount, flags,"
                        + " bank_account, account_name) VALUES (" + broken.id() + ", 1, '" + broken.regionCode()
                        + "', 1, 'REGULAR', 1.00, '', '1', 'half-written')");
            }
            // another node takes every other chunk, skipping the held one, and cannot complete the run
            assertThat(instance().execute(broken.id())).as("a chunk is still held").isFalse();
            assertThat(jdbc.sql("SELECT no FROM payroll_chunk WHERE run_id = :r AND done_at IS NULL")
                    .param("r", broken.id()).query(Long.class).list()).containsExactly(held);
            assertThat(payroll.run(broken.id()).orElseThrow().completed()).isFalse();
        } // the connection closes without a commit, as the killed node's does: PostgreSQL rolls it back
        assertThat(instance().execute(broken.id())).as("the dead node's chunk is taken again").isTrue();
        assertThat(lines(broken.id())).isEqualTo(uninterrupted);
        assertThat(payroll.run(broken.id()).orElseThrow().ordersDone()).as("orders done, counted by chunk")
                .isEqualTo(payroll.run(clean.id()).orElseThrow().ordersDone()).isPositive();
        assertRunBooked(broken.id());
        assertThatThrownBy(() -> payroll.open(finance(), fuzhou, YearMonth.of(2021, 2)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().code())
                        .isEqualTo("error.payroll.closed"));
        assertThat(instance().execute(broken.id())).as("running a completed month again pays nobody").isFalse();
        assertThat(lines(broken.id())).hasSize(uninterrupted.size());
    }

    /**
     * The run's ledger entry, per account (debits − credits), equals the run's payment lines summed by kind:
     * REGULAR → 5001, PREPAYMENT → 1221, ARREARS and SETTLEMENT → 5002, DEDUCTION and RECOVERY → 1231, and the bank
     * pays out the total. Computed from payroll_line, not from the ledger, so a wrong or double posting fails here.
     */
    private Map<String, BigDecimal> assertRunBooked(long runId) {
        Map<String, BigDecimal> expected = new TreeMap<>();
        jdbc.sql("""
                SELECT CASE kind WHEN 'REGULAR' THEN '5001' WHEN 'PREPAYMENT' THEN '1221'
                                 WHEN 'ARREARS' THEN '5002' WHEN 'SETTLEMENT' THEN '5002' ELSE '1231' END, sum(amount)
                  FROM payroll_line l WHERE run_id = :r AND EXISTS (SELECT 1 FROM payroll_order o
                        WHERE o.id = l.order_id AND o.benefit = 'PENSION') GROUP BY 1""").param("r", runId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> expected.merge(e.getKey(), e.getValue(), BigDecimal::add));
        // the pension's lines: other benefits in the region's run (a residents' pension) go to their own fund's voucher
        BigDecimal total = jdbc.sql("""
                SELECT COALESCE(sum(amount), 0) FROM payroll_line l WHERE run_id = :r AND EXISTS (SELECT 1
                  FROM payroll_order o WHERE o.id = l.order_id AND o.benefit = 'PENSION')""")
                .param("r", runId).query(BigDecimal.class).single();
        expected.put("1002", total.negate());
        expected.values().removeIf(v -> v.signum() == 0);
        Map<String, BigDecimal> actual = new TreeMap<>();
        jdbc.sql("""
                SELECT l.account, sum(l.debit - l.credit) FROM ledger_line l JOIN ledger_journal j ON j.id = l.journal_id
                 WHERE j.source = :s GROUP BY l.account""").param("s", "payroll-run:" + runId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> actual.put(e.getKey(), e.getValue()));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as("account " + k).isEqualByComparingTo(v));
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_journal WHERE source = :s").param("s", "payroll-run:" + runId)
                .query(Integer.class).single()).as("one entry per run").isEqualTo(1);
        return actual;
    }

    @Test
    @DisplayName("a run is seen by staff of its region and above (the service decides, not the page): Fuzhou's run "
            + "is Fujian's and Fuzhou's, not Taiyuan's (403), and an unknown run is 404")
    void runAccess() {
        PayrollRun run = payroll.open(finance(), new RegionCode("350100"), YearMonth.of(2022, 1));
        assertThat(payroll.run((ShebaoUser) users.loadUserByUsername("fj.admin"), run.id()).id()).isEqualTo(run.id());
        assertThat(payroll.run(finance(), run.id()).id()).isEqualTo(run.id());
        assertThatThrownBy(() -> payroll.run((ShebaoUser) users.loadUserByUsername("ty.finance"), run.id()))
                .isInstanceOf(AccessDeniedToRecordException.class);
        assertThatThrownBy(() -> payroll.run(finance(), Long.MAX_VALUE))
                .isInstanceOf(NotFoundException.class);
        payroll.execute(run.id());
    }

    @Test
    @DisplayName("N-1e: 20 parallel starts of the same month (two instances) give one run, each order paid once, one "
            + "ledger entry that matches the lines; three months in a row; the bank accounts moved by what the runs paid")
    void parallelStarts() throws Exception {
        RegionCode xinzhou = new RegionCode("140900");
        for (int i = 0; i < 250; i++) {
            order(600_000 + i, xinzhou, i % 25 == 0 ? OrderKind.PREPAYMENT : OrderKind.REGULAR, "1234.56", LocalDate.of(2030, 12, 31), "");
        }
        ShebaoUser admin = (ShebaoUser) users.loadUserByUsername("sx.admin");
        Payroll other = instance();
        // the banks before: other modules pay into and out of them too (transfers, recoveries, returns), so this
        // test checks what its own runs moved
        Money banksBefore = ledger.balance(Account.PENSION_BANK).plus(ledger.balance(Account.UNEMPLOYMENT_BANK));
        List<Long> ownRuns = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2021, 5); !m.isAfter(YearMonth.of(2021, 7)); m = m.plusMonths(1)) {
            YearMonth month = m;
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                Payroll node = t % 2 == 0 ? payroll : other;
                calls.add(pool.submit(() -> {
                    go.await();
                    try {
                        PayrollRun r = node.open(admin, xinzhou, month);
                        node.execute(r.id());
                    } catch (ConflictException closed) {
                        // a start after the month completed is refused: that is the expected answer
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : calls) {
                f.get();
            }
            pool.shutdown();
            List<Long> runs = jdbc.sql("SELECT id FROM payroll_run WHERE region_code = '140900' AND month = :m")
                    .param("m", month.atDay(1)).query(Long.class).list();
            assertThat(runs).as("one run for " + month).hasSize(1);
            long run = runs.get(0);
            ownRuns.add(run);
            if (!payroll.run(run).orElseThrow().completed()) {
                payroll.execute(run); // a start that lost every chunk to the other node leaves the rest to a resume
            }
            assertThat(jdbc.sql("SELECT count(*) = count(DISTINCT order_id) FROM payroll_line WHERE run_id = :r AND kind = 'REGULAR'")
                    .param("r", run).query(Boolean.class).single()).as("each order paid once in " + month).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM payroll_line WHERE run_id = :r AND order_id >= (SELECT min(id) FROM"
                    + " payroll_order WHERE person_id >= 600000 AND person_id < 600250)").param("r", run)
                    .query(Integer.class).single()).isEqualTo(250);
            assertRunBooked(run);
        }
        // each fund's bank account pays its own benefits' lines: the pension and unemployment funds' benefits
        BigDecimal paidByRuns = jdbc.sql("""
                SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id IN (:runs)
                   AND o.benefit IN ('PENSION', 'SURVIVORS', 'INHERITANCE', 'UNEMPLOYMENT', 'MEDICAL_PREMIUM')""")
                .param("runs", ownRuns).query(BigDecimal.class).single();
        assertThat(ledger.balance(Account.PENSION_BANK).plus(ledger.balance(Account.UNEMPLOYMENT_BANK)))
                .as("the banks paid out what the runs paid")
                .isEqualTo(banksBefore.minus(Money.of(paidByRuns)));
    }

    @Test
    @DisplayName("FJ-1.3 多扣少补 in the books: a settlement over-payment becomes a receivable (1231), the later "
            + "deductions collect exactly it, and 1231 never ends with a credit balance")
    void overpaymentReceivable() {
        RegionCode xinzhou = new RegionCode("140900");
        ShebaoUser admin = (ShebaoUser) users.loadUserByUsername("sx.admin");
        long prepay = order(610_001, xinzhou, OrderKind.PREPAYMENT, "1800.00", LocalDate.of(2030, 12, 31), "");
        long regular = order(610_002, xinzhou, OrderKind.REGULAR, "1500.00", LocalDate.of(2030, 12, 31), "");
        PayrollRun aug = payroll.open(admin, xinzhou, YearMonth.of(2021, 8));
        payroll.execute(aug.id());
        Money before = ledger.balance(Account.PENSION_RECEIVABLE);
        orders.endOrder(prepay, YearMonth.of(2021, 8));
        orders.settlePrepayment(prepay, Money.yuan("600.00"), "test");
        assertThat(ledger.balance(Account.PENSION_RECEIVABLE)).as("the over-payment is receivable")
                .isEqualTo(before.plus(Money.yuan("600.00")));
        orders.addAdjustment(regular, YearMonth.of(2021, 9), LineKind.DEDUCTION, Money.yuan("-300.00"), "SETTLEMENT", "多扣");
        orders.addAdjustment(regular, YearMonth.of(2021, 10), LineKind.DEDUCTION, Money.yuan("-300.00"), "SETTLEMENT", "多扣");
        for (YearMonth m : List.of(YearMonth.of(2021, 9), YearMonth.of(2021, 10))) {
            PayrollRun r = payroll.open(admin, xinzhou, m);
            payroll.execute(r.id());
            assertRunBooked(r.id());
        }
        assertThat(ledger.balance(Account.PENSION_RECEIVABLE)).as("the deductions collected it")
                .isEqualTo(before);
        assertThat(ledger.balance(Account.PENSION_RECEIVABLE)).as("never a credit balance")
                .isGreaterThanOrEqualTo(Money.ZERO);
        assertThat(ledger.balance(Account.PENSION_PREPAYMENTS)).as("pre-payments of settled orders cleared")
                .isGreaterThanOrEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("N-1c / FJ-1.1: a lapsed certification is paid with the measure's flag during the emergency, and "
            + "suspended before it; pre-payments go to their own ledger account (N-1e); the books balance")
    void certificationAndLedger() throws Exception {
        long lapsed = order(800_001, XIAMEN, OrderKind.REGULAR, "2000.00", LocalDate.of(2019, 11, 30), "");
        long certified = order(800_002, XIAMEN, OrderKind.REGULAR, "1500.00", LocalDate.of(2030, 12, 31), "");
        long prepaid = order(800_003, XIAMEN, OrderKind.PREPAYMENT, "1800.00", LocalDate.of(2030, 12, 31),
                "PENSION_PREPAYMENT:N-1b,FJ-1.3");
        orders.addAdjustment(certified, YearMonth.of(2020, 3), LineKind.ARREARS, Money.yuan("3000.00"), "N-1d", "补发");
        orders.addAdjustment(certified, YearMonth.of(2020, 3), LineKind.DEDUCTION, Money.yuan("-200.00"), "FJ-1.3", "多扣");

        ShebaoUser admin = (ShebaoUser) users.loadUserByUsername("fj.admin"); // Xiamen has no finance section in the demo: the province's checks its runs
        PayrollRun march = payroll.open(admin, XIAMEN, YearMonth.of(2020, 3));
        assertThat(payroll.execute(march.id())).isTrue();
        List<String> lines = lines(march.id());
        assertThat(lines).contains(lapsed + " REGULAR 2000.00 NO_SUSPENSION_FOR_MISSED_CERTIFICATION:N-1c,FJ-1.1");
        assertThat(lines).contains(prepaid + " PREPAYMENT 1800.00 PENSION_PREPAYMENT:N-1b,FJ-1.3");
        assertThat(lines).contains(certified + " ARREARS 3000.00 N-1d", certified + " DEDUCTION -200.00 FJ-1.3");

        // the run's entry books each kind of payment line to its account, and nothing else
        Map<String, BigDecimal> booked = assertRunBooked(march.id());
        assertThat(booked.get("1221")).as("N-1e: pre-payments to their own account").isEqualByComparingTo("1800.00");
        assertThat(booked.get("1231")).as("the deduction collects the receivable").isEqualByComparingTo("-200.00");

        // nothing leaves for the bank before a second finance user approves the run (issue 15, item 3)
        ByteArrayOutputStream bank = new ByteArrayOutputStream();
        assertThatThrownBy(() -> exports.bankFile(march.id(), bank)).isInstanceOf(ConflictException.class);
        approval.approve((ShebaoUser) users.loadUserByUsername("fj.finance"), march.id());
        exports.bankFile(march.id(), bank);
        assertThat(bank.toString(StandardCharsets.UTF_8)).contains("6222800002,测试800002,4300.00");

        // before the emergency (December 2019) the lapsed recipient is suspended, not paid
        PayrollRun december = payroll.open(admin, XIAMEN, YearMonth.of(2019, 12));
        assertThat(payroll.execute(december.id())).isTrue();
        assertThat(lines(december.id())).noneMatch(l -> l.startsWith(lapsed + " "));
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :id").param("id", lapsed).query(String.class)
                .single()).isEqualTo("SUSPENDED");
        assertThat(exports.totals(march.id())).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(LineKind.PREPAYMENT);
            assertThat(t.amount()).isEqualTo(Money.yuan("1800.00"));
        });
    }

    @Test
    @DisplayName("N-1c: suspended after the emergency, resumed on certification with the missed months paid back; "
            + "death data stops the order and turns later payments into recovery items")
    void resumeAndDeath() {
        RegionCode taiyuan = new RegionCode("140100");
        ShebaoUser admin = (ShebaoUser) users.loadUserByUsername("sx.admin");
        long o = order(700_001, taiyuan, OrderKind.REGULAR, "2100.00", LocalDate.of(2018, 12, 31), "");
        // Taiyuan before the Shanxi emergency (declared 2020-01-25): the lapsed recipient is suspended
        PayrollRun jan = payroll.open(admin, taiyuan, YearMonth.of(2019, 11));
        payroll.execute(jan.id());
        assertThat(lines(jan.id())).noneMatch(l -> l.startsWith(o + " "));
        orders.addAdjustment(o, YearMonth.of(2019, 12), LineKind.SETTLEMENT, Money.yuan("100.00"), "test", "暂停期间到期");
        PayrollRun dec = payroll.open(admin, taiyuan, YearMonth.of(2019, 12));
        payroll.execute(dec.id());
        assertThat(orders.certify(o, LocalDate.of(2020, 12, 31), "ONLINE")).isEqualTo(2);
        PayrollRun jan2020 = payroll.open(admin, taiyuan, YearMonth.of(2020, 1));
        payroll.execute(jan2020.id());
        assertThat(lines(dec.id())).as("suspended in December: its adjustment waits").noneMatch(l -> l.startsWith(o + " "));
        assertThat(lines(jan2020.id())).contains(o + " REGULAR 2100.00 ", o + " ARREARS 4200.00 RESUMPTION",
                o + " SETTLEMENT 100.00 test");

        long d = order(700_002, taiyuan, OrderKind.REGULAR, "1900.00", LocalDate.of(2030, 12, 31), "");
        PayrollRun feb = payroll.open(admin, taiyuan, YearMonth.of(2020, 2));
        payroll.execute(feb.id());
        assertThat(orders.recordDeath(700_002, LocalDate.of(2020, 1, 20), "test")).as("February was paid after a January death").isEqualTo(Money.yuan("1900.00"));
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :id").param("id", d).query(String.class).single())
                .isEqualTo("STOPPED");
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_recovery WHERE order_id = :id").param("id", d)
                .query(Integer.class).single()).isEqualTo(1);
        PayrollRun mar = payroll.open(admin, taiyuan, YearMonth.of(2020, 3));
        payroll.execute(mar.id());
        assertThat(lines(mar.id())).noneMatch(l -> l.startsWith(d + " "));
    }
}
