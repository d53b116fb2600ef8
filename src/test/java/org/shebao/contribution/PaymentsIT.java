package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.FilePart;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Payments and arrears (issue 11, item 5) on the real database, through the API as the collection section (fz.finance)
 * and the employer would use it, with the books per fund checked by account balances (before and after, the
 * integration tests share one database).
 * <p>
 * The bill every test starts from: a large Fuzhou enterprise, one employee with a wage base of 6000.00 in a month
 * without relief (2019-11 or 2020-08; Fujian 2019 average wage 4815.00, so 6000.00 lies within 60%–300%):
 * pension 16% = 960.00 + personal 8% = 480.00 → 1440.00; unemployment 0.5% + 0.5% = 30.00 + 30.00 → 60.00; work
 * injury class 1, 0.2% = 12.00 (employer only) → a total of 1512.00, due on the 15th of the month after.
 */
@ShebaoIntegrationTest
@DisplayName("Payments (缴费) and arrears (欠费): file import all or nothing, online payments, matching, late fee, worklists, books")
class PaymentsIT extends ContributionIntegration {
    private static final AtomicInteger REF = new AtomicInteger();

    /** A fresh large enterprise with one employee, base 6000.00, and its bill of the month: 1512.00. */
    private Employer billed(String... months) {
        Employer e = declaredLarge("王缴费", months);
        for (String m : months) {
            Bill b = bills.assess(clerk, e.id(), YearMonth.parse(m)).bill();
            assertThat(b.totalDue()).as(m).isEqualTo(Money.yuan("1512.00"));
        }
        return e;
    }

    private static String ref() {
        return "T" + System.nanoTime() % 1_000_000_000L + "-" + REF.incrementAndGet();
    }

