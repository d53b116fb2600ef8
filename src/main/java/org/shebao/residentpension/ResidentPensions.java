package org.shebao.residentpension;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.OrderStatus;
import org.shebao.payroll.StandingOrders;
import org.shebao.pension.EntitlementDecision;
import org.shebao.pension.Entitlements;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Residents' pension claims: the decision of a claim from the person, the personal account and the parameters
 * (国发〔2014〕8号), the entitlement by the pension module's rule (FJ-1.2 under ARREARS_AFTER_LATE_DECLARATION), its
 * approval into a standing order of the payroll (benefit RESIDENT_PENSION) with each month since the entitlement as
 * an arrears line of its own benefit month, and reading claims back.
 */
@Service
@RequiredArgsConstructor
public class ResidentPensions {
    /** Form field the case keeps. */
    public static final String BANK_ACCOUNT = "bankAccount";
    static final String LATE_MEASURE = "ARREARS_AFTER_LATE_DECLARATION";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries queries;
    private final Persons persons;
    private final ResidentContributions contributions;
    private final Parameters parameters;
    private final Measures measures;
    private final StandingOrders orders;
    private final ObjectMapper json;
    private final AuditLog audit;

    /** The day the person reaches the benefit age ({@code residentPension.benefitAge}) where they live. */
    public LocalDate benefitAgeReachedOn(Person p, LocalDate on) {
        return p.birthDate().plusYears(parameters.integer("residentPension.benefitAge", new RegionCode(p.regionCode()), on));
    }

    /** What the claim of a case comes to if approved on {@code approvalDay}. */
    public ResidentPensionDecision decide(Case c, LocalDate approvalDay) {
        Person p = persons.personAcrossRegions(c.personId());
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate applied = c.receivedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        LocalDate reached = benefitAgeReachedOn(p, applied);
        ResidentContributions.PersonalAccount account = contributions.account(p.id());
        ResidentPensionRule.Eligibility eligibility = ResidentPensionRule.eligibility(reached,
                account.contributionYears(), parameters.require("residentPension.minimumContributionYears", region, applied),
                parameters.require("residentPension.schemeStartedOn", region, applied));
        EntitlementDecision entitlement = Entitlements.decide(reached, applied, approvalDay, approvalDay,
                measures.status(LATE_MEASURE, region, approvalDay));
        YearMonth next = YearMonth.from(approvalDay).plusMonths(1);
        YearMonth regularFrom = entitlement.firstMonth().isAfter(next) ? entitlement.firstMonth() : next;
        List<ResidentPensionRule.MonthlyAmount> arrears = new ArrayList<>();
        for (int i = 0; i < entitlement.arrearsMonths(); i++) {
            arrears.add(amount(region, entitlement.firstMonth().plusMonths(i), account.balance()));
        }
        Money total = arrears.stream().map(ResidentPensionRule.MonthlyAmount::total).reduce(Money.ZERO, Money::plus);
        return new ResidentPensionDecision(applied, eligibility, entitlement, arrears, total, regularFrom,
                amount(region, regularFrom, account.balance()));
    }

    private ResidentPensionRule.MonthlyAmount amount(RegionCode region, YearMonth month, Money balance) {
        LocalDate on = month.atDay(1);
        return ResidentPensionRule.amount(month,
                parameters.require("residentPension.basicPension.centralMinimum", region, on),
                parameters.require("residentPension.basicPension.provincialTopUp", region, on), balance,
                parameters.require("residentPension.account.divisor", region, on));
    }

    /**
     * Approval (in the case's approval transaction): a claim short of the contribution years is refused naming
     * them; otherwise the standing order of the residents' fund pays from the month after approval, and each month
     * from the entitlement's first up to approval is an arrears line of its own month in the next month's payroll,
     * flagged with the clauses that decided it (FJ-1.2).
     */
    @Transactional
    public ResidentPensionClaim approve(ShebaoUser approver, Case c) {
        LocalDate today = LocalDate.now(clock);
        ResidentPensionDecision d = decide(c, today);
        if (!d.eligibility().met()) {
            throw InvalidInputException.of("eligibility", "error.residentPension.notEligible",
                    d.eligibility().requiredYears(), d.eligibility().contributionYears());
        }
        Person p = persons.person(approver, c.personId());
        RegionCode region = new RegionCode(c.regionCode());
        EntitlementDecision e = d.entitlement();
        String clauses = String.join(",", e.clauses());
        String flags = "LATE_UNDER_EMERGENCY".equals(e.rule()) ? LATE_MEASURE + ":" + clauses : "";
        long order = orders.registerOrder(new StandingOrders.NewOrder(p.id(), region, Benefit.RESIDENT_PENSION,
                OrderKind.REGULAR, d.regular().total(), d.regularFrom(), orders.certificationValidUntil(region, today),
                c.form().get(BANK_ACCOUNT), p.name(), flags, c.reference()));
        String arrearsFlags = clauses.isEmpty() ? "ARREARS" : "ARREARS:" + clauses;
        for (ResidentPensionRule.MonthlyAmount m : d.arrears()) {
            orders.addAdjustment(order, e.arrearsPayroll(), m.month(), LineKind.ARREARS, m.total(), arrearsFlags,
                    "补发城乡居民养老金 " + m.month());
        }
        jdbc.sql("""
                INSERT INTO resident_pension_claim (case_id, region_code, person_id, case_reference, applied_on,
                       reached_age_on, contribution_years, required_years, account_balance, basic_amount, account_amount,
                       monthly_amount, first_month, arrears_months, order_id, decision, approved_by, approved_at)
                VALUES (:c, :r, :p, :ref, :applied, :reached, :years, :required, :balance, :basic, :account, :monthly,
                        :first, :arrears, :order, :decision, :by, :now)""")
                .param("c", c.id()).param("r", c.regionCode()).param("p", p.id()).param("ref", c.reference())
                .param("applied", d.appliedOn()).param("reached", d.eligibility().reachedAgeOn())
                .param("years", d.eligibility().contributionYears()).param("required", d.eligibility().requiredYears())
                .param("balance", d.regular().balance().amount()).param("basic", d.regular().basic().amount())
                .param("account", d.regular().account().amount()).param("monthly", d.regular().total().amount())
                .param("first", e.firstMonth().atDay(1)).param("arrears", d.arrears().size()).param("order", order)
                .param("decision", json.writeValueAsString(d)).param("by", approver.getUsername())
                .param("now", OffsetDateTime.now(clock)).update();
        event(c.id(), c.regionCode(), "APPROVED", "自 " + e.firstMonth() + " 起，每月 " + d.regular().total()
                + "（基础养老金 " + d.regular().basic() + " + 个人账户养老金 " + d.regular().account() + "）"
                + (d.arrears().isEmpty() ? "" : "，补发 " + d.arrears().size() + " 个月 " + d.arrearsTotal() + " 于 "
                + e.arrearsPayroll()) + (clauses.isEmpty() ? "" : "（" + clauses.replace(",", "、") + "）"),
                approver.displayName());
        audit.record(approver.getUsername(), AuditAction.AWARD_DECIDED, "case " + c.reference(),
                "resident pension " + d.regular().total() + " a month from " + e.firstMonth() + " (" + e.rule() + ")");
        return find(c.id()).orElseThrow();
    }

