package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.ConflictException;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Measures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ShebaoIntegrationTest
@DisplayName("Payroll on PostgreSQL: idempotent, resumable, one instance at a time, N-1c flags, balanced ledger")
class PayrollIT {
    private static final RegionCode XIAMEN = new RegionCode("350200");
    @Autowired
    Payroll payroll;
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
    java.time.Clock clock;
    @Autowired
    org.shebao.policy.Parameters parameters;

    private ShebaoUser finance() {
        return (ShebaoUser) users.loadUserByUsername("fz.finance");
    }

    /** Another platform instance on the same database, taking 100 orders per chunk. */
    private Payroll instance() {
        return new Payroll(jdbc, dataSource, tx, clock, measures, ledger, parameters, 100);
    }

    private long order(long person, RegionCode region, String kind, String amount, LocalDate certifiedUntil, String flags) {
        return payroll.registerOrder(new Payroll.NewOrder(person, region, "PENSION", kind, new BigDecimal(amount),
                YearMonth.of(2019, 1), certifiedUntil, "6222" + person, "测试" + person, flags, null));
    }

    private List<String> lines(long runId) {
        return jdbc.sql("SELECT order_id || ' ' || kind || ' ' || amount || ' ' || flags FROM payroll_line WHERE run_id = :r"
                        + " ORDER BY order_id, kind, amount").param("r", runId).query(String.class).list();
    }

    @Test
    @DisplayName("a run killed mid-way and resumed by another instance gives the same lines as an uninterrupted run; "
            + "a live run is not taken over; a completed month is refused")
    void resumableAndSingle() {
        RegionCode fuzhou = new RegionCode("350100");
        for (int i = 0; i < 350; i++) {
            order(900_000 + i, fuzhou, i % 10 == 0 ? "PREPAYMENT" : "REGULAR", i % 10 == 0 ? "1800.00" : "1500.50",
                    LocalDate.of(2030, 12, 31), "");
        }
        // an uninterrupted run
        PayrollRun clean = payroll.open(finance(), fuzhou, YearMonth.of(2021, 1));
        assertThat(instance().execute(clean.id())).isTrue();
        // a run killed after two chunks
        PayrollRun broken = payroll.open(finance(), fuzhou, YearMonth.of(2021, 2));
        Payroll a = instance();
        assertThat(a.execute(broken.id(), 2)).isFalse();
        assertThat(payroll.run(broken.id()).orElseThrow().completed()).isFalse();
        // while its owner's heartbeat is fresh nobody else takes it
        assertThat(instance().execute(broken.id())).isFalse();
        jdbc.sql("UPDATE payroll_run SET heartbeat = heartbeat - interval '5 minutes' WHERE id = :id")
                .param("id", broken.id()).update();
        assertThat(instance().execute(broken.id())).as("the dead instance's run is resumed").isTrue();
        List<String> resumed = lines(broken.id());
        List<String> uninterrupted = lines(clean.id());
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(payroll.run(broken.id()).orElseThrow().completed()).isTrue();
        assertThatThrownBy(() -> payroll.open(finance(), fuzhou, YearMonth.of(2021, 2)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().code())
                        .isEqualTo("error.payroll.closed"));
        assertThat(instance().execute(broken.id())).as("running a completed month again pays nobody").isFalse();
        assertThat(lines(broken.id())).hasSize(uninterrupted.size());
    }