    private static byte[] file(String... lines) {
        return ("\uFEFF缴费流水号,统一社会信用代码,费款所属期,缴费金额（元）,缴费日期\r\n" + String.join("\r\n", lines) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Response upload(String user, byte[] bytes) {
        return api.multipart(user, "/api/v1/payments/file", "{}",
                List.of(new FilePart("file", "缴费.csv", "text/csv", bytes)), Map.of());
    }

    private Bill bill(Employer e, String month) {
        return bills.bill(clerk, e.id(), YearMonth.parse(month)).orElseThrow();
    }

    private Map<String, Long> counts() {
        return Map.of("payment", count("contribution_payment"), "file", count("contribution_payment_file"),
                "journal", count("ledger_journal"));
    }

    private Money balance(Account a) {
        return ledger.balance(a);
    }

    @Test
    @DisplayName("核定 books the bill per fund: contributions receivable 1440.00 / 60.00 / 12.00 against income")
    void billBooked() {
        Money pension = balance(Account.PENSION_CONTRIBUTIONS_RECEIVABLE);
        Money unemployment = balance(Account.UNEMPLOYMENT_CONTRIBUTIONS_RECEIVABLE);
        Money injury = balance(Account.WORK_INJURY_CONTRIBUTIONS_RECEIVABLE);
        Money income = balance(Account.PENSION_CONTRIBUTION_INCOME);
        billed("2020-08");
        assertThat(balance(Account.PENSION_CONTRIBUTIONS_RECEIVABLE).minus(pension)).isEqualTo(Money.yuan("1440.00"));
        assertThat(balance(Account.UNEMPLOYMENT_CONTRIBUTIONS_RECEIVABLE).minus(unemployment))
                .isEqualTo(Money.yuan("60.00"));
        assertThat(balance(Account.WORK_INJURY_CONTRIBUTIONS_RECEIVABLE).minus(injury)).isEqualTo(Money.yuan("12.00"));
        assertThat(balance(Account.PENSION_CONTRIBUTION_INCOME).minus(income)).as("income is a credit")
                .isEqualTo(Money.yuan("-1440.00"));
    }

    @Test
    @DisplayName("a good file: one employer paid in full (PAID), another in part (PART_PAID, on the underpaid list); "
            + "paid in time, no fee; the bank and receivable move per fund by the bill's shares")
    void goodFile() {
        Employer a = billed("2020-08");
        Employer b = billed("2020-08");
        Money bank = balance(Account.PENSION_COLLECTION_BANK);
        Money receivable = balance(Account.PENSION_CONTRIBUTIONS_RECEIVABLE);
        Money injuryBank = balance(Account.WORK_INJURY_COLLECTION_BANK);
        String r1 = ref();
        String r2 = ref();
        Response r = upload("fz.finance", file(
                r1 + "," + a.creditCode() + ",2020-08,1512.00,2020-09-10",
                "",
                r2 + "," + b.creditCode() + ",2020-08,\"1,000.00\",2020-09-15"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("lines").asInt()).isEqualTo(2);
        assertThat(r.body().path("total").decimalValue()).isEqualByComparingTo("2512.00");
        JsonNode p2 = r.body().path("payments").get(1);
        assertThat(p2.path("lineNo").asInt()).as("line numbers as the editor shows them (a blank line skipped)")
                .isEqualTo(4);
        assertThat(p2.path("match").asString()).isEqualTo("MATCHED");
        assertThat(p2.path("feeDays").isNull()).as("paid on the due date: no fee").isTrue();
        assertThat(bill(a, "2020-08").status()).isEqualTo(BillStatus.PAID);
        Bill partly = bill(b, "2020-08");
        assertThat(partly.status()).isEqualTo(BillStatus.PART_PAID);
        assertThat(partly.outstanding()).isEqualTo(Money.yuan("512.00"));
        // pension: 1440.00 (a) + 1000.00 × 1440 / 1512 = 952.38095… → 952.38 (b); work injury: 12.00 (a) +
        // 1000.00 − 952.38 − 39.68 (unemployment: 1000 × 60 / 1512 = 39.68253…) = 7.94 (b)
        assertThat(balance(Account.PENSION_COLLECTION_BANK).minus(bank)).isEqualTo(Money.yuan("2392.38"));
        assertThat(balance(Account.PENSION_CONTRIBUTIONS_RECEIVABLE).minus(receivable)).as("paid off the receivable")
                .isEqualTo(Money.yuan("-2392.38"));
        assertThat(balance(Account.WORK_INJURY_COLLECTION_BANK).minus(injuryBank)).isEqualTo(Money.yuan("19.94"));
        Payments.Items under = payments.worklist(users.get("fz.finance"), Payments.Worklist.UNDERPAID);
        assertThat(under.bills()).anySatisfy(i -> {
            assertThat(i.billId()).isEqualTo(partly.id());
            assertThat(i.outstanding()).isEqualTo(Money.yuan("512.00"));
            assertThat(i.employerName()).isEqualTo(b.name());
        });
        assertThat(payments.worklist(users.get("ty.finance"), Payments.Worklist.UNDERPAID).bills())
                .as("Taiyuan's finance sees Taiyuan only").noneMatch(i -> i.billId() == partly.id());
    }

    @Test
    @DisplayName("one bad line among good ones: 400 naming the line and the reason; nothing written, the bill stays open")
    void badLineNothingWritten() {
        Employer a = billed("2020-08");
        Map<String, Long> before = counts();
        String r1 = ref();
        Response r = upload("fz.finance", file(
                r1 + "," + a.creditCode() + ",2020-08,1512.00,2020-09-10",
                ref() + "," + a.creditCode() + ",2020-08,12a.00,2020-09-10",
                r1 + ",91350100MA00000000,2099-01,-5,2020-02-30"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        r.body().path("errors").forEach(e -> messages.add(e.path("message").asString()));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("第3行").contains("12a.00").contains("不是有效金额"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("第4行").contains("与第2行的缴费流水号"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("第4行").contains("2099-01"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("第4行").contains("必须大于零"));
        assertThat(messages).noneMatch(m -> m.startsWith("第2行"));
        assertThat(counts()).isEqualTo(before);
        assertThat(bill(a, "2020-08").status()).isEqualTo(BillStatus.OPEN);
    }

    @Test
    @DisplayName("the same file imported by 4 requests at once: one 201, three 409; the payment counted once")
    void parallelDuplicateImport() throws Exception {
        Employer a = billed("2020-08");
        String r1 = ref();
        byte[] bytes = file(r1 + "," + a.creditCode() + ",2020-08,700.00,2020-09-10");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> f = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                f.add(pool.submit((Callable<Integer>) () -> upload("fz.finance", bytes).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> x : f) {
                statuses.add(x.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM contribution_payment WHERE reference = :r").param("r", r1)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(bill(a, "2020-08").paid()).isEqualTo(Money.yuan("700.00"));
        Response again = upload("fz.finance", bytes);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("已导入过");
    }

    @Test
    @DisplayName("the same payment reference sent online by 4 requests at once: one 201, three 409")
    void parallelDuplicateReference() throws Exception {
        Employer a = billed("2020-08");
        String r1 = ref();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> f = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                f.add(pool.submit((Callable<Integer>) () -> api.post("fz.finance", "/api/v1/employers/" + a.id()
                        + "/payments", Map.of("month", "2020-08", "amount", "100.00", "reference", r1,
                        "paidOn", "2020-09-01")).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> x : f) {
                statuses.add(x.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(bill(a, "2020-08").paid()).isEqualTo(Money.yuan("100.00"));
    }

    @Test
    @DisplayName("社会保险法 第八十六条: the November 2019 bill (due 2019-12-15, before the emergency) paid 2020-01-20: "
            + "36 days × 0.05% × 1512.00 = 27.22, charged and booked per fund")
    void lateFeeCharged() {
        Employer a = billed("2019-11");
        Money pension = balance(Account.PENSION_LATE_FEES_RECEIVABLE);
        Money unemployment = balance(Account.UNEMPLOYMENT_LATE_FEES_RECEIVABLE);
        Money injury = balance(Account.WORK_INJURY_LATE_FEES_RECEIVABLE);
        Money income = balance(Account.PENSION_LATE_FEE_INCOME);
        Response r = api.post("fz.finance", "/api/v1/employers/" + a.id() + "/payments",
                Map.of("month", "2019-11", "amount", "1512.00", "reference", ref(), "paidOn", "2020-01-20"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        // days 2019-12-16 … 2020-01-20 = 16 + 20 = 36; 1512.00 × 0.0005 × 36 = 27.216 → 27.22
        assertThat(r.body().path("feeDays").asInt()).isEqualTo(36);
        assertThat(r.body().path("feeCharged").decimalValue()).isEqualByComparingTo("27.22");
        assertThat(r.body().path("feeWaiver").isNull()).isTrue();
        assertThat(r.body().path("feeSources").get(0).asString()).startsWith("社会保险法 第八十六条");
        // per fund by the bill's shares: 27.22 × 1440 / 1512 = 25.923… → 25.92; × 60 / 1512 = 1.080… → 1.08; rest 0.22
        assertThat(balance(Account.PENSION_LATE_FEES_RECEIVABLE).minus(pension)).isEqualTo(Money.yuan("25.92"));
        assertThat(balance(Account.UNEMPLOYMENT_LATE_FEES_RECEIVABLE).minus(unemployment)).isEqualTo(Money.yuan("1.08"));
        assertThat(balance(Account.WORK_INJURY_LATE_FEES_RECEIVABLE).minus(injury)).isEqualTo(Money.yuan("0.22"));
        assertThat(balance(Account.PENSION_LATE_FEE_INCOME).minus(income)).isEqualTo(Money.yuan("-25.92"));
        assertThat(bill(a, "2019-11").status()).isEqualTo(BillStatus.PAID);
    }

    @Test
    @DisplayName("N-5c / FJ-5c: the August 2020 bill paid 2020-10-15 while Fujian's lifted date is unknown: 22.68 "
            + "computed, waived, the screen's reason says the deadline is pending; nothing booked as a fee")
    void lateFeeWaivedWhilePending() {
        Employer a = billed("2020-08");
        Money fees = balance(Account.PENSION_LATE_FEES_RECEIVABLE);
        Response r = api.post("fz.finance", "/api/v1/employers/" + a.id() + "/payments",
                Map.of("month", "2020-08", "amount", "1512.00", "reference", ref(), "paidOn", "2020-10-15"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        // days 2020-09-16 … 2020-10-15 = 30; 1512.00 × 0.0005 × 30 = 22.68, waived
        assertThat(r.body().path("feeComputed").decimalValue()).isEqualByComparingTo("22.68");
        assertThat(r.body().path("feeWaived").decimalValue()).isEqualByComparingTo("22.68");
        assertThat(r.body().path("feeCharged").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(r.body().path("feeWaiver").asString()).contains("疫情解除日期待定");
        List<String> sources = new ArrayList<>();
        r.body().path("feeSources").forEach(s -> sources.add(s.asString()));
        assertThat(sources).contains("N-5c", "FJ-5c");
        assertThat(balance(Account.PENSION_LATE_FEES_RECEIVABLE)).isEqualTo(fees);
        JsonNode bill = api.get("fz.clerk", "/api/v1/employers/" + a.id() + "/bills/2020-08").body();
        assertThat(bill.path("status").asString()).isEqualTo("PAID");
        assertThat(bill.path("payments").get(0).path("feeWaiver").asString()).contains("免收滞纳金");
        assertThat(api.get("employer.fz", "/api/v1/employers/" + a.id() + "/bills/2020-08").status())
                .as("another employer's bill is not employer.fz's to read").isEqualTo(403);
    }

    @Test
    @DisplayName("worklists: overpaid (more than the bill), unmatched (no bill of that month), arrears (due date passed, unpaid)")
    void worklists() {
        Employer a = billed("2020-08");
        Employer b = billed("2020-08");
        ShebaoUser finance = users.get("fz.finance");
        Payment over = payments.record(finance, a.id(), new Payments.OnlinePayment("2020-08", "2000.00", ref(),
                "2020-09-01"));
        assertThat(over.match()).isEqualTo(Payment.Match.OVERPAID);
        assertThat(over.excess()).isEqualTo(Money.yuan("488.00"));
        Payment none = payments.record(finance, a.id(), new Payments.OnlinePayment("2020-07", "300.00", ref(),
                "2020-09-01"));
        assertThat(none.match()).isEqualTo(Payment.Match.UNMATCHED);
        assertThat(payments.worklist(finance, Payments.Worklist.OVERPAID).payments())
                .anySatisfy(p -> assertThat(p.paymentId()).isEqualTo(over.id()));
        assertThat(payments.worklist(finance, Payments.Worklist.UNMATCHED).payments())
                .anySatisfy(p -> assertThat(p.paymentId()).isEqualTo(none.id()))
                .noneMatch(p -> p.paymentId() == over.id());
        Bill unpaid = bill(b, "2020-08");
        assertThat(payments.worklist(finance, Payments.Worklist.ARREARS).bills())
                .anySatisfy(i -> {
                    assertThat(i.billId()).isEqualTo(unpaid.id());
                    assertThat(i.outstanding()).isEqualTo(Money.yuan("1512.00"));
                    assertThat(i.dueOn()).hasToString("2020-09-15");
                })
                .noneMatch(i -> i.billId() == bill(a, "2020-08").id());
        Response r = api.get("fz.finance", "/api/v1/payments/worklists/arrears");
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get("employer.fz", "/api/v1/payments/worklists/arrears").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("bad input online: another employer's payment 403; negative amount, future month, bad reference 400 "
            + "naming each field; nothing written")
    void badInputOnline() {
        Employer a = billed("2020-08");
        Map<String, Long> before = counts();
        assertThat(api.post("employer.fz", "/api/v1/employers/" + a.id() + "/payments",
                Map.of("month", "2020-08", "amount", "10.00", "reference", ref())).status()).isEqualTo(403);
        Response r = api.post("fz.finance", "/api/v1/employers/" + a.id() + "/payments",
                Map.of("month", "2099-01", "amount", "-10", "reference", "含中文"));
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("month", "amount", "reference");
        assertThat(counts()).isEqualTo(before);
    }
}
