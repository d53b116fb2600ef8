package org.shebao.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.LedgerMoves;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.payroll.StandingOrders;
import org.shebao.settlement.Decision;
import org.shebao.settlement.Worklists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recoveries (issue 15 item 5; N-1e, FJ-1.7: every payment from the system, booked) on the real database: Xiamen's
 * payroll months 2019-01 and 2019-02 (reserved for this test), standing orders and persons of this test's own. The
 * ledger is checked by account balances (Ledger.balance) at each step.
 */
@ShebaoIntegrationTest
@DisplayName("Recoveries of over-payments (issue 15 item 5; N-1e, FJ-1.7): deduction, payment request, repayment, write-off")
class RecoveryIT {
    private static final RegionCode XIAMEN = new RegionCode("350200");
    private static final List<Account> WATCHED = List.of(Account.PENSION_BANK, Account.PENSION_EXPENSE,
            Account.PENSION_RECEIVABLE);

    @Autowired
    Recoveries recoveries;
    @Autowired
    RecoverySteps steps;
    @Autowired
    StandingOrders orders;
    @Autowired
    Payroll payroll;
    @Autowired
    Worklists worklists;
    @Autowired
    Ledger ledger;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private Map<Account, Money> balances() {
        return new LedgerMoves(ledger, WATCHED).balances();
    }

    private void moved(Map<Account, Money> before, Map<Account, Money> expected) {
        new LedgerMoves(ledger, WATCHED).moved(before, expected);
    }

    /**
     * A run's books: the bank paid the net of all its pension lines (other recipients of the month included), the
     * receivable collected its deductions (what each line's kind costs is the payroll's own test).
     */
    private void runMoved(Map<Account, Money> before, Money net, Money deducted) {
        new LedgerMoves(ledger, List.of(Account.PENSION_BANK, Account.PENSION_RECEIVABLE)).moved(before,
                Map.of(Account.PENSION_BANK, net.negate(), Account.PENSION_RECEIVABLE, deducted.negate()));
    }

    /** Two of the same step at once: their outcomes, a result or the exception each ended with. */
    private static List<Object> twiceAtOnce(Callable<Object> action) throws Exception {
        return AllAtOnce.run(List.<Callable<Object>>of(() -> attempt(action), () -> attempt(action)));
    }

    private long order(long person, String monthly) {
        long id = orders.registerOrder(new StandingOrders.NewOrder(person, XIAMEN, Benefit.PENSION, OrderKind.REGULAR,
                Money.yuan(monthly), YearMonth.of(2019, 1), LocalDate.of(2030, 12, 31), "62220210" + person,
                "追回" + person, "", null));
        orders.endOrder(id, YearMonth.of(2019, 6)); // only in this test's months
        return id;
    }

    private Recovery open(long person, Long order, String amount, String source) {
        return recoveries.open(new Recoveries.Opening(person, "追回" + person, XIAMEN, Fund.PENSION, Benefit.PENSION,
                Cause.OTHER, source, null, order, List.of("N-1e"), Money.yuan(amount), null, "fj.finance"));
    }

    private List<StepKind> history(long id) {
        return recoveries.details(users.get("fj.finance"), id).steps().stream().map(RecoveryStep::kind).toList();
    }

    private Money runLines(long runId, String extra) {
        return new Money(jdbc.sql("SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id"
                        + " WHERE l.run_id = :run AND o.benefit = 'PENSION'" + extra)
                .param("run", runId).query(BigDecimal.class).single());
    }

