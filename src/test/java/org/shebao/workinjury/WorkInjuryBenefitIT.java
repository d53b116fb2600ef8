package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.casework.Upload;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.BillFixtures;
import org.shebao.contribution.Bills;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.DeclaredLine;
import org.shebao.contribution.Declarations;
import org.shebao.contribution.Payments;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.policy.Parameters;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work-injury benefits through the product (issue 12, item 3): a Xinzhou worker's injury recognized by the
 * department, appraised grade 3 and partly dependent 70 days ago; the clerk registers the benefit application by phone,
 * the reviewer approves it; the payroll of next month pays the one-time allowance, both monthly allowances and the
 * months since the conclusion as arrears, booked to the work-injury fund.
 */
@ShebaoIntegrationTest
@DisplayName("Work-injury benefits (工伤保险条例 第三十四条、第三十五条、第六十四条) approved and paid by the payroll from the work-injury fund")
class WorkInjuryBenefitIT {
    private static final RegionCode XINZHOU = new RegionCode("140900");
    /** A monthly contribution wage inside 60%–300% of Shanxi's average wage of any year the suite runs in. */
    private static final Money WAGE = Money.yuan("9000.00");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TestUsers users;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseSteps steps;
    @Autowired
    Recognitions recognitions;
    @Autowired
    Appraisals appraisals;
    @Autowired
    WorkInjuryBenefits benefits;
    @Autowired
    Contributions contributions;
    @Autowired
    Payroll payroll;
    @Autowired
    Ledger ledger;
    @Autowired
    Parameters parameters;
    @Autowired
    Persons persons;
    @Autowired
    Employers employers;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    Declarations declarations;
    @Autowired
    Bills bills;
    @Autowired
    Payments payments;
    @Autowired
    ApiClient api;

