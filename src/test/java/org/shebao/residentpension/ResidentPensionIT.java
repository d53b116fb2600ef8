package org.shebao.residentpension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.CaseSteps;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseWorkflow;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The residents' pension on PostgreSQL through the real casework, registry, payroll and ledger, in Fuzhou. Persons of
 * this test turn 60 three months ago; their claims are registered by phone (FJ-3) and approved today. The real clock
 * puts the first regular month and the arrears in next month's Fuzhou payroll, which other tests own: after approval
 * the order and its arrears are moved back by whole years into 2016 (the months this test may run), amounts and kinds
 * unchanged, and paid by Fuzhou's 2016 runs. Hand-computed: 15 years at the 500-yuan grade with the 60-yuan subsidy
 * → 8,400.00 in the account, 8,400 ÷ 139 = 60.43; basic pension 143 + 37 (Fujian, illustrative) = 180.00; 240.43 a month.
 */
@ShebaoIntegrationTest
@DisplayName("城乡居民养老保险 (国发〔2014〕8号, FJ-1.2, FJ-3): account booked, claim by phone, approval into the payroll "
        + "and the residents' pension fund")
class ResidentPensionIT {
    private static final AtomicInteger SEQ = new AtomicInteger(320);
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final Money MONTHLY = Money.yuan("240.43");

    @LocalServerPort
    int port;
    @Autowired
    ApiClient api;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseSteps steps;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    TestUsers staff;
    @Autowired
    Persons persons;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    ResidentContributions contributions;
    @Autowired
    ResidentPensions pensions;
    @Autowired
    Payroll payroll;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private record Someone(long id, String idNumber, String name) {
    }

    /** A Fuzhou person born on {@code birth}, insured in the residents' scheme (or as a flexible worker). */
    private Someone person(String name, LocalDate birth, InsuranceType pension) {
        Person p = null;
        while (p == null) {
            int n = SEQ.incrementAndGet();
            String first17 = "350102" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
            try {
                p = persons.registerPerson(staff.get("fz.clerk"), new PersonData(first17 + IdNumber.checkChar(first17),
                        name, null, "350102", "350100"));
            } catch (ConflictException e) {
                // a demo person has the number: the next one
            }
        }
        long id = p.id();
        boolean resident = pension == InsuranceType.RESIDENT_PENSION;
        bulk.copyEnrollments(out -> out.accept(new RegistryBulkLoad.EnrollmentRow(id, null,
                resident ? EnrollmentCategory.RESIDENT : EnrollmentCategory.FLEXIBLE, pension,
                LocalDate.of(2011, 7, 1), "350100")), "fz.clerk");
        return new Someone(id, p.idNumber().value(), name);
    }

    private LocalDate sixtyThreeMonthsAgo() {
        return LocalDate.now(clock).minusMonths(3).withDayOfMonth(10).minusYears(60);
    }

    private Case claim(Someone s) {
        return intake.submit(staff.get("fz.clerk"), new Submission(CaseType.RESIDENT_PENSION, Channel.PHONE,
                s.idNumber(), Map.of("bankAccount", "6222021001001234567"), List.of(), Set.of("ID_CARD"), s.name(),
                null)).c();
    }

    private long cases(Someone s) {
        return jdbc.sql("SELECT count(*) FROM casework_case WHERE person_id = :p").param("p", s.id())
                .query(Long.class).single();
    }

    /**
     * The order ends with the month this test runs: moved into the past, it would otherwise be paid by every later run
     * of Fuzhou that other tests make.
     */
    private void endAt(long orderId, YearMonth month) {
        jdbc.sql("UPDATE payroll_order SET until_month = :m WHERE id = :o").param("m", month.atDay(1))
                .param("o", orderId).update();
    }

