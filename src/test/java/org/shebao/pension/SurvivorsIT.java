package org.shebao.pension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.CaseSteps;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseWorkflow;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.identity.Role;
import org.shebao.identity.Users;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.StandingOrders;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The death of a pension recipient end to end (issue 15 item 6), on the real database and over the API: Taiyuan's
 * payroll months January to April 2019, which no other test runs. The ledger is checked by the balances of its
 * accounts (Ledger.balance) against the hand-computed amounts.
 */
@ShebaoIntegrationTest
@DisplayName("Death of a pension recipient (issue 15 item 6; 社会保险法 第十七条、第十四条)")
class SurvivorsIT {
    private static final RegionCode TAIYUAN = TaiyuanSurvivors.TAIYUAN;
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseSteps steps;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    CaseQueries queries;
    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;
    @Autowired
    Awards awards;
    @Autowired
    StandingOrders orders;
    @Autowired
    Payroll payroll;
    @Autowired
    Ledger ledger;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private long person(String id, String name, int seq) {
        return persons.registerPerson(staff.get("ty.clerk"), new PersonData(id, name,
                "1390027" + String.format("%04d", seq), "140100", "140100")).id();
    }

    private void run(YearMonth month) {
        TaiyuanSurvivors.run(payroll, staff, month);
    }

    private Map<String, Object> claim(String deceasedId, String relationship) {
        return Map.of("type", "SURVIVORS_CLAIM", "form", Map.of("deceasedIdNumber", deceasedId,
                "relationship", relationship, "bankAccount", "6222021027000001"));
    }

    private ApiClient.Response apply(ApiClient api, String user, Map<String, Object> application) {
        return api.multipart(user, "/api/v1/cases", application,
                List.of(new ApiClient.FilePart("DEATH_CERTIFICATE", "死亡证明.pdf", "application/pdf", PDF)), Map.of());
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    /** The notices of the case filed for the person. */
    private long notices(long caseId, long personId) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE person_id = :p AND link = :l")
                .param("p", personId).param("l", "/portal/cases/" + caseId).query(Long.class).single();
    }

