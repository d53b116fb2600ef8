package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.payroll.StandingOrders;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The death of a Xinzhou worker from a recognized work injury (工伤保险条例 第三十九条), recorded by the clerk with three
 * dependents; the payroll of February 2019 (this test's own month) pays the funeral grant, the one-time death grant
 * and the capped dependents' pensions from the work-injury fund; March pays the pensions again.
 */
@ShebaoIntegrationTest
@DisplayName("Death from a work injury (工伤保险条例 第三十九条): recorded with the dependents, paid by the payroll from the work-injury fund")
class DeathBenefitIT {
    private static final RegionCode XINZHOU = new RegionCode("140900");
    private static final Money WAGE = Money.yuan("9000.00");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    Recognitions recognitions;
    @Autowired
    Contributions contributions;
    @Autowired
    Payroll payroll;
    @Autowired
    Ledger ledger;
    @Autowired
    Persons persons;
    @Autowired
    ApiClient api;
    @Autowired
    StandingOrders orders;

    @Test
    @DisplayName("第三十九条: injured 2018-12-20, died 2019-01-15, own wage 9000.00; funeral 6 × 3783.00 (Shanxi 2018) = "
            + "22698.00; death grant 20 × 39251.00 (2018) = 785020.00; spouse 40% 3600.00 + child 30% 2700.00 + lone "
            + "parent 40% 3600.00 = 9900.00 > 9000.00 → 3272.72 + 2454.54 + 3272.72 = 8999.98; recorded twice at once: "
            + "one wins; 2019-02 and 2019-03 paid, the fund's expense and bank move by exactly that")
    void recordedAndPaid() throws Exception {
        List<Long> people = freshPersons(4);
        long worker = people.get(0);
        Recognition r = recognized(worker);
        wagesBefore(worker);
        Map<String, Object> body = death(people.get(1), people.get(2), people.get(3));
        String path = "/api/v1/workinjury/recognitions/" + r.id() + "/death";

        List<Callable<ApiClient.Response>> twice = List.of(() -> api.post("xz.clerk", path, body),
                () -> api.post("xz.clerk", path, body));
        List<ApiClient.Response> outcomes = AllAtOnce.run(twice);
        assertThat(outcomes).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 409);
        ApiClient.Response lost = outcomes.stream().filter(o -> o.status() == 409).findFirst().orElseThrow();
        assertThat(lost.firstErrorMessage()).contains("已登记因工死亡");
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_order WHERE source_ref = :ref").param("ref", "WI-DEATH-" + r.id())
                .query(Integer.class).single()).as("2 one-offs + 3 pensions, once").isEqualTo(5);

        var d = api.get("xz.clerk", path).body();
        assertThat(new BigDecimal(d.path("ownWage").asString())).isEqualByComparingTo("9000.00");
        assertThat(new BigDecimal(d.path("funeralGrant").asString())).isEqualByComparingTo("22698.00");
        assertThat(new BigDecimal(d.path("deathGrant").asString())).isEqualByComparingTo("785020.00");
        assertThat(new BigDecimal(d.path("monthlyTotal").asString())).isEqualByComparingTo("8999.98");
        assertThat(d.path("firstMonth").asString()).isEqualTo("2019-02");
        List<Money> amounts = new ArrayList<>();
        d.path("dependents").forEach(x -> amounts.add(Money.exact(new BigDecimal(x.path("amount").asString()))));
        assertThat(amounts).containsExactly(Money.yuan("3272.72"), Money.yuan("2454.54"), Money.yuan("3272.72"));
        assertThat(d.path("sources").path("workinjury.death.grantMultiple").asString()).contains("第三十九条");

        String page = WebSession.login(port, "xz.clerk").get("/workinjury/recognitions/" + r.id()).body();
        assertThat(page).contains("丧葬补助金", "22698.00", "785020.00", "3272.72", "第三十九条")
                .doesNotContain("SPOUSE").doesNotContain("FUNERAL").doesNotContain("出错了");

        try {
            Money paidFeb = runAndCheck(r.id(), YearMonth.of(2019, 2));
            assertThat(paidFeb).isEqualTo(Money.yuan("22698.00").plus(Money.yuan("785020.00")).plus(Money.yuan("8999.98")));
            assertThat(runAndCheck(r.id(), YearMonth.of(2019, 3))).as("the pensions only").isEqualTo(Money.yuan("8999.98"));
        } finally { // the pensions stand on: end them with this test's months, so that no other test's Xinzhou run pays them
            d.path("dependents").forEach(x -> orders.endOrder(x.path("orderId").asLong(), YearMonth.of(2019, 3)));
        }
    }

    @Test
    @DisplayName("bad input: no day of death, a day before the injury, an unknown ID number, two spouses, the supplement on "
            + "a spouse, a bad bank account, the worker as a dependent, an injury not recognized: 4xx naming the field, "
            + "nothing written")
    void refusals() {
        List<Long> people = freshPersons(3);
        long worker = people.get(0);
        Recognition r = recognized(worker);
        String path = "/api/v1/workinjury/recognitions/" + r.id() + "/death";
        String spouse = idNumber(people.get(1));
        String child = idNumber(people.get(2));
        int before = orders();

        assertField(api.post("xz.clerk", path, Map.of("payeeIdNumber", spouse, "payeeBankAccount", "6222021001009990001",
                "dependents", List.of())), "diedOn");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2018-12-01", "payeeIdNumber", spouse,
                "payeeBankAccount", "6222021001009990001", "dependents", List.of())), "diedOn");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2019-01-15", "payeeIdNumber", "110101199003074514",
                "payeeBankAccount", "6222021001009990001", "dependents", List.of())), "payeeIdNumber");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2019-01-15", "payeeIdNumber", spouse,
                "payeeBankAccount", "6222021001009990001", "dependents", List.of(
                        dependent(spouse, "SPOUSE", false), dependent(child, "SPOUSE", false)))), "dependents[1].relation");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2019-01-15", "payeeIdNumber", spouse,
                "payeeBankAccount", "6222021001009990001", "dependents", List.of(dependent(spouse, "SPOUSE", true)))),
                "dependents[0].alone");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2019-01-15", "payeeIdNumber", spouse,
                "payeeBankAccount", "62-22", "dependents", List.of())), "payeeBankAccount");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2019-01-15", "payeeIdNumber", spouse,
                "payeeBankAccount", "6222021001009990001", "dependents",
                List.of(dependent(idNumber(worker), "CHILD", false)))), "dependents[0].idNumber");
        assertField(api.post("xz.clerk", path, Map.of("diedOn", "2019-01-15", "payeeIdNumber", spouse,
                "payeeBankAccount", "6222021001009990001", "dependents", List.of(dependent(child, "COUSIN", false)))),
                "dependents[0].relation");
        assertThat(api.post("xz.clerk", "/api/v1/workinjury/recognitions/987654321/death", Map.of()).status())
                .isEqualTo(404);

        Recognition applied = recognitions.apply(users.get("xz.clerk"), people.get(1), new Recognitions.Application(
                "FAMILY", "2018-12-20", "高处坠落", false, false, false,
                List.of(new Recognitions.ClaimInput("ONLINE", "2018-12-22", "政务网申请回执", null))));
        ApiClient.Response notRecognized = api.post("xz.clerk", "/api/v1/workinjury/recognitions/" + applied.id()
                + "/death", Map.of("diedOn", "2019-01-15", "payeeIdNumber", child,
                "payeeBankAccount", "6222021001009990001", "dependents", List.of()));
        assertThat(notRecognized.status()).isEqualTo(409);
        assertThat(notRecognized.firstErrorMessage()).contains("已认定为工伤");
        assertThat(orders()).as("nothing written").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM workinjury_death WHERE recognition_id IN (:a, :b)")
                .param("a", r.id()).param("b", applied.id()).query(Integer.class).single()).isZero();
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(field).isEqualTo(400);
        assertThat(response.firstErrorField()).isEqualTo(field);
        assertThat(response.firstErrorMessage()).isNotBlank();
    }

    private int orders() {
        return jdbc.sql("SELECT count(*) FROM payroll_order").query(Integer.class).single();
    }

    /** Runs the month's Xinzhou payroll; the death's lines equal the run's work-injury lines and move the books. */
    private Money runAndCheck(long recognitionId, YearMonth month) {
        Money expense = ledger.balance(Account.WORK_INJURY_EXPENSE);
        Money bank = ledger.balance(Account.WORK_INJURY_BANK);
        PayrollRun run = payroll.open(users.get("sx.admin"), XINZHOU, month);
        payroll.execute(run.id());
        Money mine = new Money(jdbc.sql("""
                SELECT coalesce(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.source_ref = :ref""").param("r", run.id())
                .param("ref", "WI-DEATH-" + recognitionId).query(BigDecimal.class).single());
        Money fund = new Money(jdbc.sql("""
                SELECT coalesce(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.benefit = 'WORK_INJURY'""").param("r", run.id()).query(BigDecimal.class).single());
        assertThat(fund).as("no other work-injury payment in Xinzhou " + month).isEqualTo(mine);
        assertThat(ledger.balance(Account.WORK_INJURY_EXPENSE)).isEqualTo(expense.plus(mine));
        assertThat(ledger.balance(Account.WORK_INJURY_BANK)).isEqualTo(bank.minus(mine));
        return mine;
    }

    private Map<String, Object> death(long spouse, long child, long parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("diedOn", "2019-01-15");
        body.put("payeeIdNumber", idNumber(spouse));
        body.put("payeeBankAccount", "6222021001009990001");
        body.put("dependents", List.of(dependent(idNumber(spouse), "SPOUSE", false),
                dependent(idNumber(child), "CHILD", false), dependent(idNumber(parent), "PARENT", true)));
        return body;
    }

    private static Map<String, Object> dependent(String idNumber, String relation, boolean alone) {
        return Map.of("idNumber", idNumber, "relation", relation, "alone", alone, "bankAccount", "6222021001009990002");
    }

    private String idNumber(long person) {
        return persons.person(users.get("xz.clerk"), person).idNumber().value();
    }

    /** Xinzhou demo persons with no injury, portal account, bill or standing order (the earliest such). */
    private List<Long> freshPersons(int n) {
        return jdbc.sql("""
                SELECT p.id FROM registry_person p
                 WHERE p.region_code = '140900'
                   AND NOT EXISTS (SELECT 1 FROM workinjury_recognition w WHERE w.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM identity_user u WHERE u.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM registry_record_holding h WHERE h.person_id = p.id)
                   AND p.phone IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM contribution_bill_line b WHERE b.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM payroll_order o WHERE o.person_id = p.id)
                 ORDER BY p.id LIMIT :n""").param("n", n).query(Long.class).list();
    }

    /** The family's application of 2018-12-22, accepted and recognized by the province's department. */
    private Recognition recognized(long person) {
        Recognition r = recognitions.apply(users.get("xz.clerk"), person, new Recognitions.Application("FAMILY",
                "2018-12-20", "井下作业时巷道冒顶受伤", false, false, false,
                List.of(new Recognitions.ClaimInput("ONLINE", "2018-12-22", "政务网申请回执", null))));
        recognitions.accept(users.get("sx.injury"), r.id(), null, new Recognitions.Acceptance("2018-12-28", true), "SCREEN");
        return recognitions.decide(users.get("sx.injury"), r.id(), null,
                new Recognitions.Decision("RECOGNIZED", "2019-01-05", "忻工伤认字〔2019〕003号", null), "SCREEN");
    }

    /** The 12 months before the injury (2017-12 to 2018-11) at {@link #WAGE}. */
    private void wagesBefore(long person) {
        WorkInjuryFixtures.yearlyWages(jdbc, contributions, person, "140900", 2017, 2018, WAGE);
    }
}