    @Test
    @DisplayName("N-1e: opened, the over-payment moves from pension expense to the receivable 1231; deducted from the "
            + "person's later payments at most recovery.deduction.maxShare (30%, illustrative) of the monthly amount "
            + "over two payroll months (Xiamen 2019-01, 2019-02): each run pays the net and books the deduction "
            + "against 1231; started twice at once: one; a run executed again deducts nothing more; the case closes at zero")
    void deductionOverTwoMonths() throws Exception {
        long order = order(926_001, "2000.00");
        Map<Account, Money> start = balances();
        Recovery r = open(926_001, order, "1000.00", "recovery-it:deduction");
        assertThat(open(926_001, order, "1000.00", "recovery-it:deduction").id()).as("one case per source").isEqualTo(r.id());
        moved(start, Map.of(Account.PENSION_RECEIVABLE, Money.yuan("1000.00"), Account.PENSION_EXPENSE, Money.yuan("-1000.00")));

        List<Object> started = twiceAtOnce(() -> steps.startDeduction(users.get("fj.finance"), r.id(), null,
                YearMonth.of(2019, 1)));
        assertThat(started).filteredOn(o -> o instanceof Recovery).hasSize(1);
        assertThat(started).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        assertThat(recoveries.details(users.get("fj.finance"), r.id()).pendingDeduction()).isEqualTo(Money.yuan("600.00"));

        Map<Account, Money> beforeJan = balances();
        PayrollRun jan = payroll.open(users.get("fj.finance"), XIAMEN, YearMonth.of(2019, 1));
        payroll.execute(jan.id());
        assertThat(payroll.execute(jan.id())).as("a completed run is not executed again").isFalse();
        assertThat(runLines(jan.id(), " AND l.order_id = " + order)).as("the bank is paid the net")
                .isEqualTo(Money.yuan("1400.00"));
        Money janGross = runLines(jan.id(), " AND l.kind <> 'DEDUCTION'");
        Money janDeducted = runLines(jan.id(), " AND l.kind = 'DEDUCTION'").negate();
        assertThat(janDeducted).isGreaterThanOrEqualTo(Money.yuan("600.00"));
        runMoved(beforeJan, janGross.minus(janDeducted), janDeducted);
        Recoveries.Details afterJan = recoveries.details(users.get("fj.finance"), r.id());
        assertThat(afterJan.recovery().balance()).isEqualTo(Money.yuan("400.00"));
        assertThat(afterJan.recovery().status()).isEqualTo(RecoveryStatus.DEDUCTING);
        assertThat(afterJan.pendingDeduction()).as("the rest, next month").isEqualTo(Money.yuan("400.00"));
        assertThat(afterJan.pendingMonth()).isEqualTo(YearMonth.of(2019, 2));

        Map<Account, Money> beforeFeb = balances();
        PayrollRun feb = payroll.open(users.get("fj.finance"), XIAMEN, YearMonth.of(2019, 2));
        payroll.execute(feb.id());
        Money febGross = runLines(feb.id(), " AND l.kind <> 'DEDUCTION'");
        Money febDeducted = runLines(feb.id(), " AND l.kind = 'DEDUCTION'").negate();
        runMoved(beforeFeb, febGross.minus(febDeducted), febDeducted);
        assertThat(runLines(feb.id(), " AND l.order_id = " + order)).isEqualTo(Money.yuan("1600.00"));
        Recoveries.Details done = recoveries.details(users.get("fj.finance"), r.id());
        assertThat(done.recovery().balance()).isEqualTo(Money.ZERO);
        assertThat(done.recovery().status()).isEqualTo(RecoveryStatus.CLOSED);
        assertThat(done.pendingDeduction()).isNull();
        assertThat(history(r.id())).containsExactly(StepKind.OPENED, StepKind.DEDUCTION_STARTED, StepKind.DEDUCTED,
                StepKind.DEDUCTED, StepKind.CLOSED);
        assertThat(done.steps()).filteredOn(s -> s.kind() == StepKind.DEDUCTED).extracting(RecoveryStep::voucher)
                .containsExactly("payroll-run:" + jan.id(), "payroll-run:" + feb.id());
        assertThatThrownBy(() -> payroll.open(users.get("fj.finance"), XIAMEN, YearMonth.of(2019, 2)))
                .as("a completed month is not run twice").isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_adjustment WHERE order_id = :o AND kind = 'DEDUCTION'")
                .param("o", order).query(Long.class).single()).as("two deductions, no more").isEqualTo(2);
    }

    @Test
    @DisplayName("a payment request (追回通知, printable) to someone no longer paid; repayments partial then full "
            + "(Dr 1002 / Cr 1231), closing the case; a negative amount, more than the balance, a day in the future: "
            + "400 naming the field, nothing written")
    void paymentRequestAndRepayments() throws Exception {
        Recovery r = open(926_002, null, "500.00", "recovery-it:repayment");
        ApiClient api = new ApiClient(port);
        String base = "/api/v1/recoveries/" + r.id();
        assertThat(api.post("fj.finance", base + "/payment-request", null).status()).isEqualTo(200);
        var notice = WebSession.login(port, "fj.finance").get("/recoveries/" + r.id() + "/notice");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains("多发待遇追回通知书").contains("500.00").contains("追回926002");

        Map<Account, Money> before = balances();
        int stepsBefore = history(r.id()).size();
        ApiClient.Response negative = api.post("fj.finance", base + "/repayments",
                Map.of("amount", "-10", "paidOn", LocalDate.now().toString()));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.firstErrorField()).isEqualTo("amount");
        ApiClient.Response above = api.post("fj.finance", base + "/repayments",
                Map.of("amount", "500.01", "paidOn", LocalDate.now().toString()));
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.firstErrorMessage()).contains("超过尚未追回的余额 500.00");
        ApiClient.Response future = api.post("fj.finance", base + "/repayments",
                Map.of("amount", "10", "paidOn", LocalDate.now().plusDays(3).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.firstErrorField()).isEqualTo("paidOn");
        assertThat(history(r.id())).hasSize(stepsBefore);
        moved(before, Map.of());

        ApiClient.Response partial = api.post("fj.finance", base + "/repayments",
                Map.of("amount", "200", "paidOn", LocalDate.now().minusDays(1).toString(), "note", "银行转账"));
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.body().path("balance").decimalValue()).isEqualByComparingTo("300.00");
        moved(before, Map.of(Account.PENSION_BANK, Money.yuan("200.00"), Account.PENSION_RECEIVABLE, Money.yuan("-200.00")));
        ApiClient.Response full = api.post("fj.finance", base + "/repayments",
                Map.of("amount", "300", "paidOn", LocalDate.now().toString()));
        assertThat(full.status()).isEqualTo(201);
        assertThat(full.body().path("status").asString()).isEqualTo("CLOSED");
        moved(before, Map.of(Account.PENSION_BANK, Money.yuan("500.00"), Account.PENSION_RECEIVABLE, Money.yuan("-500.00")));
        assertThat(history(r.id())).containsExactly(StepKind.OPENED, StepKind.PAYMENT_REQUESTED, StepKind.REPAID,
                StepKind.REPAID, StepKind.CLOSED);
        assertThat(api.post("fj.finance", base + "/repayments", Map.of("amount", "1", "paidOn",
                LocalDate.now().toString())).status()).as("nothing left to repay").isEqualTo(400);
        ApiClient.Response read = api.get("fj.finance", base);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("steps").size()).isEqualTo(5);
        ApiClient.Response closedList = api.get("fj.finance", "/api/v1/recoveries?status=CLOSED&cause=OTHER");
        assertThat(closedList.status()).isEqualTo(200);
        assertThat(closedList.body().path("count").asLong()).isPositive();
        assertThat(api.get("fj.finance", "/api/v1/recoveries/balances").status()).isEqualTo(200);
        assertThat(api.get("fz.finance", base).status()).as("another city's finance").isEqualTo(403);
    }

    @Test
    @DisplayName("write-off only with approval (maker-checker): the request moves nothing; the maker approving is 409; "
            + "the database refuses a write-off step without an approved request and an approval by the maker; two "
            + "approvals at once: one, booked once (Dr 5001 / Cr 1231); no reason: 400")
    void writeOffMakerChecker() throws Exception {
        Recovery r = open(926_003, null, "800.00", "recovery-it:write-off");
        ApiClient api = new ApiClient(port);
        String base = "/api/v1/recoveries/" + r.id();
        ApiClient.Response noReason = api.post("fj.finance", base + "/write-off", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.firstErrorField()).isEqualTo("reason");
        Map<Account, Money> before = balances();
        ApiClient.Response requested = api.post("fj.finance", base + "/write-off", Map.of("reason", "本人及继承人均无财产可供追回（测试）"));
        assertThat(requested.status()).isEqualTo(201);
        assertThat(recoveries.details(users.get("fj.finance"), r.id()).recovery().balance())
                .as("a write-off without approval writes nothing off").isEqualTo(Money.yuan("800.00"));
        moved(before, Map.of());
        assertThat(api.post("fj.finance", base + "/write-off", Map.of("reason", "again")).status())
                .as("one open request").isEqualTo(409);
        ApiClient.Response maker = api.post("fj.finance", base + "/write-off/approval", null);
        assertThat(maker.status()).isEqualTo(409);
        assertThat(maker.firstErrorMessage()).contains("申请人以外");
        long writeOff = requested.body().path("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("UPDATE recovery_writeoff SET status = 'APPROVED', decided_by = requested_by,"
                + " decided_at = now() WHERE id = :id").param("id", writeOff).update())
                .as("the database refuses the maker approving").hasMessageContaining("recovery_writeoff_four_eyes");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO recovery_step (region_code, case_id, kind, amount, balance_after, writeoff_id, actor, at)
                VALUES ('350200', :c, 'WRITTEN_OFF', 800, 0, :w, 'fj.finance', now())""")
                .param("c", r.id()).param("w", writeOff).update())
                .as("no write-off step without an approved request").hasMessageContaining("approved request");
        moved(before, Map.of());

        List<Object> decided = twiceAtOnce(() -> steps.decideWriteOff(users.get("xm.reviewer"), r.id(), true));
        assertThat(decided).filteredOn(o -> o instanceof Recovery).hasSize(1);
        assertThat(decided).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        moved(before, Map.of(Account.PENSION_EXPENSE, Money.yuan("800.00"), Account.PENSION_RECEIVABLE, Money.yuan("-800.00")));
        Recovery closed = recoveries.details(users.get("fj.finance"), r.id()).recovery();
        assertThat(closed.status()).isEqualTo(RecoveryStatus.CLOSED);
        assertThat(history(r.id())).containsExactly(StepKind.OPENED, StepKind.WRITE_OFF_REQUESTED, StepKind.WRITTEN_OFF,
                StepKind.CLOSED);
        assertThat(recoveries.details(users.get("fj.finance"), r.id()).writeOffs()).singleElement()
                .satisfies(w -> assertThat(w.decidedBy()).isEqualTo("xm.reviewer"));
    }

    @Test
    @DisplayName("N-1e, FJ-1.7: a settlement worklist item decided 'recovery opened' opens the case of its amount in "
            + "the same transaction (1231 / 5001); an item that is not a payment cannot be decided so (400, still open); "
            + "the list filters by cause and status with totals, balances per region, the person's page")
    void settlementDecisionOpensACase() throws Exception {
        long order = order(926_004, "1500.00");
        long emergency = jdbc.sql("SELECT id FROM policy_emergency ORDER BY id LIMIT 1").query(Long.class).single();
        long payment = item(emergency, "payroll-order:" + order, "123.45");
        long notPayment = item(emergency, "casework-case:926004", "50.00");
        Map<Account, Money> before = balances();
        worklists.decide(users.get("fj.finance"), payment, Decision.RECOVERY_OPENED.name(), "认证逾期，多发部分追回（测试）");
        Recovery r = recoveries.bySource("settlement-item:" + payment, XIAMEN).orElseThrow();
        assertThat(r.cause()).isEqualTo(Cause.SETTLEMENT_DECISION);
        assertThat(r.amount()).isEqualTo(Money.yuan("123.45"));
        assertThat(r.paidOrder()).isEqualTo(order);
        assertThat(r.personId()).isEqualTo(926_004);
        moved(before, Map.of(Account.PENSION_RECEIVABLE, Money.yuan("123.45"), Account.PENSION_EXPENSE, Money.yuan("-123.45")));
        assertThatThrownBy(() -> worklists.decide(users.get("fj.finance"), notPayment, "RECOVERY_OPENED", "追回"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("SELECT decision IS NULL FROM settlement_item WHERE id = :id").param("id", notPayment)
                .query(Boolean.class).single()).as("nothing written").isTrue();

        Recoveries.Listing listing = recoveries.list(users.get("fj.finance"),
                new Recoveries.Filter(RecoveryStatus.OPEN, Cause.SETTLEMENT_DECISION, false), 500);
        assertThat(listing.cases()).extracting(Recovery::id).contains(r.id());
        assertThat(listing.balance()).isGreaterThanOrEqualTo(Money.yuan("123.45"));
        assertThat(listing.cases()).allMatch(c -> c.cause() == Cause.SETTLEMENT_DECISION && c.status() == RecoveryStatus.OPEN);
        assertThat(recoveries.balances(users.get("fj.finance"))).anySatisfy(b -> {
            assertThat(b.regionCode()).isEqualTo("350200");
            assertThat(b.fund()).isEqualTo(Fund.PENSION);
        });
        assertThat(recoveries.ofPerson(users.get("fj.finance"), 926_004)).extracting(Recovery::id).containsExactly(r.id());
        assertThatThrownBy(() -> recoveries.list(users.get("fz.finance"), new Recoveries.Filter(null, null, false), 10)
                .cases().stream().filter(c -> c.id() == r.id()).findAny().orElseThrow())
                .as("Fuzhou's finance does not see Xiamen's cases").isInstanceOf(java.util.NoSuchElementException.class);

        var web = WebSession.login(port, "fj.finance");
        var list = web.get("/recoveries?cause=SETTLEMENT_DECISION");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("疫情后清理决定追回").contains("追回926004").contains("123.45")
                .doesNotContain(">SETTLEMENT_DECISION<").doesNotContain(">OPEN<");
        var page = web.get("/recoveries/" + r.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("立案并记应收").contains("从后续待遇中扣回").contains("申请核销");
        var refused = web.submit("/recoveries/" + r.id(), "/recoveries/" + r.id() + "/repayments",
                Map.of("amount", "999", "paidOn", LocalDate.now().toString(), "note", "多退"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("超过尚未追回的余额").contains("value=\"999\"").contains("value=\"多退\"");
    }

    @Autowired
    org.shebao.registry.Persons persons;
    @Autowired
    org.shebao.pension.RecordImports imports;

    @Test
    @DisplayName("N-1e / SX-2 death data: the month paid after a death (Xiamen 2019-03) opens a recovery case booked "
            + "once, by the death's own voucher; the stopped order cannot be deducted from (400), so a payment request "
            + "goes to the heirs")
    void deathOpensACase() throws Exception {
        String first17 = "350200" + "19500101" + "926";
        String id = first17 + org.shebao.common.IdNumber.checkChar(first17);
        long person = persons.registerPerson(users.get("xm.clerk"), new org.shebao.registry.PersonData(id, "追回身故",
                "13900009260", "350200", "350200")).id();
        long order = orders.registerOrder(new StandingOrders.NewOrder(person, XIAMEN, Benefit.PENSION, OrderKind.REGULAR,
                Money.yuan("1000.00"), YearMonth.of(2019, 3), LocalDate.of(2030, 12, 31), "6222021926000926", "追回身故",
                "", null));
        orders.endOrder(order, YearMonth.of(2019, 3));
        payroll.execute(payroll.open(users.get("fj.finance"), XIAMEN, YearMonth.of(2019, 3)).id());
        Map<Account, Money> before = balances();
        org.shebao.pension.RecordImports.Result r = imports.importFile(users.get("fj.finance"),
                org.shebao.pension.RecordImports.Kind.DEATH,
                ("id_number,name,date\n" + id + ",追回身故,2019-02-20\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.recovery()).isEqualTo(Money.yuan("1000.00"));
        Recovery death = recoveries.bySource("death:" + person + ":2019-02-20", XIAMEN).orElseThrow();
        assertThat(death.cause()).isEqualTo(Cause.DEATH);
        assertThat(death.amount()).isEqualTo(Money.yuan("1000.00"));
        assertThat(death.bookedAs()).isEqualTo("death:" + person + ":2019-02-20");
        moved(before, Map.of(Account.PENSION_RECEIVABLE, Money.yuan("1000.00"), Account.PENSION_EXPENSE, Money.yuan("-1000.00")));
        assertThatThrownBy(() -> steps.startDeduction(users.get("fj.finance"), death.id(), order, YearMonth.of(2019, 4)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(steps.requestPayment(users.get("fj.finance"), death.id()).status()).isEqualTo(RecoveryStatus.REQUESTED);
        assertThat(recoveries.openOf(users.get("fj.finance"), person)).extracting(Recovery::id).containsExactly(death.id());
        var page = WebSession.login(port, "fj.finance").get("/registry/persons/" + person);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("死亡后多发待遇").contains("已发追回通知").contains("1,000.00");
    }

    private long item(long emergency, String ref, String amount) {
        return jdbc.sql("""
                INSERT INTO settlement_item (region_code, emergency_id, kind, ref, label, clauses, amount, opened_at)
                VALUES ('350200', :e, 'PAID_WITHOUT_CERTIFICATION', :ref, '追回测试', 'N-1c,FJ-1.1', :a, now()) RETURNING id""")
                .param("e", emergency).param("ref", ref).param("a", new BigDecimal(amount)).query(Long.class).single();
    }

    private static Object attempt(Callable<Object> action) {
        try {
            return action.call();
        } catch (Exception e) {
            return e;
        }
    }
}
