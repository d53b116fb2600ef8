package org.shebao.unemployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Measures;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.SeparationReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Unemployment-benefit claims: the decision of a claim from its case's form and the records (separation evidence,
 * rights record, earlier claims, the policy's parameters and measures), its approval into a standing order of the
 * payroll (arrears for months already past, each for its own benefit month), and reading claims back.
 */
@Service
@RequiredArgsConstructor
public class UnemploymentClaims {
    /** Form fields the case keeps (written by the case type's check). */
    public static final String SEPARATED_ON = "separatedOn";
    public static final String SEPARATION_REASON = "separationReason";
    public static final String SEPARATION_SOURCE = "separationSource";
    public static final String SEPARATION_ENTERED_BY = "separationEnteredBy";
    /** The entering clerk's name, as screens show it (the login name stays in the record and the operation log). */
    public static final String SEPARATION_ENTERED_BY_NAME = "separationEnteredByName";
    public static final String EMPLOYER_NAME = "employerName";
    public static final String REGISTERED_SEEKING = "registeredSeeking";
    public static final String EARLIER_UNUSED = "earlierUnusedMonths";
    public static final String BANK_ACCOUNT = "bankAccount";
    /** The claimant's medical premium a month, paid by the fund (社会保险法 第四十八条). */
    static final String MEDICAL_PREMIUM = "unemployment.medicalPremium.monthly";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries queries;
    private final Persons persons;
    private final Contributions contributions;
    private final Parameters parameters;
    private final Measures measures;
    private final StandingOrders orders;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final UnemploymentProperties settings;

    /**
     * What the claim of a case comes to if approved on {@code approvalDay}: separation, eligibility, duration, amount,
     * start and schedule. Facts are read as of the claim (the day it was made); the schedule from the approval.
     */
    public ClaimDecision decide(Case c, LocalDate approvalDay) {
        Map<String, String> f = c.form();
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate applied = c.receivedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        ClaimDecision.Separation separation = new ClaimDecision.Separation(LocalDate.parse(f.get(SEPARATED_ON)),
                SeparationReason.valueOf(f.get(SEPARATION_REASON)), f.getOrDefault(EMPLOYER_NAME, ""),
                f.getOrDefault(SEPARATION_SOURCE, "REGISTRY"), f.get(SEPARATION_ENTERED_BY),
                f.get(SEPARATION_ENTERED_BY_NAME));
        int total = contributions.rightsRecord(c.personId()).totalMonths();
        // 第十七条: after a re-employment the contribution time is counted again, from what the earlier claim counted
        Optional<Claim> earlier = latestClaim(c.personId()).filter(e -> e.caseId() != c.id());
        int months = earlier.map(e -> Math.max(0, total - e.contributionMonths())).orElse(total);
        int carried = earlier.map(Claim::unusedMonths).orElse(0)
                + Integer.parseInt(f.getOrDefault(EARLIER_UNUSED, "0"));
        ParameterValue minimum = parameters.require("unemployment.eligibility.minimumContributionMonths", region, applied);
        Eligibility eligibility = EligibilityRule.decide(months, (Integer) minimum.value(), minimum.source(),
                separation.reason(), "true".equals(f.get(REGISTERED_SEEKING)));
        ParameterValue brackets = parameters.require("unemployment.duration.byContributionYears", region, applied);
        BenefitDuration duration = DurationRule.decide(months, carried,
                parameters.brackets("unemployment.duration.byContributionYears", region, applied),
                parameters.integer("unemployment.duration.maxMonths", region, applied), brackets.source());
        BenefitAmount amount = AmountRule.decide(parameters.require("unemployment.benefit.monthly", region, applied),
                parameters.require("unemployment.benefit.minimumLivingAllowance", region, applied),
                parameters.require("unemployment.benefit.minimumWage", region, applied));
        BenefitStart start = StartRule.decide(separation.separatedOn(), applied,
                measures.status(StartRule.MEASURE, region, applied));
        PaymentSchedule schedule = !eligibility.met() || duration.months() < 1 ? null
                : PaymentSchedule.of(start.firstMonth(), duration.months(), YearMonth.from(approvalDay));
        return new ClaimDecision(separation, eligibility, duration, amount, start, schedule);
    }