    private long casesOf(String user) {
        return jdbc.sql("SELECT count(*) FROM casework_case WHERE applicant_user = :u").param("u", user)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("社会保险法 第十七条、第十四条: a retiree paid January–March 2019 dies on 20 January; a clerk records it "
            + "with evidence (Feb and Mar become over-payments, Dr 1231 / Cr 5001); the widow applies over the API "
            + "with the death certificate; the claim shows grant, benefit and inherited balance with their inputs; two "
            + "approvals at once pay once; a second claim, a claim for a living recipient or a non-recipient, a second "
            + "death record, a future date are refused (4xx, nothing written); April's payroll pays the widow once "
            + "(Dr 5003 and 5004 / Cr 1002); the pension fund's books balance to the fen")
    void deathAndSurvivors() throws Exception {
        ApiClient api = new ApiClient(port);
        // the deceased: a Taiyuan man retired in 2018 with 28 years paid, his award decided by the retirement case
        LocalDate birth = LocalDate.of(1958, 6, 20);
        String deceasedId = TaiyuanSurvivors.idNumber(birth, 271);
        long deceased = person(deceasedId, "遗属测试甲", 1);
        List<Contributions.YearRow> rows = new ArrayList<>();
        for (int year = 1990; year < 2018; year++) {
            rows.add(new Contributions.YearRow(deceased, year, "140100", null, 12, Money.yuan("4000.00"),
                    Money.yuan("3840.00")));
        }
        contributions.copyYears(out -> rows.forEach(out));
        Money balance = Money.yuan("3840.00").times(28);
        Case retirement = intake.submit(staff.get("ty.clerk"), new Submission(CaseType.RETIREMENT, Channel.PHONE,
                deceasedId, Map.of("scheme", "ENTERPRISE", "bankAccount", "6222021027000271"), List.of(), Set.of(), null,
                null)).c();
        steps.decide(retirement.id(), "ty.clerk", "ty.clerk2", "材料齐全", "ty.reviewer");
        Award award = awards.find(retirement.id()).orElseThrow();
        Money monthly = award.monthlyAmount();
        Money accountPart = awards.calculation(award).accountPart();
        StandingOrders.Order pension = orders.ordersOf(deceased).stream()
                .filter(o -> o.benefit() == Benefit.PENSION && o.kind() == OrderKind.REGULAR).findFirst().orElseThrow();
        // the test's months: the order is moved to January 2019 (its arrears stay due in a later payroll, unpaid here)
        jdbc.sql("UPDATE payroll_order SET from_month = DATE '2019-01-01' WHERE id = :id").param("id", pension.id()).update();
        for (int m = 1; m <= 3; m++) {
            run(YearMonth.of(2019, m));
        }

        // a living recipient and a person who never received a pension, for the refusals
        String livingId = TaiyuanSurvivors.idNumber(LocalDate.of(1957, 3, 3), 273);
        long living = person(livingId, "遗属测试乙", 2);
        orders.registerOrder(new StandingOrders.NewOrder(living, TAIYUAN, Benefit.PENSION, OrderKind.REGULAR,
                Money.yuan("100.00"), YearMonth.of(2019, 6), LocalDate.of(2030, 12, 31), "6222021027000273", "遗属测试乙",
                "", null));
        String widowId = TaiyuanSurvivors.idNumber(LocalDate.of(1960, 8, 8), 272);
        long widow = person(widowId, "遗属测试丙", 3);
        users.create(new Users.NewUser("citizen.survivor27", encoder.encode(ApiClient.PASSWORD), "遗属测试丙",
                Role.INSURED_PERSON, TAIYUAN, widow, null));

        // the death, recorded by a clerk with its evidence: February and March were paid after it
        Money receivable = ledger.balance(Account.PENSION_RECEIVABLE);
        Money expense = ledger.balance(Account.PENSION_EXPENSE);
        ApiClient.Response future = api.post("ty.clerk", "/api/v1/pension/deaths", Map.of("idNumber", deceasedId,
                "diedOn", LocalDate.now().plusDays(3).toString(), "evidence", "死亡医学证明 No.1"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.firstErrorField()).isEqualTo("diedOn");
        ApiClient.Response notRecipient = api.post("ty.clerk", "/api/v1/pension/deaths", Map.of("idNumber", widowId,
                "diedOn", "2019-01-20", "evidence", "死亡医学证明 No.1"));
        assertThat(notRecipient.status()).isEqualTo(400);
        assertThat(notRecipient.firstErrorField()).isEqualTo("idNumber");
        ApiClient.Response noEvidence = api.post("ty.clerk", "/api/v1/pension/deaths", Map.of("idNumber", deceasedId,
                "diedOn", "2019-01-20", "evidence", " "));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.firstErrorField()).isEqualTo("evidence");
        assertThat(count("SELECT count(*) FROM pension_death WHERE person_id = :id", deceased)).isZero();

        ApiClient.Response recorded = api.post("ty.clerk", "/api/v1/pension/deaths", Map.of("idNumber", deceasedId,
                "diedOn", "2019-01-20", "evidence", "死亡医学证明 No.1"));
        assertThat(recorded.status()).isEqualTo(201);
        Money overpaid = monthly.times(2);
        assertThat(Money.yuan(recorded.body().path("overpaid").asString())).isEqualTo(overpaid);
        assertThat(recorded.body().path("months")).hasSize(2);
        assertThat(ledger.balance(Account.PENSION_RECEIVABLE).minus(receivable)).isEqualTo(overpaid);
        assertThat(ledger.balance(Account.PENSION_EXPENSE).minus(expense)).isEqualTo(overpaid.negate());
        assertThat(orders.ordersOf(deceased)).filteredOn(o -> o.benefit() == Benefit.PENSION)
                .allSatisfy(o -> assertThat(o.status().stopped()).isTrue());
        ApiClient.Response again = api.post("ty.clerk", "/api/v1/pension/deaths", Map.of("idNumber", deceasedId,
                "diedOn", "2019-01-25", "evidence", "死亡医学证明 No.2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("2019-01-20");
        assertThat(ledger.balance(Account.PENSION_RECEIVABLE).minus(receivable)).as("booked once").isEqualTo(overpaid);
        WebSession clerk = WebSession.login(port, "ty.clerk");
        assertThat(clerk.get("/pension/deaths/" + deceased).body()).contains("2019-01-20").contains("2019-02")
                .contains("2019-03").contains(overpaid.toString()).doesNotContain(deceasedId);

        // the widow applies online; refusals first, each naming the field, nothing written
        long casesBefore = casesOf("citizen.survivor27");
        ApiClient.Response alive = apply(api, "citizen.survivor27", claim(livingId, "SPOUSE"));
        assertThat(alive.status()).isEqualTo(400);
        assertThat(alive.firstErrorMessage()).contains("尚未登记该人员死亡");
        ApiClient.Response neverPaid = apply(api, "citizen.survivor27", claim(widowId, "SPOUSE"));
        assertThat(neverPaid.status()).isEqualTo(400);
        assertThat(neverPaid.firstErrorField()).isEqualTo("deceasedIdNumber");
        ApiClient.Response badRelationship = apply(api, "citizen.survivor27", claim(deceasedId, "COUSIN"));
        assertThat(badRelationship.status()).isEqualTo(400);
        assertThat(badRelationship.firstErrorField()).isEqualTo("relationship");
        assertThat(casesOf("citizen.survivor27")).isEqualTo(casesBefore);

        ApiClient.Response applied = apply(api, "citizen.survivor27", claim(deceasedId, "SPOUSE"));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(201);
        long caseId = applied.body().path("id").asLong();
        assertThat(applied.body().path("form").path("deceasedIdNumber").asString()).as("masked")
                .doesNotContain(deceasedId.substring(6, 14));
        ApiClient.Response twice = apply(api, "citizen.survivor27", claim(deceasedId, "SPOUSE"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.firstErrorField()).isEqualTo("deceasedIdNumber");
        assertThat(api.get("citizen.survivor27", "/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(applied.body().path("form").path("applicantPersonId").asLong()).isEqualTo(widow);
        // the steps are told to the applicant (her phone), never to the deceased's
        for (int i = 0; i < 50 && notices(caseId, widow) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(notices(caseId, widow)).isPositive();
        assertThat(notices(caseId, deceased)).isZero();

        // the decision with its inputs: grant 3,000.00; benefit 9 months; the balance less one month drawn (January)
        Money grant = Money.yuan("3000.00");
        Money benefit = monthly.times(9);
        Money inheritance = balance.minus(accountPart);
        ApiClient.Response preview = api.get("citizen.survivor27", "/api/v1/pension/survivors/" + caseId);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(Money.yuan(preview.body().path("decision").path("funeralGrant").asString())).isEqualTo(grant);
        assertThat(Money.yuan(preview.body().path("decision").path("survivorsBenefit").asString())).isEqualTo(benefit);
        assertThat(Money.yuan(preview.body().path("decision").path("inheritance").asString())).isEqualTo(inheritance);
        assertThat(preview.body().path("payrollMonth").asString()).isEqualTo("2019-04");
        assertThat(clerk.get("/pension/survivors/" + caseId).body()).contains("丧葬补助金").contains(grant.toString())
                .contains(benefit.toString()).contains(inheritance.toString()).contains("社会保险法 第十七条")
                .contains("示意数值");

        // two approvals at once: one award, one pair of orders
        steps.accept("ty.clerk", caseId);
        steps.preReview("ty.clerk2", caseId, "死亡证明已核");
        int version = queries.get(staff.get("ty.reviewer"), caseId).version();
        List<Callable<String>> approvals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            approvals.add(() -> {
                try {
                    workflow.approve(staff.get("ty.reviewer"), caseId, version);
                    return "approved";
                } catch (RuntimeException e) {
                    return "refused";
                }
            });
        }
        assertThat(AllAtOnce.run(approvals)).containsExactlyInAnyOrder("approved", "refused");
        assertThat(count("SELECT count(*) FROM pension_survivor_award WHERE deceased_id = :id", deceased)).isEqualTo(1);
        assertThat(orders.ordersOf(deceased)).filteredOn(o -> o.benefit() != Benefit.PENSION).hasSize(2);
        ApiClient.Response afterPaid = apply(api, "citizen.survivor27", claim(deceasedId, "CHILD"));
        assertThat(afterPaid.status()).isEqualTo(409);
        assertThat(afterPaid.firstErrorMessage()).contains("已核定发放");

        // April's payroll pays the widow once, to her account, booked to 5003 and 5004
        Money survivorsExpense = ledger.balance(Account.PENSION_SURVIVORS_EXPENSE);
        Money inheritanceExpense = ledger.balance(Account.PENSION_INHERITANCE_EXPENSE);
        Money bank = ledger.balance(Account.PENSION_BANK);
        run(YearMonth.of(2019, 4));
        long april = jdbc.sql("SELECT id FROM payroll_run WHERE region_code = '140100' AND month = DATE '2019-04-01'")
                .query(Long.class).single();
        assertThat(ledger.balance(Account.PENSION_SURVIVORS_EXPENSE).minus(survivorsExpense)).isEqualTo(grant.plus(benefit));
        assertThat(ledger.balance(Account.PENSION_INHERITANCE_EXPENSE).minus(inheritanceExpense)).isEqualTo(inheritance);
        Money runTotal = new Money(jdbc.sql("""
                SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :id AND o.benefit IN ('PENSION', 'SURVIVORS', 'INHERITANCE')""")
                .param("id", april).query(java.math.BigDecimal.class).single());
        assertThat(ledger.balance(Account.PENSION_BANK).minus(bank)).isEqualTo(runTotal.negate());
        assertThat(jdbc.sql("""
                SELECT l.amount FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :id AND o.person_id = :p ORDER BY l.amount""")
                .param("id", april).param("p", deceased).query(java.math.BigDecimal.class).list())
                .extracting(Money::new).containsExactlyInAnyOrder(grant.plus(benefit), inheritance);
        assertThat(jdbc.sql("SELECT DISTINCT bank_account FROM payroll_line WHERE run_id = :id AND person_id = :p")
                .param("id", april).param("p", deceased).query(String.class).list()).containsExactly("6222021027000001");
        Money sum = ledger.trialBalance(Fund.PENSION, null).stream().map(Ledger.Balance::balance)
                .reduce(Money.ZERO, Money::plus);
        assertThat(sum).as("the pension fund's books balance to the fen").isEqualTo(Money.ZERO);

        // the applicant follows it in the portal
        WebSession widowSession = WebSession.login(port, "citizen.survivor27");
        assertThat(widowSession.get("/portal/cases").body()).contains(applied.body().path("reference").asString());
        assertThat(widowSession.get("/portal/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(clerk.get("/pension/survivors/" + caseId).body()).contains("2019-04");
    }
}
