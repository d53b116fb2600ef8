package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.Money;
import org.shebao.identity.Users;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Persons;
import org.shebao.workinjury.MedicalFixtures.Patient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * SX-1b 多退 after the settlement: a Taiyuan hospital of the test's own owes back 800.00 of a month pre-paid at 88%;
 * the section records its repayments (partial, then the rest twice at once), Dr bank / Cr 1241; the hospital sees the
 * balance and the repayments on its statement. Bad input and a repayment above what is owed write nothing.
 */
@ShebaoIntegrationTest
@DisplayName("SX-1b 多退: the hospital's repayment of an over-pre-payment, recorded and booked (Dr bank / Cr 1241)")
class MedicalRepaymentIT {
    @LocalServerPort
    int port;
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

    @Test
    @DisplayName("SX-1b: 10000.00 declared, 88% pre-paid 8800.00, approved 8000.00 → owes 800.00; 300.00 repaid (bank "
            + "+300.00, 1241 −300.00); 500.00 twice at once: one recorded, the other refused; 900.00, −5, 0.00, a "
            + "future day refused naming the field; the hospital sees 0 owed and both repayments")
    void repaidInPartsOnce() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String login = "it.repay" + System.nanoTime() % 1_000_000;
        MedicalFixtures.hospital(accounts, encoder, institutions, users, login, today.minusYears(3), today.plusYears(1));
        Patient p = MedicalFixtures.injured(jdbc, recognitions, persons, users, today, 300);
        YearMonth m = YearMonth.from(today).minusMonths(4);
        String csv = "公民身份号码,姓名,就诊日期,费用项目,金额（元）\n" + p.idNumber() + "," + p.name() + "," + m.atDay(6)
                + ",手术费,10000.00\n";
        MedicalStatement s = bills.submitFile(users.get(login), m.toString(), "bills.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        s = prepayments.prepay(users.get("ty.reviewer"), s.id(), null, "0.88");
        s = prepayments.settle(users.get("ty.reviewer"), s.id(), null, "8000.00", today.toString());
        assertThat(s.owed()).isEqualTo(Money.yuan("800.00"));
        String path = "/api/v1/workinjury/medical-statements/" + s.id() + "/repayments";
        Money bank = ledger.balance(Account.WORK_INJURY_BANK);
        Money receivable = ledger.balance(Account.WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE);

        assertRefused(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("900.00"), "receivedOn",
                today.toString())), "amount", "800.00");
        assertRefused(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("-5"), "receivedOn",
                today.toString())), "amount", "0");
        assertRefused(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("0.00"), "receivedOn",
                today.toString())), "amount", "0");
        assertRefused(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("1.005"), "receivedOn",
                today.toString())), "amount", "");
        assertRefused(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("100.00"), "receivedOn",
                today.plusDays(1).toString())), "receivedOn", "");
        assertRefused(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("100.00"))), "receivedOn", "");
        assertThat(api.post(login, path, Map.of("amount", new BigDecimal("100.00"), "receivedOn", today.toString()))
                .status()).as("the hospital does not book its own repayment").isEqualTo(403);
        assertThat(bills.repayments(users.get(login), s.id())).as("nothing written").isEmpty();
        assertThat(ledger.balance(Account.WORK_INJURY_BANK)).isEqualTo(bank);

        ApiClient.Response first = api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("300.00"),
                "receivedOn", today.toString(), "reference", "HD-0001"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("balance").decimalValue()).isEqualByComparingTo("-500.00");
        assertThat(ledger.balance(Account.WORK_INJURY_BANK)).isEqualTo(bank.plus(Money.yuan("300.00")));
        assertThat(ledger.balance(Account.WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE))
                .isEqualTo(receivable.minus(Money.yuan("300.00")));

        Map<String, Object> rest = Map.of("amount", new BigDecimal("500.00"), "receivedOn", today.toString(),
                "reference", "HD-0002");
        List<ApiClient.Response> both = AllAtOnce.run(List.<Callable<ApiClient.Response>>of(
                () -> api.post("ty.reviewer", path, rest), () -> api.post("ty.reviewer", path, rest)));
        assertThat(both).extracting(ApiClient.Response::status).containsOnlyOnce(201);
        assertThat(both).extracting(ApiClient.Response::status).anyMatch(x -> x == 400 || x == 409);
        assertThat(ledger.balance(Account.WORK_INJURY_BANK)).isEqualTo(bank.plus(Money.yuan("800.00")));
        assertThat(ledger.balance(Account.WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE))
                .isEqualTo(receivable.minus(Money.yuan("800.00")));
        assertThat(bills.repayments(users.get(login), s.id())).extracting(MedicalStatement.Repayment::amount)
                .containsExactly(Money.yuan("300.00"), Money.yuan("500.00"));
        assertThat(api.post("ty.reviewer", path, Map.of("amount", new BigDecimal("1.00"), "receivedOn",
                today.toString())).status()).as("nothing owed any more").isEqualTo(409);

        ApiClient.Response mine = api.get(login, "/api/v1/hospital/statements");
        assertThat(mine.body().path(0).path("balance").decimalValue()).isEqualByComparingTo("0");
        String page = WebSession.login(port, login).get("/hospital/statements/" + s.id()).body();
        assertThat(page).contains("退款记录", "300.00", "500.00", "HD-0002", "已全部退回").doesNotContain("出错了")
                .doesNotContain("id=\"repay-form\"");
        String staff = WebSession.login(port, "ty.reviewer").get("/workinjury/medical/statements/" + s.id()).body();
        assertThat(staff).contains("已全部退回").doesNotContain("id=\"repay-form\"");
    }

    private static void assertRefused(ApiClient.Response r, String field, String inMessage) {
        assertThat(r.status()).as(field).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo(field);
        assertThat(r.firstErrorMessage()).contains(inMessage);
    }
}