    @Test
    @DisplayName("N-1c / FJ-1.1: a lapsed certification is paid with the measure's flag during the emergency, and "
            + "suspended before it; pre-payments go to their own ledger account (N-1e); the books balance")
    void certificationAndLedger() throws Exception {
        long lapsed = order(800_001, XIAMEN, "REGULAR", "2000.00", LocalDate.of(2019, 11, 30), "");
        long certified = order(800_002, XIAMEN, "REGULAR", "1500.00", LocalDate.of(2030, 12, 31), "");
        long prepaid = order(800_003, XIAMEN, "PREPAYMENT", "1800.00", LocalDate.of(2030, 12, 31),
                "PENSION_PREPAYMENT:N-1b,FJ-1.3");
        payroll.addAdjustment(certified, YearMonth.of(2020, 3), "ARREARS", new BigDecimal("3000.00"), "N-1d", "补发");
        payroll.addAdjustment(certified, YearMonth.of(2020, 3), "DEDUCTION", new BigDecimal("-200.00"), "FJ-1.3", "多扣");

        ShebaoUser admin = (ShebaoUser) users.loadUserByUsername("fj.admin"); // Xiamen has no finance user in the demo
        PayrollRun march = payroll.open(admin, XIAMEN, YearMonth.of(2020, 3));
        assertThat(payroll.execute(march.id())).isTrue();
        List<String> lines = lines(march.id());
        assertThat(lines).contains(lapsed + " REGULAR 2000.00 NO_SUSPENSION_FOR_MISSED_CERTIFICATION:N-1c,FJ-1.1");
        assertThat(lines).contains(prepaid + " PREPAYMENT 1800.00 PENSION_PREPAYMENT:N-1b,FJ-1.3");
        assertThat(lines).contains(certified + " ARREARS 3000.00 N-1d", certified + " DEDUCTION -200.00 FJ-1.3");

        String source = "payroll-run:" + march.id();
        assertThat(ledger.entries(source)).extracting(e -> e.debit() + ">" + e.credit())
                .contains("1221>1002", "5002>1002", "1002>1231");
        BigDecimal debits = ledger.trialBalance().stream().map(Ledger.Balance::debits).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = ledger.trialBalance().stream().map(Ledger.Balance::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(debits).isEqualByComparingTo(credits);

        ByteArrayOutputStream bank = new ByteArrayOutputStream();
        payroll.bankFile(march.id(), bank);
        assertThat(bank.toString(StandardCharsets.UTF_8)).contains("6222800002,测试800002,4300.00");

        // before the emergency (December 2019) the lapsed recipient is suspended, not paid
        PayrollRun december = payroll.open(admin, XIAMEN, YearMonth.of(2019, 12));
        assertThat(payroll.execute(december.id())).isTrue();
        assertThat(lines(december.id())).noneMatch(l -> l.startsWith(lapsed + " "));
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :id").param("id", lapsed).query(String.class)
                .single()).isEqualTo("SUSPENDED");
        assertThat(payroll.totals(march.id())).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("PREPAYMENT");
            assertThat(t.amount()).isEqualByComparingTo("1800.00");
        });
    }

    @Test
    @DisplayName("N-1c: suspended after the emergency, resumed on certification with the missed months paid back; "
            + "death data stops the order and turns later payments into recovery items")
    void resumeAndDeath() {
        RegionCode taiyuan = new RegionCode("140100");
        ShebaoUser admin = (ShebaoUser) users.loadUserByUsername("sx.admin");
        long o = order(700_001, taiyuan, "REGULAR", "2100.00", LocalDate.of(2018, 12, 31), "");
        // Taiyuan before the Shanxi emergency (declared 2020-01-25): the lapsed recipient is suspended
        PayrollRun jan = payroll.open(admin, taiyuan, YearMonth.of(2019, 11));
        payroll.execute(jan.id());
        assertThat(lines(jan.id())).noneMatch(l -> l.startsWith(o + " "));
        payroll.addAdjustment(o, YearMonth.of(2019, 12), "SETTLEMENT", new BigDecimal("100.00"), "test", "暂停期间到期");
        PayrollRun dec = payroll.open(admin, taiyuan, YearMonth.of(2019, 12));
        payroll.execute(dec.id());
        assertThat(payroll.certify(o, LocalDate.of(2020, 12, 31), "ONLINE")).isEqualTo(2);
        PayrollRun jan2020 = payroll.open(admin, taiyuan, YearMonth.of(2020, 1));
        payroll.execute(jan2020.id());
        assertThat(lines(dec.id())).as("suspended in December: its adjustment waits").noneMatch(l -> l.startsWith(o + " "));
        assertThat(lines(jan2020.id())).contains(o + " REGULAR 2100.00 ", o + " ARREARS 4200.00 RESUMPTION:N-1c",
                o + " SETTLEMENT 100.00 test");

        long d = order(700_002, taiyuan, "REGULAR", "1900.00", LocalDate.of(2030, 12, 31), "");
        PayrollRun feb = payroll.open(admin, taiyuan, YearMonth.of(2020, 2));
        payroll.execute(feb.id());
        assertThat(payroll.recordDeath(700_002, LocalDate.of(2020, 1, 20), "test")).as("February was paid after a January death").isEqualByComparingTo("1900.00");
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :id").param("id", d).query(String.class).single())
                .isEqualTo("STOPPED");
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_recovery WHERE order_id = :id").param("id", d)
                .query(Integer.class).single()).isEqualTo(1);
        PayrollRun mar = payroll.open(admin, taiyuan, YearMonth.of(2020, 3));
        payroll.execute(mar.id());
        assertThat(lines(mar.id())).noneMatch(l -> l.startsWith(d + " "));
    }
}
