package org.shebao.unemployment;

import org.shebao.CaseSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseWorkflow;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.registry.SeparationData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Unemployment benefit on PostgreSQL through the real casework, registry, payroll and ledger, in Xiamen (runs of the
 * months after this one: no other test runs them). Hand-computed: 1620 a month (Fujian's illustrative standard).
 */
@ShebaoIntegrationTest
@DisplayName("Unemployment benefit: claim, approval into the payroll and the unemployment fund, stop on re-employment")
class UnemploymentIT {
    @Autowired
    ApiClient api;
    private static final AtomicInteger SEQ = new AtomicInteger(700);
    private static final Money MONTHLY = Money.yuan("1620.00");
    private static final RegionCode XIAMEN = new RegionCode("350200");

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseSteps steps;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    CaseQueries queries;
    @Autowired
    TestUsers staff;
    @Autowired
    Persons persons;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    Enrollments enrollments;
    @Autowired
    Contributions contributions;
    @Autowired
    UnemploymentClaims claims;
    @Autowired
    BenefitStops stops;
    @Autowired
    Payroll payroll;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private record Someone(long id, String idNumber) {
    }

    private long employer() {
        return jdbc.sql("SELECT id FROM registry_employer WHERE region_code = '350200' ORDER BY id LIMIT 1")
                .query(Long.class).single();
    }

    /** A Xiamen person with {@code months} of contributions (from 2005), employed since 2019 when {@code employed}. */
    private Someone person(String name, int months, boolean employed) {
        Person p = null;
        while (p == null) {
            int n = SEQ.incrementAndGet();
            String first17 = "350203" + LocalDate.of(1980, 1, 1).plusDays(n).toString().replace("-", "")
                    + String.format("%03d", n % 1000);
            try {
                p = persons.registerPerson(staff.get("xm.clerk"), new PersonData(first17 + IdNumber.checkChar(first17),
                        name, null, "350203", "350200"));
            } catch (ConflictException e) {
                // a demo person has the number: the next one
            }
        }
        long id = p.id();
        List<Contributions.YearRow> rows = new ArrayList<>();
        int left = months;
        for (int year = 2005; left > 0; year++) {
            int m = Math.min(12, left);
            rows.add(new Contributions.YearRow(id, year, "350200", null, m, Money.yuan("5000.00"), Money.yuan("400.00").times(m)));
            left -= m;
        }
        contributions.copyYears(out -> rows.forEach(out));
        if (employed) {
            employ(id, employer(), LocalDate.of(2019, 1, 1));
        }
        return new Someone(id, p.idNumber().value());
    }

    private void employ(long personId, long employerId, LocalDate from) {
        bulk.copyEnrollments(out -> {
            for (InsuranceType t : List.of(InsuranceType.ENTERPRISE_PENSION, InsuranceType.UNEMPLOYMENT,
                    InsuranceType.WORK_INJURY)) {
                out.accept(new RegistryBulkLoad.EnrollmentRow(personId, employerId, EnrollmentCategory.EMPLOYEE, t, from,
                        "350200"));
            }
        }, "xm.clerk");
    }

    private void separate(Someone s, LocalDate on, String reason) {
        long employer = jdbc.sql("SELECT employer_id FROM registry_enrollment WHERE person_id = :p AND ended_on IS NULL LIMIT 1")
                .param("p", s.id()).query(Long.class).single();
        enrollments.separate(staff.get("xm.clerk"), employer, s.id(), new SeparationData(on.toString(), reason));
    }

    private Case claim(Someone s, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("bankAccount", "6222021001007654321", "registeredSeeking", "true"));
        form.putAll(extra);
        return intake.submit(staff.get("xm.clerk"), new Submission(CaseType.UNEMPLOYMENT_BENEFIT, Channel.PHONE,
                s.idNumber(), form, List.of(), Set.of(), null, null)).c();
    }

    private Case accepted(Case c) {
        steps.accept("xm.clerk", c.id());
        // Xiamen has one clerk, who accepted it: the reviewer pre-reviews and decides
        return steps.preReview("xm.reviewer", c.id(), "减员记录、缴费记录已核");
    }

    private Claim approve(Case c) {
        accepted(c);
        steps.approve("xm.reviewer", c.id());
        return claims.claim(staff.get("xm.reviewer"), c.id()).orElseThrow();
    }

    private long cases(Someone s) {
        return jdbc.sql("SELECT count(*) FROM casework_case WHERE person_id = :p").param("p", s.id()).query(Long.class).single();
    }

    private PayrollRun run(YearMonth month) {
        PayrollRun r = payroll.open(staff.get("fj.admin"), XIAMEN, month);
        payroll.execute(r.id());
        return r;
    }

    private BigDecimal unemploymentPaid(long runId) {
        return paidOf(runId, "UNEMPLOYMENT");
    }

    private BigDecimal paidOf(long runId, String benefit) {
        return jdbc.sql("""
                SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.benefit = :b""").param("r", runId).param("b", benefit)
                .query(BigDecimal.class).single();
    }

    @Autowired
    org.shebao.recovery.Recoveries recoveries;

    @Test
    @DisplayName("第十七条 + FJ-1.6 + 第十五条 + 社会保险法第四十八条: 7 years → 18 months at 1620 from the month after eligibility (arrears in the "
            + "next payroll, booked to the unemployment fund), each month's medical premium paid to the medical agency; a re-employment in month 5 found in the registry stops "
            + "the order and recovers the month paid after it; a second period adds the 13 unused months, capped at 24")
    void periodPaidStoppedAndCarried() {
        LocalDate today = LocalDate.now(clock);
        YearMonth now = YearMonth.from(today);
        Someone s = person("失业测试甲", 84, true);
        LocalDate separatedOn = today.minusMonths(5).withDayOfMonth(10);
        separate(s, separatedOn, "DISMISSED");
        Case c = claim(s, Map.of());
        assertThat(c.form()).containsEntry("separationSource", "REGISTRY").containsEntry("separationReason", "DISMISSED")
                .containsEntry("separatedOn", separatedOn.toString());
        // the reviewer sees what approval would decide
        ClaimDecision preview = claims.decide(c, today);
        assertThat(preview.eligibility().met()).isTrue();
        assertThat(preview.duration().months()).isEqualTo(18);
        assertThat(preview.start().clauses()).containsExactly("FJ-1.6");

        Claim claim = approve(c);
        YearMonth first = YearMonth.from(separatedOn).plusMonths(1);
        assertThat(claim.firstMonth()).isEqualTo(first);
        assertThat(claim.durationMonths()).isEqualTo(18);
        assertThat(claim.lastMonth()).isEqualTo(first.plusMonths(17));
        assertThat(claim.monthlyAmount()).isEqualTo(MONTHLY);
        assertThat(jdbc.sql("SELECT flags FROM payroll_order WHERE id = :o").param("o", claim.orderId()).query(String.class)
                .single()).isEqualTo("LATE_UNEMPLOYMENT_APPLICATION:FJ-1.6");
        // months first..now (5) are arrears in next month's payroll, each for its own month, flagged with the clause
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_adjustment WHERE order_id = :o AND kind = 'ARREARS' "
                        + "AND month = :m AND flags LIKE '%FJ-1.6%'").param("o", claim.orderId())
                .param("m", now.plusMonths(1).atDay(1)).query(Integer.class).single()).isEqualTo(5);
        assertThat(claims.history(c.id())).extracting(ClaimEvent::action).containsExactly("APPROVED");

        Money expense = ledger.balance(Account.UNEMPLOYMENT_EXPENSE);
        Money medical = ledger.balance(Account.UNEMPLOYMENT_MEDICAL_EXPENSE);
        Money bank = ledger.balance(Account.UNEMPLOYMENT_BANK);
        PayrollRun next = run(now.plusMonths(1));
        BigDecimal mine = jdbc.sql("SELECT sum(amount) FROM payroll_line WHERE run_id = :r AND order_id = :o")
                .param("r", next.id()).param("o", claim.orderId()).query(BigDecimal.class).single();
        assertThat(mine).isEqualByComparingTo("9720.00"); // 5 months of arrears and the month itself: 6 × 1620
        // 社会保险法 第四十八条: the same 6 months of medical premium (196.00, illustrative) go to the medical agency
        assertThat(claim.medicalPremium()).isEqualTo(Money.yuan("196.00"));
        assertThat(jdbc.sql("SELECT sum(amount) FROM payroll_line WHERE run_id = :r AND order_id = :o AND bank_account = :a")
                .param("r", next.id()).param("o", claim.medicalOrderId()).param("a", "6217000010000000001")
                .query(BigDecimal.class).single()).isEqualByComparingTo("1176.00"); // 6 × 196.00
        Money paid = new Money(unemploymentPaid(next.id()));
        Money premiums = new Money(paidOf(next.id(), "MEDICAL_PREMIUM"));
        assertThat(premiums.amount()).isGreaterThanOrEqualTo(new BigDecimal("1176.00"));
        assertThat(ledger.balance(Account.UNEMPLOYMENT_EXPENSE)).isEqualTo(expense.plus(paid));
        assertThat(ledger.balance(Account.UNEMPLOYMENT_MEDICAL_EXPENSE)).isEqualTo(medical.plus(premiums));
        assertThat(ledger.balance(Account.UNEMPLOYMENT_BANK)).isEqualTo(bank.minus(paid).minus(premiums));
        assertThat(ledger.journal("payroll-run:" + next.id() + ":UNEMPLOYMENT")).isPresent();
        BenefitView view = claims.view(claims.claim(staff.get("xm.reviewer"), c.id()).orElseThrow());
        assertThat(view.monthsLeft()).isEqualTo(12);
        assertThat(view.nextPaymentMonth()).isEqualTo(now.plusMonths(2));
        assertThat(view.nextPaymentAmount()).isEqualTo(MONTHLY);
        assertThat(view.paidTotal()).isEqualTo(Money.yuan("9720.00"));

        // re-employed on the first day of this month (month 5 of the period): nothing found before the hire
        assertThat(stops.checkReemployment(staff.get("xm.reviewer"), c.id())).isEmpty();
        long other = jdbc.sql("SELECT id FROM registry_employer WHERE region_code = '350200' ORDER BY id OFFSET 1 LIMIT 1")
                .query(Long.class).single();
        employ(s.id(), other, today.withDayOfMonth(1));
        Money receivable = ledger.balance(Account.UNEMPLOYMENT_RECEIVABLE);
        assertThat(stops.checkAllReemployments()).isGreaterThanOrEqualTo(1);
        Claim stopped = claims.claim(staff.get("xm.reviewer"), c.id()).orElseThrow();
        assertThat(stopped.status()).isEqualTo(ClaimStatus.STOPPED);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.REEMPLOYED);
        assertThat(stopped.stoppedOn()).isEqualTo(today.withDayOfMonth(1));
        assertThat(stopped.paidUntil()).isEqualTo(now);
        assertThat(jdbc.sql("SELECT until_month FROM payroll_order WHERE id = :o").param("o", claim.orderId())
                .query(LocalDate.class).single()).isEqualTo(now.atDay(1));
        BenefitView after = claims.view(stopped);
        assertThat(after.recoveries()).singleElement().satisfies(r -> {
            assertThat(r.month()).isEqualTo(now.plusMonths(1));
            assertThat(r.amount()).isEqualTo(MONTHLY);
        });
        assertThat(after.monthsLeft()).isZero();
        assertThat(after.nextPaymentMonth()).isNull();
        // the benefit month paid after the stop is recovered from the person, its premium from the medical agency
        assertThat(ledger.balance(Account.UNEMPLOYMENT_RECEIVABLE)).isEqualTo(receivable.plus(MONTHLY)
                .plus(Money.yuan("196.00")));
        // issue 15 item 5: the month paid after the stop is a recovery case, booked once (by the stop's voucher)
        org.shebao.recovery.Recovery recovery = recoveries.bySource("unemployment-stop:" + c.id(),
                new org.shebao.common.RegionCode(stopped.regionCode())).orElseThrow();
        assertThat(recovery.cause()).isEqualTo(org.shebao.recovery.Cause.BENEFIT_STOPPED);
        assertThat(recovery.fund()).isEqualTo(org.shebao.ledger.Fund.UNEMPLOYMENT);
        assertThat(recovery.amount()).isEqualTo(MONTHLY);
        assertThat(recovery.paidOrder()).isEqualTo(claim.orderId());
        assertThat(jdbc.sql("SELECT until_month FROM payroll_order WHERE id = :o").param("o", claim.medicalOrderId())
                .query(LocalDate.class).single()).isEqualTo(now.atDay(1));
        assertThat(claims.history(c.id())).extracting(ClaimEvent::action).containsExactly("APPROVED",
                "STOPPED_REEMPLOYED", "RECOVERY", "PREMIUM_RECOVERY");
        assertThat(stopped.unusedMonths()).isEqualTo(13);
        // the order pays nothing after the stop
        PayrollRun later = run(now.plusMonths(2));
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_line WHERE run_id = :r AND order_id IN (:o, :m)")
                .param("r", later.id()).param("o", claim.orderId()).param("m", claim.medicalOrderId())
                .query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> stops.stop(staff.get("xm.reviewer"), c.id(), "EMIGRATED", today.toString()))
                .isInstanceOf(ConflictException.class);

        // the new job ends (contract ended) after a year more of contributions: 1 year → 12, plus 13 unused → 24
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(s.id(), 2030, "350200", null, 12,
                Money.yuan("5000.00"), Money.yuan("4800.00"))));
        separate(s, today, "CONTRACT_ENDED");
        Case second = claim(s, Map.of());
        ClaimDecision d = claims.decide(second, today);
        assertThat(d.duration().contributionYears()).isEqualTo(1);
        assertThat(d.duration().baseMonths()).isEqualTo(12);
        assertThat(d.duration().carriedMonths()).isEqualTo(13);
        assertThat(d.duration().months()).isEqualTo(24);
        assertThat(d.start().rule()).isEqualTo("ON_TIME");
    }

    @Test
    @DisplayName("Bad input writes nothing and names the field: separation in the future, still employed, a second open "
            + "claim, more than 24 unused months, no declaration; 4xx over the API")
    void badInput() {
        LocalDate today = LocalDate.now(clock);
        Someone noRecord = person("失业测试乙", 36, false);
        assertThatThrownBy(() -> claim(noRecord, Map.of("separatedOn", today.plusDays(1).toString(),
                "separationReason", "DISMISSED")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("separatedOn"));
        Someone employed = person("失业测试丙", 36, true);
        assertThatThrownBy(() -> claim(employed, Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("separatedOn");
                    assertThat(e.violations().get(0).code()).isEqualTo("error.unemployment.stillEmployed");
                });
        assertThatThrownBy(() -> claim(noRecord, Map.of("separatedOn", today.minusDays(3).toString(),
                "separationReason", "DISMISSED", "earlierUnusedMonths", "25")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("earlierUnusedMonths"));
        assertThatThrownBy(() -> claim(noRecord, Map.of("separatedOn", today.minusDays(3).toString(),
                "separationReason", "DISMISSED", "registeredSeeking", "false")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("registeredSeeking"));
        assertThat(cases(noRecord)).isZero();
        assertThat(cases(employed)).isZero();

        // the employer has not filed 减员: the clerk enters it, and is recorded as who did
        Case c = claim(noRecord, Map.of("separatedOn", today.minusDays(3).toString(), "separationReason", "DISMISSED"));
        assertThat(c.form()).containsEntry("separationSource", "CLERK").containsEntry("separationEnteredBy", "xm.clerk");
        assertThatThrownBy(() -> claim(noRecord, Map.of("separatedOn", today.minusDays(3).toString(),
                "separationReason", "DISMISSED")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violation().field()).isEqualTo("type"));
        assertThat(cases(noRecord)).isEqualTo(1);
        // another region's clerk does not see it
        assertThatThrownBy(() -> claims.claim(staff.get("ty.clerk"), c.id())).isInstanceOf(AccessDeniedToRecordException.class);
        Someone viaApi = person("失业测试丁", 36, false);
        ApiClient.Response r = api.post("xm.clerk", "/api/v1/cases", Map.of("type", "UNEMPLOYMENT_BENEFIT",
                "idNumber", viaApi.idNumber(), "form", Map.of("bankAccount", "6222021001007654321",
                        "registeredSeeking", "true", "separatedOn", today.plusDays(2).toString(), "separationReason",
                        "DISMISSED")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("separatedOn");
        assertThat(r.firstErrorMessage()).contains("离职日期");
        assertThat(cases(viaApi)).isZero();
    }

    @Test
    @DisplayName("第十四条: a resignation is not involuntary: the condition is shown not met and approval is refused, "
            + "nothing paid")
    void resignationIsRefused() {
        Someone s = person("失业测试戊", 60, true);
        separate(s, LocalDate.now(clock).minusDays(2), "RESIGNED");
        Case c = claim(s, Map.of());
        ClaimDecision d = claims.decide(c, LocalDate.now(clock));
        assertThat(d.eligibility().conditions()).filteredOn(k -> !k.met()).extracting(Eligibility.Condition::code)
                .containsExactly(EligibilityRule.INVOLUNTARY);
        Case pre = accepted(c);
        assertThatThrownBy(() -> workflow.approve(staff.get("xm.reviewer"), pre.id(), pre.version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("eligibility"));
        assertThat(claims.claim(staff.get("xm.reviewer"), c.id())).isEmpty();
        assertThat(queries.get(staff.get("xm.reviewer"), c.id()).status().name()).isEqualTo("PRE_REVIEWED");
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_order WHERE source_ref = :r").param("r", c.reference())
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("Over the API in Taiyuan (Shanxi's standard 1360, no FJ-1.6): claim, decision, approval; a stop names "
            + "its field when bad, waits for pending arrears, then ends the order and recovers the month paid after it")
    void apiAndManualStop() {
        LocalDate today = LocalDate.now(clock);
        YearMonth now = YearMonth.from(today);
        Person p = persons.registerPerson(staff.get("ty.clerk"), new PersonData(taiyuanId(), "失业测试己", null, "140105",
                "140100"));
        contributions.copyYears(out -> {
            for (int year = 2008; year < 2020; year++) {
                out.accept(new Contributions.YearRow(p.id(), year, "140100", null, 12, Money.yuan("4000.00"),
                        Money.yuan("3840.00")));
            }
        });
        long employer = jdbc.sql("SELECT id FROM registry_employer WHERE region_code = '140100' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        bulk.copyEnrollments(out -> out.accept(new RegistryBulkLoad.EnrollmentRow(p.id(), employer,
                EnrollmentCategory.EMPLOYEE, InsuranceType.UNEMPLOYMENT, LocalDate.of(2019, 1, 1), "140100")), "ty.clerk");
        LocalDate separated = today.withDayOfMonth(1).minusDays(1); // last month's last day: eligible this month
        enrollments.separate(staff.get("ty.clerk"), employer, p.id(), new SeparationData(separated.toString(), "DISMISSED"));

        ApiClient.Response created = api.post("ty.clerk", "/api/v1/cases", Map.of("type", "UNEMPLOYMENT_BENEFIT",
                "idNumber", p.idNumber().value(), "form", Map.of("bankAccount", "6222021001001112223",
                        "registeredSeeking", "true")));
        assertThat(created.status()).isEqualTo(201);
        long caseId = created.body().path("id").asLong();
        ApiClient.Response preview = api.get("ty.clerk", "/api/v1/unemployment/claims/" + caseId);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("decision").path("duration").path("months").asInt()).isEqualTo(24);
        assertThat(preview.body().path("decision").path("start").path("rule").asString()).isEqualTo("ON_TIME");
        assertThat(api.get("fz.clerk", "/api/v1/unemployment/claims/" + caseId).status()).isEqualTo(403);

        steps.decide(caseId, "ty.clerk", "ty.clerk2", "已核", "ty.reviewer");
        ApiClient.Response approved = api.get("ty.reviewer", "/api/v1/unemployment/claims/" + caseId);
        assertThat(approved.body().path("claim").path("monthlyAmount").decimalValue()).isEqualByComparingTo("1360");
        assertThat(approved.body().path("claim").path("firstMonth").asString()).isEqualTo(now.toString());

        String path = "/api/v1/unemployment/claims/" + caseId + "/stop";
        ApiClient.Response bad = api.post("ty.reviewer", path, Map.of("reason", "BORED", "stoppedOn", today.toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.firstErrorField()).isEqualTo("reason");
        ApiClient.Response future = api.post("ty.reviewer", path, Map.of("reason", "EMIGRATED",
                "stoppedOn", today.plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.firstErrorField()).isEqualTo("stoppedOn");
        // this month is paid as arrears next month: stopping now would leave it unpaid, so the stop waits
        ApiClient.Response early = api.post("ty.reviewer", path, Map.of("reason", "EMIGRATED", "stoppedOn", today.toString()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(claims.claim(staff.get("ty.reviewer"), caseId).orElseThrow().status()).isEqualTo(ClaimStatus.PAYING);

        PayrollRun next = payroll.open(staff.get("ty.finance"), new RegionCode("140100"), now.plusMonths(1));
        payroll.execute(next.id());
        ApiClient.Response stopped = api.post("ty.reviewer", path, Map.of("reason", "EMIGRATED", "stoppedOn", today.toString()));
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body().path("claim").path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.body().path("view").path("recoveries").get(0).path("amount").decimalValue()).isEqualByComparingTo("1360");
        assertThat(stopped.body().path("history").get(1).path("action").asString()).isEqualTo("STOPPED_EMIGRATED");
        assertThat(api.post("ty.reviewer", path, Map.of("reason", "EMIGRATED", "stoppedOn", today.toString())).status())
                .isEqualTo(409);
        ApiClient.Response mine = api.get("citizen.ty", "/api/v1/me/unemployment");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().isArray()).isTrue();
    }

    private String taiyuanId() {
        int n = SEQ.incrementAndGet();
        String first17 = "140105" + LocalDate.of(1982, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkChar(first17);
    }
}
