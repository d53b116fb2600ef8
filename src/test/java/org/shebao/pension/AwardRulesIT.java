package org.shebao.pension;

import org.shebao.CaseSteps;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.TestUsers;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.common.IdNumber;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergency;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Clock;
import java.util.ArrayList;
import org.shebao.WebSession;
import org.shebao.payroll.StandingOrders;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Retirement decisions on the real payroll (issue 9): the 15-year minimum, settlement of every pre-paid month on both
 * sides of the SX-1a window, and arrears without pre-payment, each paid or recovered by the payroll that pays people.
 */
@ShebaoIntegrationTest
@DisplayName("Retirement decisions: the 15-year minimum, settlement across the SX-1a window, arrears (N-1d) paid by the payroll")
class AwardRulesIT {
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseSteps steps;
    @Autowired
    Awards awards;
    @Autowired
    TestUsers staff;
    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;
    @Autowired
    Payroll payroll;
    @Autowired
    StandingOrders orders;
    @Autowired
    Emergencies emergencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    /** A man of the city born on the day, registered by its clerk, with {@code months} paid in the years before. */
    private String retiree(String city, String clerk, LocalDate birth, int seq, int months) {
        String first17 = city + birth.toString().replace("-", "") + String.format("%03d", seq);
        String id = first17 + IdNumber.checkChar(first17);
        long person = persons.registerPerson(staff.get(clerk), new PersonData(id, "测试退休" + (char) ('甲' + seq % 10),
                "1390000" + String.format("%04d", seq), city, city)).id();
        int year = 2000;
        int left = months;
        List<Contributions.YearRow> rows = new ArrayList<>();
        while (left > 0) {
            int m = Math.min(12, left);
            rows.add(new Contributions.YearRow(person, year++, city, null, m, Money.yuan("4000.00"),
                    Money.yuan("320.00").times(m)));
            left -= m;
        }
        contributions.copyYears(out -> rows.forEach(out));
        return id;
    }

    /** A clerk registers the retirement on the person's behalf (phone), materials to follow; the clerk accepts it. */
    private Case declare(String clerk, String id) {
        Case c = intake.submit(staff.get(clerk), new Submission(CaseType.RETIREMENT, Channel.PHONE, id,
                Map.of("scheme", "ENTERPRISE", "bankAccount", "6222021001009876543"), List.of(),
                Set.of(), null, null)).c();
        return steps.accept(clerk, c.id());
    }

    private Case preReview(String clerk2, Case c) {
        return steps.preReview(clerk2, c.id(), "材料待补");
    }

    private PayrollRun runThisMonth(String finance, String city) {
        PayrollRun run = payroll.open(staff.get(finance), new RegionCode(city), YearMonth.now(clock));
        payroll.execute(run.id());
        return run;
    }