    /**
     * Approval (in the case's approval transaction): a claim that does not qualify is refused with the conditions
     * not met; otherwise the standing order of the unemployment fund pays from the month after approval to the last
     * month of the period, and the months up to approval are arrears in the next month's payroll, each for its own
     * benefit month. FJ-1.6's orders and arrears carry the measure's flag and clause.
     */
    @Transactional
    public Claim approve(ShebaoUser approver, Case c) {
        LocalDate today = LocalDate.now(clock);
        ClaimDecision d = decide(c, today);
        if (!d.eligibility().met() || d.schedule() == null) {
            throw InvalidInputException.of("eligibility", "error.unemployment.notEligible");
        }
        Person p = persons.person(approver, c.personId());
        RegionCode region = new RegionCode(c.regionCode());
        PaymentSchedule s = d.schedule();
        String flags = d.start().clauses().isEmpty() ? ""
                : StartRule.MEASURE + ":" + String.join(",", d.start().clauses());
        // every month past at approval (a late FJ-1.6 claim with a short period): the order is in force for the
        // arrears' payroll only, at nothing a month
        boolean regular = !s.regularFrom().isAfter(s.lastMonth());
        YearMonth from = regular ? s.regularFrom() : s.arrearsPayroll();
        YearMonth until = regular ? s.lastMonth() : s.arrearsPayroll();
        long order = orders.registerOrder(new StandingOrders.NewOrder(p.id(), region, Benefit.UNEMPLOYMENT,
                OrderKind.REGULAR, regular ? d.amount().monthly() : Money.ZERO, from,
                until.atEndOfMonth().plusYears(1), c.form().get(BANK_ACCOUNT), p.name(), flags, c.reference()));
        orders.endOrder(order, until);
        String arrearsFlags = ("ARREARS " + flags).strip();
        for (int i = 0; i < s.arrearsMonths(); i++) {
            YearMonth m = s.firstMonth().plusMonths(i);
            orders.addAdjustment(order, s.arrearsPayroll(), m, LineKind.ARREARS, d.amount().monthly(), arrearsFlags,
                    "补发失业保险金 " + m);
        }
        // 社会保险法 第四十八条: the medical premium of every benefit month, paid to the medical insurance agency by
        // the same payroll, for the same months (arrears included), from the unemployment fund
        Money premium = parameters.money(MEDICAL_PREMIUM, region, today);
        long medicalOrder = orders.registerOrder(new StandingOrders.NewOrder(p.id(), region, Benefit.MEDICAL_PREMIUM,
                OrderKind.REGULAR, regular ? premium : Money.ZERO, from, until.atEndOfMonth().plusYears(1),
                settings.medicalAgencyAccount(), settings.medicalAgencyName(), flags, c.reference()));
        orders.endOrder(medicalOrder, until);
        for (int i = 0; i < s.arrearsMonths(); i++) {
            YearMonth m = s.firstMonth().plusMonths(i);
            orders.addAdjustment(medicalOrder, s.arrearsPayroll(), m, LineKind.ARREARS, premium, arrearsFlags,
                    "补缴失业人员基本医疗保险费 " + m);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO unemployment_claim (case_id, region_code, person_id, case_reference, separated_on,
                       separation_reason, separation_source, separation_entered_by, applied_on, contribution_months,
                       duration_months, carried_months, monthly_amount, first_month, last_month, order_id, decision,
                       approved_by, approved_at, medical_order_id, medical_premium)
                VALUES (:c, :r, :p, :ref, :sep, :reason, :source, :enteredBy, :applied, :months, :duration, :carried,
                        :amount, :first, :last, :order, :decision, :by, :now, :medicalOrder, :premium)""")
                .param("c", c.id()).param("r", c.regionCode()).param("p", p.id()).param("ref", c.reference())
                .param("sep", d.separation().separatedOn()).param("reason", d.separation().reason().name())
                .param("source", d.separation().source()).param("enteredBy", d.separation().enteredBy())
                .param("applied", c.receivedAt().atZoneSameInstant(clock.getZone()).toLocalDate())
                .param("months", contributions.rightsRecord(p.id()).totalMonths())
                .param("duration", d.duration().months()).param("carried", d.duration().carriedMonths())
                .param("amount", d.amount().monthly().amount()).param("first", s.firstMonth().atDay(1))
                .param("last", s.lastMonth().atDay(1)).param("order", order)
                .param("decision", json.writeValueAsString(d)).param("by", approver.getUsername()).param("now", now)
                .param("medicalOrder", medicalOrder).param("premium", premium.amount())
                .update();
        event(c.id(), c.regionCode(), "APPROVED", d.duration().months() + " 个月，" + s.firstMonth() + " 至 "
                + s.lastMonth() + "，每月 " + d.amount().monthly() + (s.arrearsMonths() > 0 ? "，补发 "
                + s.arrearsMonths() + " 个月于 " + s.arrearsPayroll() : "")
                + (flags.isEmpty() ? "" : "（" + String.join("、", d.start().clauses()) + "）"), approver.displayName());
        audit.record(approver.getUsername(), AuditAction.AWARD_DECIDED, "case " + c.reference(),
                "unemployment " + d.duration().months() + " months from " + s.firstMonth() + " at "
                        + d.amount().monthly() + " (" + d.start().rule() + ")");
        return find(c.id()).orElseThrow();
    }

    /** The claim of a case the user may see (staff of its region, or the claimant). */
    public Optional<Claim> claim(ShebaoUser by, long caseId) {
        queries.get(by, caseId);
        return find(caseId);
    }

    /** The claims of a person the user may see, newest first. */
    public List<Claim> claimsOf(ShebaoUser by, long personId) {
        persons.person(by, personId);
        return jdbc.sql(SELECT + " WHERE person_id = :p ORDER BY approved_at DESC").param("p", personId)
                .query(UnemploymentClaims::map).list();
    }

    /** The claimant's view of a claim (see {@link BenefitView}). */
    public BenefitView view(Claim c) {
        List<StandingOrders.Payment> payments = orders.paymentsOf(c.orderId());
        YearMonth until = c.paidUntil();
        java.util.Set<YearMonth> paidMonths = new java.util.TreeSet<>();
        Money paidTotal = Money.ZERO;
        for (StandingOrders.Payment p : payments) {
            paidTotal = paidTotal.plus(p.amount());
            if (p.amount().isPositive() && !p.benefitMonth().isBefore(c.firstMonth()) && !p.benefitMonth().isAfter(until)) {
                paidMonths.add(p.benefitMonth());
            }
        }
        int period = until.isBefore(c.firstMonth()) ? 0
                : (int) c.firstMonth().until(until, java.time.temporal.ChronoUnit.MONTHS) + 1;
        int left = Math.max(0, period - paidMonths.size());
        YearMonth nextRun = orders.lastCompletedMonth(c.regionCode()).map(m -> m.plusMonths(1))
                .orElse(YearMonth.now(clock));
        StandingOrders.Order order = orders.ordersOf(c.personId()).stream().filter(o -> o.id() == c.orderId())
                .findFirst().orElseThrow();
        YearMonth next = nextRun.isBefore(order.from()) ? order.from() : nextRun;
        Money amount = Money.ZERO;
        YearMonth orderUntil = order.until() == null ? until : order.until();
        if (!next.isAfter(orderUntil)) {
            amount = amount.plus(order.monthlyAmount());
            for (StandingOrders.Pending p : orders.pendingAdjustments(c.orderId())) {
                if (!p.month().isAfter(next)) {
                    amount = amount.plus(p.amount());
                }
            }
        }
        boolean due = left > 0 && amount.isPositive();
        return new BenefitView(c, left, due ? next : null, due ? amount : null, payments, paidTotal,
                orders.recoveriesOf(c.orderId()));
    }

    public ClaimDecision decision(long caseId) {
        return json.readValue(jdbc.sql("SELECT decision FROM unemployment_claim WHERE case_id = :c").param("c", caseId)
                .query(String.class).single(), ClaimDecision.class);
    }

    public List<ClaimEvent> history(long caseId) {
        return jdbc.sql("SELECT action, detail, actor, at FROM unemployment_claim_history WHERE case_id = :c ORDER BY id")
                .param("c", caseId).query(ClaimEvent.class).list();
    }

    /** A claim still paying whose period has not ended by {@code month}: a second claim waits for it. */
    public Optional<Claim> payingClaim(long personId, YearMonth month) {
        return latestClaim(personId).filter(c -> c.status() == ClaimStatus.PAYING && !c.lastMonth().isBefore(month));
    }

    Optional<Claim> find(long caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :c").param("c", caseId).query(UnemploymentClaims::map).optional();
    }

    private Optional<Claim> latestClaim(long personId) {
        return jdbc.sql(SELECT + " WHERE person_id = :p ORDER BY approved_at DESC, case_id DESC LIMIT 1")
                .param("p", personId).query(UnemploymentClaims::map).optional();
    }

    void event(long caseId, String region, String action, String detail, String actor) {
        jdbc.sql("""
                INSERT INTO unemployment_claim_history (case_id, region_code, action, detail, actor, at)
                VALUES (:c, :r, :a, :d, :by, :now)""")
                .param("c", caseId).param("r", region).param("a", action)
                .param("d", detail.length() > 300 ? detail.substring(0, 300) : detail).param("by", actor)
                .param("now", OffsetDateTime.now(clock)).update();
    }

    static final String SELECT = """
            SELECT case_id, region_code, person_id, case_reference, separated_on, separation_reason, separation_source,
                   separation_entered_by, applied_on, contribution_months, duration_months, carried_months,
                   monthly_amount, first_month, last_month, order_id, status, stop_reason, stopped_on, stopped_by,
                   approved_by, approved_at, version, medical_order_id, medical_premium
              FROM unemployment_claim""";

    static Claim map(ResultSet rs, int i) throws SQLException {
        return new Claim(rs.getLong("case_id"), rs.getString("region_code"), rs.getLong("person_id"),
                rs.getString("case_reference"), rs.getObject("separated_on", LocalDate.class),
                SeparationReason.valueOf(rs.getString("separation_reason")), rs.getString("separation_source"),
                rs.getString("separation_entered_by"), rs.getObject("applied_on", LocalDate.class),
                rs.getInt("contribution_months"), rs.getInt("duration_months"), rs.getInt("carried_months"),
                new Money(rs.getBigDecimal("monthly_amount")),
                YearMonth.from(rs.getObject("first_month", LocalDate.class)),
                YearMonth.from(rs.getObject("last_month", LocalDate.class)), rs.getLong("order_id"),
                ClaimStatus.valueOf(rs.getString("status")),
                rs.getString("stop_reason") == null ? null : StopReason.valueOf(rs.getString("stop_reason")),
                rs.getObject("stopped_on", LocalDate.class), rs.getString("stopped_by"), rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class), rs.getInt("version"),
                rs.getObject("medical_order_id", Long.class), Money.orNull(rs.getBigDecimal("medical_premium")));
    }
}