    private BigDecimal lines(long runId, long orderId) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM payroll_line WHERE run_id = :r AND order_id = :o")
                .param("r", runId).param("o", orderId).query(BigDecimal.class).single();
    }

    @Test
    @DisplayName("国发〔2014〕8号 + FJ-1.2 + FJ-3: 15 years recorded and booked (7,500 contributions + 900 subsidies); "
            + "a phone claim three months after the 60th birthday → paid from the month after it, 3 months of arrears "
            + "at 240.43 each plus the regular month in one payroll, booked to the residents' fund (5401 / 1002)")
    void claimApprovedAndPaid() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Someone s = person("居民养老甲", sixtyThreeMonthsAgo(), InsuranceType.RESIDENT_PENSION);
        Money bank = ledger.balance(Account.RESIDENT_PENSION_COLLECTION_BANK);
        Money income = ledger.balance(Account.RESIDENT_PENSION_CONTRIBUTION_INCOME);
        Money subsidies = ledger.balance(Account.RESIDENT_PENSION_SUBSIDY_INCOME);
        for (int year = 2011; year <= 2024; year++) {
            contributions.record(staff.get("fz.clerk"), s.id(), String.valueOf(year), "500", "60");
        }
        ApiClient.Response last = api.post("fz.clerk", "/api/v1/persons/" + s.id() + "/resident-contributions",
                Map.of("year", "2025", "contributionGrade", "500.00", "subsidy", "60.00"));
        assertThat(last.status()).as(last.raw().body()).isEqualTo(201);
        ResidentContributions.PersonalAccount account = contributions.accountOf(staff.get("fz.reviewer"), s.id());
        assertThat(account.contributionYears()).isEqualTo(15);
        assertThat(account.balance()).isEqualTo(Money.yuan("8400.00"));
        assertThat(ledger.balance(Account.RESIDENT_PENSION_COLLECTION_BANK)).isEqualTo(bank.plus(Money.yuan("8400.00")));
        assertThat(ledger.balance(Account.RESIDENT_PENSION_CONTRIBUTION_INCOME))
                .isEqualTo(income.minus(Money.yuan("7500.00")));
        assertThat(ledger.balance(Account.RESIDENT_PENSION_SUBSIDY_INCOME)).isEqualTo(subsidies.minus(Money.yuan("900.00")));

        Case c = claim(s);
        assertThat(c.channel()).isEqualTo(Channel.PHONE);
        assertThat(c.hasFlag("COMMITMENT_RULE")).as("FJ-3: the ID card follows under the commitment rule").isTrue();
        ResidentPensionDecision preview = pensions.decide(c, today);
        assertThat(preview.eligibility().rule()).isEqualTo(ResidentPensionRule.FIFTEEN_YEARS);
        assertThat(preview.eligibility().met()).isTrue();
        assertThat(preview.regular().basic()).isEqualTo(Money.yuan("180.00"));
        assertThat(preview.regular().account()).isEqualTo(Money.yuan("60.43"));
        assertThat(preview.regular().total()).isEqualTo(MONTHLY);
        assertThat(api.get("fz.reviewer", "/api/v1/resident-pension/claims/" + c.id()).body()
                .path("decision").path("regular").path("total").decimalValue()).isEqualByComparingTo("240.43");

        steps.decide(c.id(), "fz.clerk", "fz.clerk2", "户籍、参保及缴费记录已核", "fz.reviewer");
        ResidentPensionClaim claim = pensions.claim(staff.get("fz.reviewer"), c.id()).orElseThrow();
        YearMonth first = YearMonth.from(sixtyThreeMonthsAgo().plusYears(60)).plusMonths(1);
        YearMonth next = YearMonth.from(today).plusMonths(1);
        assertThat(claim.firstMonth()).isEqualTo(first);
        assertThat(claim.monthlyAmount()).isEqualTo(MONTHLY);
        assertThat(claim.basicAmount().plus(claim.accountAmount())).isEqualTo(MONTHLY);
        int arrears = (int) first.until(YearMonth.from(today), ChronoUnit.MONTHS) + 1;
        assertThat(arrears).isEqualTo(3);
        assertThat(claim.arrearsMonths()).isEqualTo(arrears);
        assertThat(jdbc.sql("SELECT benefit || ' ' || from_month FROM payroll_order WHERE id = :o")
                .param("o", claim.orderId()).query(String.class).single())
                .isEqualTo("RESIDENT_PENSION " + next.atDay(1));
        // FJ-1.2: each month since the entitlement is an arrears line of its own month, in next month's payroll
        assertThat(jdbc.sql("""
                SELECT count(*) FROM payroll_adjustment WHERE order_id = :o AND kind = 'ARREARS' AND month = :m
                   AND amount = 240.43 AND flags LIKE 'ARREARS:%FJ-1.2%'""")
                .param("o", claim.orderId()).param("m", next.atDay(1)).query(Integer.class).single()).isEqualTo(3);
        assertThat(pensions.history(c.id())).extracting(ResidentPensionEvent::action).containsExactly("APPROVED");

        // the payroll months of this test: the order and its arrears moved back into 2016, amounts unchanged
        int shift = next.getYear() - 2016;
        jdbc.sql("UPDATE payroll_order SET from_month = from_month - make_interval(years => :y) WHERE id = :o")
                .param("y", shift).param("o", claim.orderId()).update();
        jdbc.sql("UPDATE payroll_adjustment SET month = month - make_interval(years => :y) WHERE order_id = :o")
                .param("y", shift).param("o", claim.orderId()).update();
        YearMonth month = next.withYear(2016);
        endAt(claim.orderId(), month);
        Money expense = ledger.balance(Account.RESIDENT_PENSION_EXPENSE);
        Money paying = ledger.balance(Account.RESIDENT_PENSION_BANK);
        PayrollRun run = payroll.open(staff.get("fj.admin"), FUZHOU, month);
        payroll.execute(run.id());
        assertThat(lines(run.id(), claim.orderId())).isEqualByComparingTo("961.72"); // (3 + 1) × 240.43
        BigDecimal residents = jdbc.sql("""
                SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.benefit = 'RESIDENT_PENSION'""").param("r", run.id())
                .query(BigDecimal.class).single();
        assertThat(ledger.balance(Account.RESIDENT_PENSION_EXPENSE)).isEqualTo(expense.plus(new Money(residents)));
        assertThat(ledger.balance(Account.RESIDENT_PENSION_BANK)).isEqualTo(paying.minus(new Money(residents)));
        assertThat(ledger.journal("payroll-run:" + run.id() + ":RESIDENT_PENSION")).isPresent();

        ResidentPensionView view = pensions.view(pensions.claim(staff.get("fz.reviewer"), c.id()).orElseThrow());
        assertThat(view.payments()).hasSize(4);
        assertThat(view.paidTotal()).isEqualTo(Money.yuan("961.72"));
        assertThat(view.decision().regular().centralMinimum()).isEqualTo(Money.yuan("143.00"));
        assertThat(view.decision().regular().topUp()).isEqualTo(Money.yuan("37.00"));
        screens(c, s);
    }

    /** The reviewer's page of the claim, the clerk's page of the account (a bad grade refused on it), the forms. */
    private void screens(Case c, Someone s) throws Exception {
        WebSession reviewer = WebSession.login(port, "fz.reviewer");
        String page = reviewer.get("/pension/residents/claims/" + c.id()).body();
        assertThat(page).contains("240.43").contains("60.43").contains("180.00").contains("FJ-1.2")
                .contains("累计缴费不少于 15 年").doesNotContain("RESIDENT_PENSION").doesNotContain("FIFTEEN_YEARS")
                .doesNotContain("LATE_UNDER_EMERGENCY").doesNotContain(s.idNumber());
        WebSession clerk = WebSession.login(port, "fz.clerk");
        HttpResponse<String> found = clerk.submit("/pension/residents/contributions",
                "/pension/residents/contributions/find", Map.of("idNumber", s.idNumber()));
        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/pension/residents/contributions/person/" + s.id()));
        String account = clerk.get("/pension/residents/contributions/person/" + s.id()).body();
        assertThat(account).contains("8400.00").contains("居民养老甲").doesNotContain(s.idNumber());
        HttpResponse<String> bad = clerk.submit("/pension/residents/contributions/person/" + s.id(),
                "/pension/residents/contributions/" + s.id(), Map.of("year", "2026", "contributionGrade", "5000", "subsidy", "60"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("个人缴费档次应在 100 至 2000 元之间");
        assertThat(clerk.get("/casework/cases/new?type=RESIDENT_PENSION").body()).contains("resident-pension-hint");
        HttpResponse<String> portal = WebSession.login(port, "citizen.fz").get("/portal/resident-pension");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("我的城乡居民养老金");
    }

    /** The run of {@link #approvedWithLapsedCertification}. */
    private long ranRun;

    /**
     * A resident of 60 with 15 years at the 100-yuan grade, claim approved; the order moved to {@code month} (ending
     * there) with its certification valid only until {@code certifiedUntil}, its arrears to the month after; Fuzhou's
     * run of {@code month} executed ({@link #ranRun}).
     */
    private ResidentPensionClaim approvedWithLapsedCertification(String name, int monthsOlder, YearMonth month,
                                                                 LocalDate certifiedUntil) {
        Someone s = person(name, sixtyThreeMonthsAgo().minusMonths(monthsOlder), InsuranceType.RESIDENT_PENSION);
        for (int year = 2011; year <= 2025; year++) {
            contributions.record(staff.get("fz.clerk"), s.id(), String.valueOf(year), "100", "30");
        }
        Case c = claim(s);
        steps.decide(c.id(), "fz.clerk", "fz.clerk2", "已核", "fz.reviewer");
        ResidentPensionClaim claim = pensions.claim(staff.get("fz.reviewer"), c.id()).orElseThrow();
        jdbc.sql("""
                UPDATE payroll_order SET from_month = :m, certified_until = :until WHERE id = :o""")
                .param("m", month.atDay(1)).param("until", certifiedUntil).param("o", claim.orderId()).update();
        endAt(claim.orderId(), month);
        jdbc.sql("UPDATE payroll_adjustment SET month = :m WHERE order_id = :o")
                .param("m", month.plusMonths(1).atDay(1)).param("o", claim.orderId()).update();
        PayrollRun run = payroll.open(staff.get("fj.admin"), FUZHOU, month);
        payroll.execute(run.id());
        ranRun = run.id();
        return claim;
    }

    @Test
    @DisplayName("N-1c / FJ-1.1 as for the enterprise scheme: outside the emergency (2016) a residents' order whose "
            + "certification lapsed is suspended by the payroll and pays nothing")
    void certificationApplies() {
        ResidentPensionClaim claim = approvedWithLapsedCertification("居民养老乙", 1, YearMonth.of(2016, 3),
                LocalDate.of(2015, 6, 30));
        long run = ranRun;
        assertThat(lines(run, claim.orderId())).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :o").param("o", claim.orderId())
                .query(String.class).single()).isEqualTo("SUSPENDED");
        assertThat(pensions.view(claim).nextPaymentMonth()).as("no next payment while suspended").isNull();
    }

    @Test
    @DisplayName("N-1c / FJ-1.1 as for the enterprise scheme: during Fujian's emergency (May 2020) a residents' order "
            + "whose certification lapsed is paid, flagged as not suspended for the missed certification")
    void notSuspendedDuringTheEmergency() {
        ResidentPensionClaim claim = approvedWithLapsedCertification("居民养老丙", 2, YearMonth.of(2020, 5),
                LocalDate.of(2019, 12, 31));
        long run = ranRun;
        assertThat(lines(run, claim.orderId())).isEqualByComparingTo(claim.monthlyAmount().amount());
        assertThat(jdbc.sql("SELECT flags FROM payroll_line WHERE run_id = :r AND order_id = :o")
                .param("r", run).param("o", claim.orderId()).query(String.class).single())
                .contains("NO_SUSPENSION_FOR_MISSED_CERTIFICATION");
        assertThat(jdbc.sql("SELECT status FROM payroll_order WHERE id = :o").param("o", claim.orderId())
                .query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("Bad input writes nothing and names the field: under 60, not insured as a resident, a second open "
            + "claim; a grade outside 100–2000, a subsidy below the least, a year recorded twice; 4xx over the API")
    void badInput() {
        LocalDate today = LocalDate.now(clock);
        Someone young = person("居民养老丙", today.minusYears(60).plusDays(20), InsuranceType.RESIDENT_PENSION);
        assertThatThrownBy(() -> claim(young)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations().get(0).field()).isEqualTo("idNumber");
            assertThat(e.violations().get(0).code()).isEqualTo("error.residentPension.underAge");
        });
        ApiClient.Response r = api.post("fz.clerk", "/api/v1/cases", Map.of("type", "RESIDENT_PENSION",
                "idNumber", young.idNumber(), "form", Map.of("bankAccount", "6222021001001234567")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("idNumber");
        assertThat(r.firstErrorMessage()).contains("未到待遇领取年龄");
        assertThat(cases(young)).isZero();

        Someone worker = person("居民养老丁", sixtyThreeMonthsAgo(), InsuranceType.ENTERPRISE_PENSION);
        assertThatThrownBy(() -> claim(worker)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("error.residentPension.notResident"));
        assertThat(cases(worker)).isZero();

        Someone twice = person("居民养老戊", sixtyThreeMonthsAgo(), InsuranceType.RESIDENT_PENSION);
        claim(twice);
        ApiClient.Response second = api.post("fz.clerk", "/api/v1/cases", Map.of("type", "RESIDENT_PENSION",
                "idNumber", twice.idNumber(), "form", Map.of("bankAccount", "6222021001001234567")));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.firstErrorField()).isEqualTo("type");
        assertThat(cases(twice)).isEqualTo(1);

        Money bank = ledger.balance(Account.RESIDENT_PENSION_COLLECTION_BANK);
        String path = "/api/v1/persons/" + twice.id() + "/resident-contributions";
        ApiClient.Response grade = api.post("fz.clerk", path, Map.of("year", "2019", "contributionGrade", "50", "subsidy", "30"));
        assertThat(grade.status()).isEqualTo(400);
        assertThat(grade.firstErrorField()).isEqualTo("contributionGrade");
        ApiClient.Response subsidy = api.post("fz.clerk", path, Map.of("year", "2019", "contributionGrade", "500", "subsidy", "30"));
        assertThat(subsidy.status()).isEqualTo(400);
        assertThat(subsidy.firstErrorField()).isEqualTo("subsidy");
        assertThat(subsidy.firstErrorMessage()).contains("60");
        assertThat(api.post("fz.clerk", path, Map.of("year", "2019", "contributionGrade", "500", "subsidy", "60")).status())
                .isEqualTo(201);
        ApiClient.Response again = api.post("fz.clerk", path, Map.of("year", "2019", "contributionGrade", "500", "subsidy", "60"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorField()).isEqualTo("year");
        assertThat(api.post("fz.reviewer", path, Map.of("year", "2018", "contributionGrade", "500", "subsidy", "60")).status())
                .as("a reviewer does not record contributions").isEqualTo(403);
        assertThat(api.post("xm.clerk", path, Map.of("year", "2018", "contributionGrade", "500", "subsidy", "60")).status())
                .as("another region's clerk does not see the person").isIn(403, 404);
        assertThat(contributions.accountOf(staff.get("fz.clerk"), twice.id()).contributionYears()).isEqualTo(1);
        assertThat(ledger.balance(Account.RESIDENT_PENSION_COLLECTION_BANK)).isEqualTo(bank.plus(Money.yuan("560.00")));
    }

    @Test
    @DisplayName("国发〔2014〕8号 七: a resident short of the years required is refused at approval, naming the "
            + "condition; no order, no claim")
    void shortOfYearsRefused() {
        Someone s = person("居民养老己", sixtyThreeMonthsAgo(), InsuranceType.RESIDENT_PENSION);
        contributions.record(staff.get("fz.clerk"), s.id(), "2020", "200", "30");
        Case c = claim(s);
        assertThat(pensions.decide(c, LocalDate.now(clock)).eligibility().met()).isFalse();
        steps.accept("fz.clerk", c.id());
        Case pre = steps.preReview("fz.clerk2", c.id(), "缴费年限待核");
        assertThatThrownBy(() -> workflow.approve(staff.get("fz.reviewer"), pre.id(), pre.version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("eligibility"));
        assertThat(pensions.claim(staff.get("fz.reviewer"), c.id())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_order WHERE source_ref = :r").param("r", c.reference())
                .query(Integer.class).single()).isZero();
    }
}