    private BigDecimal sum(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < args.length; i++) {
            spec = spec.param("p" + i, args[i]);
        }
        return spec.query(BigDecimal.class).single();
    }

    /** Shanxi's emergency with a lifted date (or none again), as an administrator enters it. */
    private void shanxiLifted(LocalDate lifted) {
        Emergency e = emergencies.all().stream().filter(x -> x.region().value().equals("140000")).findFirst().orElseThrow();
        if (lifted == null) {
            if (e.liftedOn() != null) {
                emergencies.enterDates(staff.get("sx.admin"), e.id(), e.version(),
                        new DateEntry("", "", "测试结束：撤销录入", false, true));
            }
        } else {
            emergencies.enterDates(staff.get("sx.admin"), e.id(), e.version(), new DateEntry("", lifted.toString(),
                    e.liftedOn() == null ? "" : "测试：更正", false, false));
        }
    }

    @Autowired
    org.shebao.recovery.Recoveries recoveries;

    @Test
    @DisplayName("pension.minimumContributionMonths (国发〔1997〕26号, 社会保险法 第十六条): 100 months is short of 180: no monthly "
            + "pension, the award says why with the options the rules allow, every pre-paid month is recovered")
    void shortOfMinimum() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String id = retiree("350200", "xm.clerk", today.minusYears(61).withDayOfMonth(10), 11, 100);
        Case c = declare("xm.clerk", id);
        Award prepaid = awards.startPrepayment(staff.get("xm.reviewer"), c.id(), null);
        assertThat(prepaid.prepaymentAmount()).isEqualTo(Money.yuan("1800.00"));
        preReview("xm.reviewer", c); // Xiamen has one clerk, who accepted it: the reviewer pre-reviews
        PayrollRun run = runThisMonth("fj.admin", "350200");
        long prepayOrder = jdbc.sql("SELECT id FROM payroll_order WHERE kind = 'PREPAYMENT' AND source_ref = :r")
                .param("r", c.reference()).query(Long.class).single();
        BigDecimal paid = sum("SELECT COALESCE(sum(amount), 0) FROM payroll_line WHERE order_id = :p0", prepayOrder);
        assertThat(paid).as("the pre-payment was paid, past months included").isGreaterThan(new BigDecimal("1800.00"));

        steps.approve("xm.reviewer", c.id());
        assertThat(awards.shortfall(c.id())).hasValueSatisfying(s -> {
            assertThat(s.months()).isEqualTo(100);
            assertThat(s.required()).isEqualTo(180);
            assertThat(s.source()).contains("社会保险法 第十六条");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_order WHERE kind = 'REGULAR' AND source_ref = :r")
                .param("r", c.reference()).query(Integer.class).single()).as("no monthly pension").isZero();
        assertThat(sum("SELECT COALESCE(sum(amount), 0) FROM payroll_recovery WHERE order_id = :p0", prepayOrder))
                .as("every pre-paid month is recovered").isEqualByComparingTo(paid);
        // issue 15 item 5: nothing to deduct from, so a recovery case waits for a payment request (booked once, by the
        // settlement's voucher)
        org.shebao.recovery.Recovery recovery = recoveries.bySource("prepayment-settled:" + prepayOrder,
                new org.shebao.common.RegionCode("350200")).orElseThrow();
        assertThat(recovery.cause()).isEqualTo(org.shebao.recovery.Cause.PREPAYMENT_SETTLEMENT);
        assertThat(recovery.amount().amount()).isEqualByComparingTo(paid);
        assertThat(recovery.status()).isEqualTo(org.shebao.recovery.RecoveryStatus.OPEN);
        assertThat(recovery.bookedAs()).isEqualTo("prepayment-settled:" + prepayOrder);
        assertThat(awards.settlement(awards.find(c.id()).orElseThrow()).months()).extracting(Settlement.Month::due)
                .allSatisfy(d -> assertThat(d).isEqualTo(Money.ZERO));
        assertThat(run.id()).isPositive();
        // the award page says why and offers the options, each with its source
        // read as fj.admin: WebSecurityIT locks xm.reviewer with wrong passwords in the same JVM
        var page = WebSession.login(port, "fj.admin").get("/pension/awards/" + c.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("不符合按月领取基本养老金的条件").contains("累计缴费 100 个月")
                .contains("180 个月").contains("人社部令第13号").contains("个人账户储存额");
        // issue 17 item 5: the page names whose award it is
        String name = jdbc.sql("SELECT applicant_name FROM casework_case WHERE id = :id").param("id", c.id())
                .query(String.class).single();
        assertThat(page.body()).containsPattern("id=\"award-applicant\">" + java.util.regex.Pattern.quote(name) + "<");
    }

    @Test
    @DisplayName("SX-1a: approved while its window is open, the pre-paid months are settled against the pension from "
            + "the month after retirement age; approved after it closed, every month pre-paid before the new first "
            + "month is due nothing and deducted: no pre-paid month is left unsettled")
    void settlementAcrossTheWindow() {
        LocalDate today = LocalDate.now(clock);
        YearMonth now = YearMonth.from(today);
        String inside = retiree("140100", "ty.clerk", today.minusYears(61).withDayOfMonth(12), 21, 300);
        String outside = retiree("140100", "ty.clerk", today.minusYears(61).withDayOfMonth(14), 23, 300);
        Case in = declare("ty.clerk", inside);
        Case out = declare("ty.clerk", outside);
        awards.startPrepayment(staff.get("ty.reviewer"), in.id(), null);
        awards.startPrepayment(staff.get("ty.reviewer"), out.id(), null);
        preReview("ty.clerk2", in);
        preReview("ty.clerk2", out);
        runThisMonth("ty.finance", "140100");
        try {
            shanxiLifted(today.minusMonths(2)); // SX-1a: lifted + 3 months is still ahead
            steps.approve("ty.reviewer", in.id());
            shanxiLifted(today.minusMonths(5)); // now lifted + 3 months has passed
            steps.approve("ty.reviewer", out.id());
        } finally {
            shanxiLifted(null);
        }
        for (Case c : List.of(in, out)) {
            Award a = awards.find(c.id()).orElseThrow();
            long prepayOrder = jdbc.sql("SELECT id FROM payroll_order WHERE kind = 'PREPAYMENT' AND source_ref = :r")
                    .param("r", c.reference()).query(Long.class).single();
            Map<YearMonth, Money> paid = orders.paidPerMonth(prepayOrder, LineKind.PREPAYMENT);
            Settlement s = awards.settlement(a);
            assertThat(s.months()).extracting(Settlement.Month::month).as("every pre-paid month is settled")
                    .containsAll(paid.keySet());
            BigDecimal scheduled = sum("""
                    SELECT COALESCE(sum(a.amount), 0) FROM payroll_adjustment a JOIN payroll_order o ON o.id = a.order_id
                     WHERE o.source_ref = :p0 AND o.kind = 'REGULAR' AND a.kind IN ('SETTLEMENT','DEDUCTION')""", c.reference());
            assertThat(scheduled).as("the schedule pays or deducts the whole difference").isEqualByComparingTo(s.total().amount());
        }
        Award ai = awards.find(in.id()).orElseThrow();
        assertThat(awards.entitlement(ai).rule()).isEqualTo("LATE_UNDER_EMERGENCY");
        assertThat(awards.entitlement(ai).clauses()).contains("N-1d", "SX-1a");
        Award ao = awards.find(out.id()).orElseThrow();
        assertThat(awards.entitlement(ao).rule()).isEqualTo("LATE_NORMAL_RULE");
        assertThat(ao.firstMonth()).isEqualTo(YearMonth.from(out.receivedAt()).plusMonths(1));
        Settlement so = awards.settlement(ao);
        assertThat(so.months()).filteredOn(m -> m.month().isBefore(ao.firstMonth()))
                .allSatisfy(m -> assertThat(m.due()).isEqualTo(Money.ZERO))
                .allSatisfy(m -> assertThat(m.difference()).isEqualTo(m.paid().negate()));
        assertThat(so.total().isNegative()).as("all that was pre-paid is recovered").isTrue();
        // issue 15 item 5: the over-payment is a recovery case that follows the deductions the settlement planned
        long outPrepay = jdbc.sql("SELECT id FROM payroll_order WHERE kind = 'PREPAYMENT' AND source_ref = :r")
                .param("r", out.reference()).query(Long.class).single();
        org.shebao.recovery.Recoveries.Details followed = recoveries.details(staff.get("ty.finance"),
                recoveries.bySource("prepayment-settled:" + outPrepay, new org.shebao.common.RegionCode("140100"))
                        .orElseThrow().id());
        assertThat(followed.recovery().amount()).isEqualTo(so.total().negate());
        assertThat(followed.recovery().status()).isEqualTo(org.shebao.recovery.RecoveryStatus.DEDUCTING);
        assertThat(followed.pendingDeduction()).isNotNull();
        assertThat(jdbc.sql("SELECT a.flags FROM payroll_adjustment a JOIN payroll_order o ON o.id = a.order_id"
                        + " WHERE o.source_ref = :r AND o.kind = 'REGULAR' LIMIT 1").param("r", out.reference())
                .query(String.class).single()).as("Shanxi cites its own clauses").contains("N-1b").doesNotContain("FJ-1.3");
        assertThat(now).isNotNull();
        // issue 17 item 5: the list of pre-payments names both, newest first; another region's reviewer sees neither
        Awards.Listing prepaid = awards.list(staff.get("ty.reviewer"), Awards.View.PREPAID, 0);
        assertThat(prepaid.rows()).extracting(l -> l.award().caseId()).containsSubsequence(out.id(), in.id());
        assertThat(prepaid.rows()).allMatch(l -> l.award().prepaid());
        assertThat(prepaid.prepaid()).isLessThanOrEqualTo(prepaid.total()).isPositive();
        assertThat(awards.list(staff.get("xm.clerk"), Awards.View.ALL, 0).rows()).extracting(l -> l.award().caseId())
                .doesNotContain(in.id(), out.id());
        try {
            var page = WebSession.login(port, "ty.reviewer").get("/pension/awards?view=prepaid");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(in.reference()).contains(out.reference())
                    .contains(prepaid.rows().get(0).kase().applicantName()).contains("预发养老金（" + prepaid.prepaid() + "）");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("N-1d / SX-1a: a late declaration without pre-payment is paid its arrears by the payroll of the month "
            + "after approval, flagged with the clauses that decided it")
    void arrearsWithoutPrepayment() {
        LocalDate today = LocalDate.now(clock);
        String id = retiree("140900", "xz.clerk", today.minusYears(61).withDayOfMonth(16), 31, 300);
        Case c = declare("xz.clerk", id);
        preReview("xz.reviewer", c); // Xinzhou has one clerk, who accepted it: the reviewer pre-reviews
        steps.approve("xz.reviewer", c.id());
        Award a = awards.find(c.id()).orElseThrow();
        EntitlementDecision d = awards.entitlement(a);
        assertThat(d.arrearsMonths()).isPositive();
        PayrollRun next = payroll.open(staff.get("sx.admin"), new RegionCode("140900"), YearMonth.now(clock).plusMonths(1));
        payroll.execute(next.id());
        List<String> lines = jdbc.sql("""
                SELECT l.kind || ' ' || l.amount || ' ' || l.flags FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id
                 WHERE l.run_id = :r AND o.source_ref = :ref ORDER BY l.kind""").param("r", next.id())
                .param("ref", c.reference()).query(String.class).list();
        assertThat(lines).contains("ARREARS " + a.monthlyAmount().times(d.arrearsMonths())
                + " ARREARS:N-1d,SX-1a", "REGULAR " + a.monthlyAmount() + " ");
    }
}