    /** The claim of a case the user may see (staff of its region, or the claimant). */
    public Optional<ResidentPensionClaim> claim(ShebaoUser by, long caseId) {
        queries.get(by, caseId);
        return find(caseId);
    }

    /** The claim of a person the user may see. */
    public Optional<ResidentPensionClaim> claimOf(ShebaoUser by, long personId) {
        persons.person(by, personId);
        return claimOf(personId);
    }

    Optional<ResidentPensionClaim> claimOf(long personId) {
        return jdbc.sql(SELECT + " WHERE person_id = :p").param("p", personId).query(ResidentPensions::map).optional();
    }

    public ResidentPensionDecision decision(long caseId) {
        return json.readValue(jdbc.sql("SELECT decision FROM resident_pension_claim WHERE case_id = :c")
                .param("c", caseId).query(String.class).single(), ResidentPensionDecision.class);
    }

    /** The resident's view of their pension (see {@link ResidentPensionView}). */
    public ResidentPensionView view(ResidentPensionClaim c) {
        List<StandingOrders.Payment> payments = orders.paymentsOf(c.orderId());
        Money paid = payments.stream().map(StandingOrders.Payment::amount).reduce(Money.ZERO, Money::plus);
        StandingOrders.Order order = orders.ordersOf(c.personId()).stream().filter(o -> o.id() == c.orderId())
                .findFirst().orElseThrow();
        YearMonth nextRun = orders.lastCompletedMonth(c.regionCode()).map(m -> m.plusMonths(1))
                .orElse(YearMonth.now(clock));
        YearMonth next = nextRun.isBefore(order.from()) ? order.from() : nextRun;
        Money amount = null;
        if (order.status() == OrderStatus.ACTIVE && (order.until() == null || !next.isAfter(order.until()))) {
            amount = order.monthlyAmount();
            for (StandingOrders.Pending p : orders.pendingAdjustments(c.orderId())) {
                if (!p.month().isAfter(next)) {
                    amount = amount.plus(p.amount());
                }
            }
        }
        return new ResidentPensionView(c, decision(c.caseId()), order.status(), amount == null ? null : next, amount,
                payments, paid);
    }

    public List<ResidentPensionEvent> history(long caseId) {
        return jdbc.sql("SELECT action, detail, actor, at FROM resident_pension_history WHERE case_id = :c ORDER BY id")
                .param("c", caseId).query(ResidentPensionEvent.class).list();
    }

    Optional<ResidentPensionClaim> find(long caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :c").param("c", caseId).query(ResidentPensions::map).optional();
    }

    private void event(long caseId, String region, String action, String detail, String actor) {
        jdbc.sql("""
                INSERT INTO resident_pension_history (case_id, region_code, action, detail, actor, at)
                VALUES (:c, :r, :a, :d, :by, :now)""")
                .param("c", caseId).param("r", region).param("a", action)
                .param("d", detail.length() > 300 ? detail.substring(0, 300) : detail).param("by", actor)
                .param("now", OffsetDateTime.now(clock)).update();
    }

    private static final String SELECT = """
            SELECT case_id, region_code, person_id, case_reference, applied_on, reached_age_on, contribution_years,
                   required_years, account_balance, basic_amount, account_amount, monthly_amount, first_month,
                   arrears_months, order_id, approved_by, approved_at
              FROM resident_pension_claim""";

    private static ResidentPensionClaim map(ResultSet rs, int i) throws SQLException {
        return new ResidentPensionClaim(rs.getLong("case_id"), rs.getString("region_code"), rs.getLong("person_id"),
                rs.getString("case_reference"), rs.getObject("applied_on", LocalDate.class),
                rs.getObject("reached_age_on", LocalDate.class), rs.getInt("contribution_years"),
                rs.getInt("required_years"), new Money(rs.getBigDecimal("account_balance")),
                new Money(rs.getBigDecimal("basic_amount")), new Money(rs.getBigDecimal("account_amount")),
                new Money(rs.getBigDecimal("monthly_amount")),
                YearMonth.from(rs.getObject("first_month", LocalDate.class)), rs.getInt("arrears_months"),
                rs.getLong("order_id"), rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class));
    }
}
