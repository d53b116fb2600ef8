package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.BillFixtures.Employee;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.pension.PensionFacts;
import org.shebao.pension.Pensions;
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
 * A flexible worker's 2020 payments (N-5b / FJ-5b) and the paid months of the rights record (N-5c / FJ-5c, item 7), on
 * the real database through the API, with Fujian's lifted date entered by fj.admin as 2020-04-30 (lifted + 3 months =
 * 2020-07-30, the Civil Code's corresponding day) and withdrawn after each test.
 * <p>
 * Figures: Fujian's 2019 average monthly wage 4815.00 (illustrative), so the base lies between 2889.00 (60%) and
 * 14445.00 (300%). A chosen base of 4000.00: 20% = 800.00 a month, 8% = 320.00 to the personal account. A month is
 * due on the 15th of the month after (contribution.bill.dueDay, illustrative); the late fee is 0.05% a day.
 */
@ShebaoIntegrationTest
@DisplayName("Flexible workers' payments (N-5b, FJ-5b: lump sum, gap, periodic) and the rights record (N-5c, FJ-5c)")
class PersonPaymentsIT extends ContributionIntegration {
    private static final LocalDate LIFTED = LocalDate.of(2020, 4, 30);

    @Autowired
    Contributions contributions;
    @Autowired
    Pensions pensions;
    @Autowired
    FujianEmergency fujian;

    @AfterEach
    void restoreFujian() {
        fujian.restore();
    }

    private long flexibleWorker() {
        return fixtures.person("林灵活").id();
    }

