package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.identity.Users;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Persons;
import org.shebao.workinjury.MedicalFixtures.Patient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * SX-1b through the product: a Taiyuan agreement hospital of the test's own submits months of work-injury bills; the
 * Taiyuan reviewer pre-pays 88% and settles after the paper review, both ways; the work-injury fund's account balances
 * move by exactly the hand-computed amounts. Bad input is refused naming the line or field, with nothing written.
 */
@ShebaoIntegrationTest
@DisplayName("SX-1b 协议医疗机构工伤医疗费用：按月报送、按85%–90%预付、集中审核后多退少补")
class MedicalBillsIT {
    private static final List<Account> ACCOUNTS = List.of(Account.WORK_INJURY_MEDICAL_PREPAYMENTS,
            Account.WORK_INJURY_BANK, Account.WORK_INJURY_MEDICAL_EXPENSE,
            Account.WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TestUsers users;
    @Autowired
    Users accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Persons persons;
    @Autowired
    Recognitions recognitions;
    @Autowired
    Institutions institutions;
    @Autowired
    MedicalBills bills;
    @Autowired
    MedicalPrepayments prepayments;
    @Autowired
    Ledger ledger;
    @Autowired
    ApiClient api;

    private LocalDate today;
    private YearMonth now;
    private String login;
    private Patient a;
    private Patient b;

    @BeforeEach
    void hospital() {
        today = LocalDate.now(clock);
        now = YearMonth.from(today);
        login = "it.hospital" + System.nanoTime() % 1_000_000;
        MedicalFixtures.hospital(accounts, encoder, institutions, users, login, today.minusYears(3), today.plusYears(1));
        a = MedicalFixtures.injured(jdbc, recognitions, persons, users, today, 300);
        b = MedicalFixtures.injured(jdbc, recognitions, persons, users, today, 300);
    }

    private String csv(YearMonth m, String... lines) {
        return "公民身份号码,姓名,就诊日期,费用项目,金额（元）\n" + String.join("\n", lines) + "\n";
    }

    private String line(Patient p, YearMonth m, int day, String item, String amount) {
        return p.idNumber() + "," + p.name() + "," + m.atDay(day) + "," + item + "," + amount;
    }

    private MedicalStatement upload(YearMonth m, String text) {
        return bills.submitFile(users.get(login), m.toString(), "bills.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<Account, Money> balances() {
        Map<Account, Money> out = new java.util.LinkedHashMap<>();
        ACCOUNTS.forEach(acc -> out.put(acc, ledger.balance(acc)));
        return out;
    }

    private Money moved(Map<Account, Money> before, Account acc) {
        return ledger.balance(acc).minus(before.get(acc));
    }

    /** The movements since {@code before} of 1221 pre-paid, 1002 bank, 5202 medical expense and 1241 receivable. */
    private void assertMoved(Map<Account, Money> before, String prepaid, String bank, String expense, String receivable) {
        List<String> expected = List.of(prepaid, bank, expense, receivable);
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            assertThat(moved(before, ACCOUNTS.get(i))).as(ACCOUNTS.get(i).name()).isEqualTo(Money.yuan(expected.get(i)));
        }
    }

    @Test
    @DisplayName("SX-1b 少补: 12000.00 + 3500.50 + 1499.50 = 17000.00 declared; 88% pre-paid = 14960.00 (1221 +14960.00, "
            + "bank −14960.00); approved 16500.00 → top-up 1540.00: 1221 back to 0, bank −16500.00, expense 5202 +16500.00")
    void prepaidAt88ThenToppedUp() {
        YearMonth m = now.minusMonths(2);
        Map<Account, Money> before = balances();
        MedicalStatement s = upload(m, csv(m, line(a, m, 3, "住院费", "12000.00"), line(a, m, 12, "检查费", "3500.50"),
                line(b, m, 20, "换药费", "1499.50")));
        assertThat(s.status()).isEqualTo(MedicalStatement.Status.SUBMITTED);
        assertThat(s.declared()).isEqualTo(Money.yuan("17000.00"));
        assertThat(s.lineCount()).isEqualTo(3);

        s = prepayments.prepay(users.get("ty.reviewer"), s.id(), s.version(), "0.88");
        assertThat(s.prepaid()).isEqualTo(Money.yuan("14960.00"));
        assertThat(s.clauses()).isEqualTo("SX-1b");
        assertMoved(before, "14960.00", "-14960.00", "0.00", "0.00");

        s = prepayments.settle(users.get("ty.reviewer"), s.id(), s.version(), "16500.00", today.toString());
        assertThat(s.status()).isEqualTo(MedicalStatement.Status.SETTLED);
        assertThat(s.outcome()).isEqualTo(MedicalPrepaymentRule.Outcome.TOP_UP);
        assertThat(s.settlement()).isEqualTo(Money.yuan("1540.00"));
        assertThat(s.balance()).isEqualTo(Money.ZERO);
        assertMoved(before, "0.00", "-16500.00", "16500.00", "0.00");
        assertThat(bills.history(users.get(login), s.id())).extracting(HistoryEntry::step)
                .containsExactly("SUBMITTED", "PREPAID", "SETTLED");
    }

    @Test
    @DisplayName("SX-1b 多退: 10000.00 declared, 88% pre-paid = 8800.00; approved 8000.00 → 800.00 receivable from the "
            + "hospital (1241 +800.00), expense +8000.00, bank −8800.00; the hospital's balance shows −800.00")
    void prepaidAt88ThenRefund() {
        YearMonth m = now.minusMonths(3);
        Map<Account, Money> before = balances();
        MedicalStatement s = upload(m, csv(m, line(a, m, 5, "手术费", "10000")));
        s = prepayments.prepay(users.get("ty.reviewer"), s.id(), null, "0.88");
        assertThat(s.prepaid()).isEqualTo(Money.yuan("8800.00"));
        s = prepayments.settle(users.get("ty.reviewer"), s.id(), null, "8000.00", today.toString());
        assertThat(s.outcome()).isEqualTo(MedicalPrepaymentRule.Outcome.REFUND);
        assertThat(s.settlement()).isEqualTo(Money.yuan("-800.00"));
        assertThat(s.balance()).isEqualTo(Money.yuan("-800.00"));
        assertMoved(before, "0.00", "-8800.00", "8000.00", "800.00");
        // the hospital sees its statement, and only its own
        ApiClient.Response mine = api.get(login, "/api/v1/hospital/statements");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().size()).isEqualTo(1);
        assertThat(mine.body().path(0).path("balance").decimalValue()).isEqualByComparingTo("-800.00");
        assertThat(api.get("ty.hospital", "/api/v1/workinjury/medical-statements/" + s.id()).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("re-submission replaces the month until it is pre-paid; afterwards it is refused (409) and the "
            + "pre-paid month stays as it was")
    void resubmissionUntilPrepaid() {
        YearMonth m = now.minusMonths(4);
        MedicalStatement first = upload(m, csv(m, line(a, m, 2, "门诊费", "100.00")));
        MedicalStatement second = upload(m, csv(m, line(a, m, 2, "门诊费", "100.00"), line(b, m, 3, "药费", "50.00")));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.declared()).isEqualTo(Money.yuan("150.00"));
        assertThat(second.submissions()).isEqualTo(2);
        assertThat(bills.lines(users.get(login), second.id())).hasSize(2);
        prepayments.prepay(users.get("ty.reviewer"), second.id(), null, "0.85");
        assertThatThrownBy(() -> upload(m, csv(m, line(a, m, 2, "门诊费", "999.00"))))
                .isInstanceOf(ConflictException.class);
        assertThat(bills.get(users.get(login), second.id()).declared()).isEqualTo(Money.yuan("150.00"));
    }

    @Test
    @DisplayName("bad lines (an unknown patient, a negative amount, a person without a recognized injury) are each "
            + "named with their line number and field; nothing is written")
    void badLinesNamedNothingWritten() {
        YearMonth m = now.minusMonths(1);
        Patient noInjury = noInjury();
        String text = csv(m, line(a, m, 1, "检查费", "200.00"),
                "110101199003070038,查无此人," + m.atDay(2) + ",检查费,100.00",
                line(b, m, 3, "药费", "-5.00"),
                noInjury.idNumber() + "," + noInjury.name() + "," + m.atDay(4) + ",药费,10.00");
        assertThatThrownBy(() -> upload(m, text)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactly("lines[3].idNumber", "lines[4].amount", "lines[5].idNumber"));
        assertThat(jdbc.sql("SELECT count(*) FROM workinjury_medical_statement s JOIN workinjury_institution_user u"
                        + " ON u.institution_id = s.institution_id WHERE u.username = :u")
                .param("u", login).query(Long.class).single()).isZero();
        // the same over the API: 400 naming the line, in the user's language
        ApiClient.Response r = api.post(login, "/api/v1/hospital/statements", Map.of("month", m.toString(), "lines",
                List.of(Map.of("idNumber", b.idNumber(), "name", b.name(), "treatedOn", m.atDay(3).toString(),
                        "item", "药费", "amount", "-5.00"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("lines[1].amount");
        assertThat(r.firstErrorMessage()).contains("第1行").contains("金额不能为负数");
    }

    private Patient noInjury() {
        long id = WorkInjuryFixtures.freshPerson(jdbc, "140100");
        var p = persons.person(users.get("ty.clerk"), id);
        return new Patient(id, p.idNumber().value(), p.name());
    }

    @Test
    @DisplayName("SX-1b: a pre-payment ratio of 0.95 is refused naming the ratio and the range 85%–90% (400); the "
            + "statement stays submitted and the books do not move")
    void ratioOutsideRange() {
        YearMonth m = now.minusMonths(5);
        MedicalStatement s = upload(m, csv(m, line(a, m, 8, "康复费", "1000.00")));
        Map<Account, Money> before = balances();
        assertThatThrownBy(() -> prepayments.prepay(users.get("ty.reviewer"), s.id(), null, "0.95"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("ratio");
                    assertThat(e.violations().get(0).args()).containsExactly("85", "90");
                });
        ApiClient.Response r = api.post("ty.reviewer", "/api/v1/workinjury/medical-statements/" + s.id()
                + "/prepayment", Map.of("ratio", new BigDecimal("0.95")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("ratio");
        assertThat(r.firstErrorMessage()).contains("85%").contains("90%");
        assertThat(bills.get(users.get(login), s.id()).status()).isEqualTo(MedicalStatement.Status.SUBMITTED);
        assertMoved(before, "0.00", "0.00", "0.00", "0.00");
        // a hospital cannot pre-pay its own bills
        assertThat(api.post(login, "/api/v1/workinjury/medical-statements/" + s.id() + "/prepayment",
                Map.of("ratio", new BigDecimal("0.88"))).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("an institution outside its agreement period cannot submit: the month is named with the period (400)")
    void outsideAgreement() {
        String expired = login + "x";
        MedicalFixtures.hospital(accounts, encoder, institutions, users, expired, today.minusYears(3),
                now.minusMonths(3).atEndOfMonth());
        YearMonth m = now.minusMonths(1);
        ApiClient.Response r = api.post(expired, "/api/v1/hospital/statements", Map.of("month", m.toString(), "lines",
                List.of(Map.of("idNumber", a.idNumber(), "name", a.name(), "treatedOn", m.atDay(3).toString(),
                        "item", "药费", "amount", "10.00"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("month");
        assertThat(r.firstErrorMessage()).contains("协议期");
    }

    @Test
    @DisplayName("registering an institution: an agreement ending before it starts and an account that is not a "
            + "hospital's are named (400, nothing written); a clerk may not register (403); the reviewer may (201)")
    void registration() {
        String no = "REG-" + login;
        ApiClient.Response bad = api.post("ty.reviewer", "/api/v1/workinjury/institutions", Map.of("name", "太原登记测试医院",
                "agreementNo", no, "agreementFrom", "2026-01-01", "agreementTo", "2025-12-31", "hospitalUser", "ty.clerk"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsString("field")).containsExactly("agreementTo", "hospitalUser");
        assertThat(api.post("ty.clerk", "/api/v1/workinjury/institutions", Map.of("name", "太原登记测试医院",
                "agreementNo", no, "agreementFrom", "2026-01-01", "agreementTo", "2027-12-31")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM workinjury_institution WHERE agreement_no = :n").param("n", no)
                .query(Long.class).single()).isZero();
        ApiClient.Response ok = api.post("ty.reviewer", "/api/v1/workinjury/institutions", Map.of("name", "太原登记测试医院",
                "agreementNo", no, "agreementFrom", "2026-01-01", "agreementTo", "2027-12-31"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body().path("regionCode").asString()).isEqualTo("140100");
        assertThat(api.post("ty.reviewer", "/api/v1/workinjury/institutions", Map.of("name", "太原登记测试医院",
                "agreementNo", no, "agreementFrom", "2026-01-01", "agreementTo", "2027-12-31")).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("two reviewers (eight requests) pre-pay the same month at once: one pre-payment, one voucher, the "
            + "receivable moved once; the others are told it is pre-paid (409)")
    void prepaymentSingleWinner() throws Exception {
        YearMonth m = now.minusMonths(6);
        MedicalStatement s = upload(m, csv(m, line(b, m, 9, "住院费", "5000.00")));
        Map<Account, Money> before = balances();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> api.post("ty.reviewer", "/api/v1/workinjury/medical-statements/" + s.id() + "/prepayment",
                    Map.of("ratio", new BigDecimal("0.88"), "version", s.version())).status());
        }
        List<Integer> statuses = AllAtOnce.run(tasks);
        assertThat(statuses).filteredOn(st -> st == 200).hasSize(1);
        assertThat(statuses).filteredOn(st -> st != 200).allMatch(st -> st == 409);
        assertMoved(before, "4400.00", "-4400.00", "0.00", "0.00");
        assertThat(ledger.journals(null, "wi-medical-prepay:" + s.id(), null, null, 10)).hasSize(1);
    }
}