    @Test
    @DisplayName("grade 3, own wage 9000.00 (12 months at 9000.00): one-time 23 × 9000.00 = 207000.00; monthly 80% = "
            + "7200.00; nursing 30% of the average wage; paid from the month after the conclusion, past months as "
            + "arrears in next month's payroll; the fund's expense and bank move by exactly what was paid")
    void grade3PaidByThePayroll() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long person = person();
        Recognition r = recognized(person, today.minusDays(150));
        wagesBefore(person, r.injuredOn());
        LocalDate concluded = today.minusDays(70);
        Appraisal a = appraisals.apply(users.get("xz.clerk"), person, r.id(), today.minusDays(120).toString());
        appraisals.conclude(users.get("sx.injury"), a.id(),
                new Appraisals.Conclusion("3", "PARTIAL", concluded.toString(), today.minusDays(68).toString()),
                new Upload("EVIDENCE", "鉴定结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("grade 3")));
        Case c = apply(person, r.injuredOn());

        WorkInjuryBenefits.Preview preview = benefits.preview(users.get("xz.reviewer"), c, today).preview();
        assertThat(preview.benefits().ownWage().amount()).isEqualTo(WAGE);
        assertThat(preview.benefits().ownWage().months()).isEqualTo(12);
        Money nursing = parameters.money("wage.average.monthly", XINZHOU, concluded.minusYears(1))
                .times(new BigDecimal("0.30"), RoundingMode.HALF_UP);
        YearMonth first = YearMonth.from(concluded).plusMonths(1);
        // the month after approval, or after the city's last completed run (AwardRulesIT completes Xinzhou's next month)
        YearMonth next = preview.nextPayroll();
        int arrears = (int) first.until(next, java.time.temporal.ChronoUnit.MONTHS);

        steps.decide(c.id(), "xz.clerk", "xz.clerk", "认定决定书、鉴定结论已核", "xz.reviewer");
        assertThat(jdbc.sql("SELECT lump_sum || ' ' || monthly_allowance || ' ' || nursing_allowance FROM workinjury_award"
                + " WHERE case_id = :c").param("c", c.id()).query(String.class).single())
                .isEqualTo("207000.00 7200.00 " + nursing.amount().toPlainString());
        assertThat(benefits.ordersOf(c.id())).containsOnlyKeys("LUMP_SUM", "DISABILITY", "NURSING");
        String page = WebSession.login(port, "xz.reviewer").get("/workinjury/benefits/" + c.id()).body();
        assertThat(page).contains("本人工资", "207000.00", "7200.00", "三级伤残", "生活部分不能自理", "第六十四条")
                .doesNotContain("PARTIAL").doesNotContain("LUMP_SUM").doesNotContain("出错了");

        Money expense = ledger.balance(Account.WORK_INJURY_EXPENSE);
        Money bank = ledger.balance(Account.WORK_INJURY_BANK);
        PayrollRun run = payroll.open(users.get("sx.admin"), XINZHOU, next);
        payroll.execute(run.id());
        Map<String, String> lines = jdbc.sql("""
                SELECT l.kind, count(*) || ' × ' || sum(l.amount) FROM payroll_line l
                  JOIN workinjury_award_order w ON w.order_id = l.order_id
                 WHERE w.case_id = :c AND l.run_id = :r GROUP BY l.kind""")
                .param("c", c.id()).param("r", run.id())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Money monthly = Money.yuan("7200.00").plus(nursing);
        assertThat(lines).containsEntry("LUMP_SUM", "1 × 207000.00")
                .containsEntry("REGULAR", "2 × " + monthly.amount().toPlainString())
                .containsEntry("ARREARS", (2 * arrears) + " × " + monthly.times(arrears).amount().toPlainString());
        Money paid = Money.yuan("207000.00").plus(monthly.times(arrears + 1));
        // the run's other work-injury lines (none in Xinzhou but this worker's) move the books too: compare with them
        Money fundPaid = new Money(jdbc.sql("""
                SELECT sum(l.amount) FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.benefit = 'WORK_INJURY'""").param("r", run.id()).query(BigDecimal.class).single());
        assertThat(fundPaid).isEqualTo(paid);
        assertThat(ledger.balance(Account.WORK_INJURY_EXPENSE)).isEqualTo(expense.plus(paid));
        assertThat(ledger.balance(Account.WORK_INJURY_BANK)).isEqualTo(bank.minus(paid));
    }

    @Test
    @DisplayName("without a concluded appraisal, without a bank account, and a second approval of the same conclusion "
            + "(twice at once): refused with its reason, nothing paid twice")
    void refusals() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long person = person();
        Recognition r = recognized(person, today.minusDays(100));
        Case first = apply(person, r.injuredOn());
        steps.accept("xz.clerk", first.id());
        steps.preReview("xz.clerk", first.id(), "已核");
        assertThatThrownBy(() -> steps.approve("xz.reviewer", first.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("error.wi.benefit.noConclusion"));

        wagesBefore(person, r.injuredOn());
        Appraisal a = appraisals.apply(users.get("xz.clerk"), person, r.id(), today.minusDays(60).toString());
        appraisals.conclude(users.get("sx.injury"), a.id(),
                new Appraisals.Conclusion("8", "NONE", today.minusDays(10).toString(), today.minusDays(9).toString()),
                new Upload("EVIDENCE", "鉴定结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("grade 8")));
        Case second = apply(person, r.injuredOn());
        // an application made before the form asked for a bank account: refused with the reason, nothing paid
        Case old = apply(person, r.injuredOn());
        jdbc.sql("UPDATE casework_case SET form = (form::jsonb - 'bankAccount')::text WHERE id = :c")
                .param("c", old.id()).update();
        steps.accept("xz.clerk", old.id());
        steps.preReview("xz.clerk", old.id(), "已核");
        assertThatThrownBy(() -> steps.approve("xz.reviewer", old.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.violation().code()).isEqualTo("error.wi.benefit.noBankAccount"));
        steps.accept("xz.clerk", second.id());
        steps.preReview("xz.clerk", second.id(), "已核");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> both = pool.invokeAll(List.<Callable<Object>>of(
                    () -> steps.approve("xz.reviewer", first.id()), () -> steps.approve("xz.reviewer", second.id())));
            int won = 0;
            for (Future<Object> f : both) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(ConflictException.class, c -> assertThat(
                            c.violation().code()).isEqualTo("error.wi.benefit.alreadyAwarded"));
                }
            }
            assertThat(won).as("one award per appraisal conclusion").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM workinjury_award WHERE appraisal_id = :a").param("a", a.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM workinjury_award_order o JOIN workinjury_award w USING (case_id)"
                + " WHERE w.appraisal_id = :a").param("a", a.id()).query(Integer.class).single())
                .as("grade 8: the one-time allowance only").isEqualTo(1);
    }

    @Test
    @DisplayName("FJ-1.4: injured on 2020-03-10 during the employer's deferral of March 2020: approval waits while "
            + "March's bill is unpaid; once paid (before lifted + 3 months, still pending) the fund pays, the orders flagged")
    void fj14InjuryDuringDeferral() {
        YearMonth month = YearMonth.of(2020, 3);
        ShebaoUser clerk = users.get("fz.clerk");
        Employer e = BillFixtures.employer(employers, clerk, EmployerSize.LARGE);
        BillFixtures.Employee worker = BillFixtures.employee(persons, bulk, clerk, e.id(), "钱工伤");
        long deferral = api.post("fz.clerk", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("employerId", String.valueOf(e.id()), "fromMonth", month.toString(), "months", "1",
                        "reason", "受疫情影响停产"))).body().path("id").asLong();
        steps.decide(deferral, "fz.clerk", "fz.clerk2", "属实", "fz.reviewer");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, worker.idNumber(), worker.name(),
                String.valueOf(month.getYear()), "6000.00")));
        Money due = bills.assess(clerk, e.id(), month).bill().totalDue();

        LocalDate injured = LocalDate.of(2020, 3, 10);
        Recognition r = recognitions.apply(clerk, worker.personId(), new Recognitions.Application("WORKER",
                injured.toString(), "停产检修时摔伤", false, false, false,
                List.of(new Recognitions.ClaimInput("ONLINE", injured.toString(), "政务网申请回执", null))));
        recognitions.accept(users.get("fj.injury"), r.id(), null, new Recognitions.Acceptance("2020-04-20", true),
                "SCREEN");
        recognitions.decide(users.get("fj.injury"), r.id(), null,
                new Recognitions.Decision("RECOGNIZED", "2020-05-08", "榕工伤认字〔2020〕014号", null), "SCREEN");
        Appraisal a = appraisals.apply(clerk, worker.personId(), r.id(), "2020-06-01");
        appraisals.conclude(users.get("fj.injury"), a.id(), new Appraisals.Conclusion("9", "NONE", "2020-07-01", "2020-07-03"),
                new Upload("EVIDENCE", "鉴定结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("grade 9")));
        Case c = intake.submit(clerk, new Submission(CaseType.WORK_INJURY_BENEFIT, Channel.PHONE, worker.idNumber(),
                Map.of("injuryDate", injured.toString(), "description", "停产检修时摔伤", "bankAccount", "6222021001005550002"),
                List.of(new Upload("INJURY_RECOGNITION", "认定决定书.pdf", "application/pdf", WorkInjuryFixtures.pdf("r")),
                        new Upload("MEDICAL_RECORDS", "病历.pdf", "application/pdf", WorkInjuryFixtures.pdf("m"))),
                Set.of(), null, null)).c();
        steps.accept("fz.clerk", c.id());
        steps.preReview("fz.clerk2", c.id(), "已核");
        assertThatThrownBy(() -> steps.approve("fz.reviewer", c.id()))
                .isInstanceOfSatisfying(ConflictException.class, x -> assertThat(x.violation().code())
                        .isEqualTo("error.wi.benefit.waitsForBackPayment"));
        assertThat(benefits.ordersOf(c.id())).isEmpty();

        payments.record(users.get("fz.finance"), e.id(), new Payments.OnlinePayment(month.toString(),
                due.amount().toPlainString(), "FJ14-" + e.id(), "2020-06-15"));
        steps.approve("fz.reviewer", c.id());
        assertThat(jdbc.sql("SELECT flags FROM payroll_order WHERE id = :o")
                .param("o", benefits.ordersOf(c.id()).get("LUMP_SUM")).query(String.class).single())
                .isEqualTo("WORK_INJURY_DURING_DEFERRAL:FJ-1.4");
    }

    /** A Xinzhou demo person with no injury, no portal account, no bill and no standing order. */
    private long person() {
        return jdbc.sql("""
                SELECT p.id FROM registry_person p
                 WHERE p.region_code = '140900'
                   AND NOT EXISTS (SELECT 1 FROM workinjury_recognition w WHERE w.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM identity_user u WHERE u.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM registry_record_holding h WHERE h.person_id = p.id)
                   AND p.phone IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM contribution_bill_line b WHERE b.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM payroll_order o WHERE o.person_id = p.id)
                 ORDER BY p.id DESC LIMIT 1""").query(Long.class).single();
    }

    /** xz.clerk registers the worker's online application; the province's department accepts and recognizes it. */
    private Recognition recognized(long person, LocalDate injured) {
        Recognition r = recognitions.apply(users.get("xz.clerk"), person, new Recognitions.Application("WORKER",
                injured.toString(), "检修设备时右手受伤", false, false, false,
                List.of(new Recognitions.ClaimInput("ONLINE", injured.plusDays(5).toString(), "政务网申请回执", null))));
        recognitions.accept(users.get("sx.injury"), r.id(), null,
                new Recognitions.Acceptance(injured.plusDays(10).toString(), true), "SCREEN");
        return recognitions.decide(users.get("sx.injury"), r.id(), null,
                new Recognitions.Decision("RECOGNIZED", injured.plusDays(20).toString(), "忻工伤认字〔2026〕009号", null),
                "SCREEN");
    }

    /** Every month of the two calendar years around the 12 months before the injury at {@link #WAGE}. */
    private void wagesBefore(long person, LocalDate injured) {
        WorkInjuryFixtures.yearlyWages(jdbc, contributions, person, "140900", injured.minusMonths(12).getYear(),
                injured.getYear(), WAGE);
    }

    /** xz.clerk registers the worker's benefit application by phone, with both materials. */
    private Case apply(long person, LocalDate injured) {
        String idNumber = persons.person(users.get("xz.clerk"), person).idNumber().value();
        return intake.submit(users.get("xz.clerk"), new Submission(CaseType.WORK_INJURY_BENEFIT, Channel.PHONE,
                idNumber, Map.of("injuryDate", injured.toString(), "description", "检修设备时右手受伤",
                        "bankAccount", "6222021001005550001"),
                List.of(new Upload("INJURY_RECOGNITION", "认定决定书.pdf", "application/pdf", WorkInjuryFixtures.pdf("r")),
                        new Upload("MEDICAL_RECORDS", "病历.pdf", "application/pdf", WorkInjuryFixtures.pdf("m"))),
                Set.of(), null, null)).c();
    }
}