    private Response pay(long person, String mode, String from, String to, String base, String paidOn) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("mode", mode, "year", "2020", "base", base,
                "paidOn", paidOn));
        if (from != null) {
            body.put("fromMonth", from);
        }
        if (to != null) {
            body.put("toMonth", to);
        }
        return api.post("fz.clerk", "/api/v1/persons/" + person + "/contribution-payments", body);
    }

    private long rows(long person) {
        return jdbc.sql("SELECT (SELECT count(*) FROM contribution_month WHERE person_id = :p)"
                + " + (SELECT count(*) FROM contribution_person_payment WHERE person_id = :p)")
                .param("p", person).query(Long.class).single();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.path(field).asString()));
        return out;
    }

    @Test
    @DisplayName("N-5b / N-5c / FJ-5b / FJ-5c: a gap payment of 2020-02..04 completed on lifted + 3 months (2020-07-30): "
            + "2400.00, late fees 54.80 + 42.40 + 30.40 = 127.60 computed and all waived, each month flagged, in its own "
            + "month; the record unbroken, 3 months and 960.00 credited, read by the pension module with its interest (1223.87 in 2045); the money booked")
    void gapPaidByTheDeadline() {
        fujian.lift(LIFTED);
        long person = flexibleWorker();
        Money income = ledger.balance(Account.PENSION_CONTRIBUTION_INCOME);
        Response r = pay(person, "GAP", "2", "4", "4000.00", "2020-07-30");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("amount").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(r.body().path("accountCredit").decimalValue()).isEqualByComparingTo("960.00");
        assertThat(r.body().path("feeCharged").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode months = r.body().path("months");
        assertThat(texts(months, "month")).containsExactly("2020-02", "2020-03", "2020-04");
        assertThat(texts(months, "rule")).containsOnly("MEASURE");
        // 2020-02 due 2020-03-15: 137 days late, 800.00 × 0.0005 × 137 = 54.80, waived
        assertThat(months.get(0).path("reason").asString()).contains("逾期137天").contains("2020-07-30")
                .contains("免收滞纳金").contains("缴费记录不中断").contains("FJ-5c");
        assertThat(months.get(0).path("flags").asString()).contains("N-5b").contains("FJ-5b");
        assertThat(jdbc.sql("SELECT fee_computed FROM contribution_person_payment WHERE person_id = :p")
                .param("p", person).query(BigDecimal.class).single()).isEqualByComparingTo("127.60");

        JsonNode record = api.get("fz.clerk", "/api/v1/persons/" + person + "/rights-record").body();
        assertThat(record.path("unbroken").asBoolean()).isTrue();
        assertThat(record.path("totalMonths").asInt()).isEqualTo(3);
        assertThat(record.path("accountTotal").decimalValue()).isEqualByComparingTo("960.00");
        assertThat(record.path("months").get(0).path("paidOn").asString()).isEqualTo("2020-07-30");
        PensionFacts facts = pensions.facts(person, new RegionCode("350100"), LocalDate.of(2045, 1, 1), 60);
        assertThat(facts.contributionMonths()).isEqualTo(3);
        // the pension reads the balance with its interest (AccountInterest, 劳社厅发〔1997〕116号): 2020 960.00 × 6.04%
        // × (25 − 3)/24 = 53.15 → 1013.15; × 6.69% +67.78 → 1080.93; × 6.12% +66.15 → 1147.08; × 3.97% +45.54
        // → 1192.62; × 2.62% +31.25 → 1223.87 (2025 on: no published rate)
        assertThat(facts.accountBalance()).isEqualTo(Money.yuan("1223.87"));
        assertThat(ledger.balance(Account.PENSION_CONTRIBUTION_INCOME).minus(income)).isEqualTo(Money.yuan("-2400.00"));
    }

    @Test
    @DisplayName("N-5b: the same gap payment (2020-05..06) sent 8 times at once is booked once: one 201, the rest "
            + "refused, two paid months, one payment, the income account moved by one payment's amount")
    void parallelPaymentsBookedOnce() throws Exception {
        fujian.lift(LIFTED);
        long person = flexibleWorker();
        Money income = ledger.balance(Account.PENSION_CONTRIBUTION_INCOME);
        List<Response> all = org.shebao.AllAtOnce.run(java.util.Collections.nCopies(8,
                () -> pay(person, "GAP", "5", "6", "4000.00", "2020-07-30")));
        List<Response> created = all.stream().filter(x -> x.status() == 201).toList();
        assertThat(created).hasSize(1);
        assertThat(all).filteredOn(x -> x.status() != 201).extracting(Response::status)
                .allMatch(st -> st >= 400 && st < 500);
        assertThat(jdbc.sql("SELECT count(*) FROM contribution_month WHERE person_id = :p").param("p", person)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM contribution_person_payment WHERE person_id = :p").param("p", person)
                .query(Long.class).single()).isEqualTo(1);
        Money amount = new Money(created.get(0).body().path("amount").decimalValue());
        assertThat(ledger.balance(Account.PENSION_CONTRIBUTION_INCOME).minus(income)).isEqualTo(amount.negate());
    }

    @Test
    @DisplayName("N-5c: one day after lifted + 3 months (2020-07-31) the normal rules apply to a periodic payment of "
            + "2020-05 (due 2020-06-15): 46 days × 0.05% × 800.00 = 18.40 charged (社会保险法 第八十六条), the month a back "
            + "payment and the record broken, the screen's reason naming the deadline")
    void periodicPaidAfterTheDeadline() {
        fujian.lift(LIFTED);
        long person = flexibleWorker();
        Response r = pay(person, "PERIODIC", "5", null, "4000.00", "2020-07-31");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        JsonNode m = r.body().path("months").get(0);
        assertThat(m.path("rule").asString()).isEqualTo("NORMAL");
        assertThat(m.path("ownMonth").asBoolean()).isFalse();
        assertThat(m.path("feeCharged").decimalValue()).isEqualByComparingTo("18.40");
        assertThat(m.path("reason").asString()).contains("2020-07-30").contains("第八十六条").contains("缴费记录中断");
        assertThat(api.get("fz.clerk", "/api/v1/persons/" + person + "/rights-record").body().path("unbroken")
                .asBoolean()).isFalse();
    }

    @Test
    @DisplayName("N-5b lump sum while Fujian's lifted date is unknown: every 2020 month paid at once (12), the deadline "
            + "pending so no fee; a base of 1000.00 below the floor is clamped to 2889.00 (577.80 a month, 231.12 credited)")
    void lumpSumClamped() {
        long person = flexibleWorker();
        Response r = pay(person, "LUMP_SUM", null, null, "1000.00", "2020-09-01");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("months").size()).isEqualTo(12);
        assertThat(r.body().path("base").path("used").decimalValue()).isEqualByComparingTo("2889.00");
        assertThat(r.body().path("amount").decimalValue()).isEqualByComparingTo("6933.60");
        assertThat(r.body().path("accountCredit").decimalValue()).isEqualByComparingTo("2773.44");
        assertThat(r.body().path("feeCharged").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(r.body().path("months").get(0).path("reason").asString()).contains("疫情解除日期待定");
        assertThat(contributions.rightsRecord(person).totalMonths()).isEqualTo(12);
        assertThat(pay(person, "LUMP_SUM", null, null, "4000.00", "2020-09-01").status())
                .as("nothing left to pay in 2020").isEqualTo(400);
    }

    @Test
    @DisplayName("bad input: a month paid already, months in the wrong order, a bad mode and base, a month when an "
            + "employer insures the person, another person's record (403): the field named, 4xx, nothing written")
    void badInput() {
        long person = flexibleWorker();
        assertThat(pay(person, "PERIODIC", "3", null, "4000.00", "2020-09-01").status()).isEqualTo(201);
        long before = rows(person);
        Response again = pay(person, "GAP", "2", "4", "4000.00", "2020-09-01");
        assertThat(again.status()).isEqualTo(400);
        assertThat(texts(again.body().path("errors"), "message")).anySatisfy(m -> assertThat(m).contains("2020-03")
                .contains("已缴费"));
        Response order = pay(person, "GAP", "6", "4", "4000.00", "2020-09-01");
        assertThat(texts(order.body().path("errors"), "field")).contains("toMonth");
        Response bad = pay(person, "ONCE", "6", null, "-5", "2020-09-01");
        assertThat(texts(bad.body().path("errors"), "field")).contains("mode", "base");
        assertThat(rows(person)).isEqualTo(before);

        Employer e = employer(EmployerSize.SMALL);
        Employee employee = employee(e, "王在职");
        Response employed = pay(employee.personId(), "PERIODIC", "6", null, "4000.00", "2020-09-01");
        assertThat(employed.status()).isEqualTo(400);
        assertThat(texts(employed.body().path("errors"), "message")).anySatisfy(m -> assertThat(m).contains(e.name()));
        assertThat(api.post("citizen.fz", "/api/v1/persons/" + person + "/contribution-payments",
                Map.of("mode", "PERIODIC", "year", "2020", "fromMonth", "7", "base", "4000")).status()).isEqualTo(403);
        assertThat(api.get("citizen.fz", "/api/v1/persons/" + person + "/rights-record").status()).isEqualTo(403);
        assertThat(rows(person)).isEqualTo(before);
    }

    @Test
    @DisplayName("item 7: an employer's bill paid in full puts the month into the employee's record: base 6000.00, "
            + "the personal pension share 480.00 credited, the payment day, in its own month")
    void billPaidIntoTheRecord() {
        Employer e = employer(EmployerSize.LARGE);
        Employee a = employee(e, "王记账");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2020-08", "6000.00")));
        Bill bill = bills.assess(clerk, e.id(), YearMonth.of(2020, 8)).bill();
        int before = contributions.rightsRecord(a.personId()).totalMonths();
        payments.record(users.get("fz.finance"), e.id(), new Payments.OnlinePayment("2020-08", "1000.00",
                "PP" + System.nanoTime() % 1_000_000_000L, "2020-09-10"));
        assertThat(contributions.rightsRecord(a.personId()).months()).as("part paid: not yet").isEmpty();
        payments.record(users.get("fz.finance"), e.id(), new Payments.OnlinePayment("2020-08",
                bill.totalDue().minus(Money.yuan("1000.00")).amount().toPlainString(),
                "PQ" + System.nanoTime() % 1_000_000_000L, "2020-09-12"));
        RightsRecord record = contributions.rightsRecord(a.personId());
        assertThat(record.totalMonths()).isEqualTo(before + 1);
        PaidMonth m = record.months().get(0);
        assertThat(m.month()).isEqualTo(YearMonth.of(2020, 8));
        assertThat(m.base()).isEqualTo(Money.yuan("6000.00"));
        assertThat(m.accountCredit()).isEqualTo(Money.yuan("480.00"));
        assertThat(m.paidOn()).isEqualTo(LocalDate.of(2020, 9, 12));
        assertThat(m.source()).isEqualTo(PaidMonth.Source.BILL);
        assertThat(m.ownMonth()).isTrue();
    }
}
