package org.shebao.pension;

import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseType;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.Benefit;
import org.shebao.ledger.Fund;
import org.shebao.recovery.Cause;
import org.shebao.recovery.Recoveries;
import java.util.ArrayList;
import org.shebao.policy.Implements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shebao.casework.Case;
import org.shebao.casework.CaseStatus;
import org.shebao.casework.CaseQueries;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.Paging;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.ParameterValues;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Enrollments;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import tools.jackson.databind.ObjectMapper;

/**
 * Retirement awards: pre-payment while the file is incomplete (N-1b, FJ-1.3), and at approval the computed pension,
 * the entitlement (FJ-1.2, N-1d, SX-1a) and the settlement of the pre-paid months (多扣少补), all turned into
 * payroll orders and adjustments.
 */
@Implements(measure = "PENSION_PREPAYMENT", rule = "退休申报：按预发标准按月预发，核定后结算",
        ruleEn = "Retirement cases: monthly pre-payment at the standard, settled at approval")
@Service
@RequiredArgsConstructor
public class Awards {
    static final String PREPAY_MEASURE = "PENSION_PREPAYMENT";
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Recoveries recoveries;
    private final CaseQueries queries;
    private final Persons persons;
    private final Enrollments enrollments;
    private final Parameters parameters;
    private final Measures measures;
    private final Pensions pensions;
    private final StandingOrders orders;
    private final ObjectMapper json;
    private final AuditLog audit;

    /** The retirement date and age of a person under the scheme's rule (women: cadre or worker post). */
    public record Retirement(LocalDate reachedOn, int age, String parameter) {
    }

    public Retirement retirement(Person p, String post) {
        String key = "MALE".equals(p.gender().name()) ? "retirement.age.male"
                : "WORKER".equals(post) ? "retirement.age.female.worker" : "retirement.age.female.cadre";
        LocalDate reached = parameters.retirementDate(key, new RegionCode(p.regionCode()), p.birthDate());
        return new Retirement(reached, (int) ChronoUnit.YEARS.between(p.birthDate(), reached), key);
    }

    /** The person's newest award, if any. */
    public Optional<Award> ofPerson(long personId) {
        return jdbc.sql("SELECT case_id FROM pension_award WHERE person_id = :p ORDER BY case_id DESC LIMIT 1")
                .param("p", personId).query(Long.class).optional().flatMap(this::find);
    }

    private static final String SELECT = """
            SELECT case_id, person_id, region_code, scheme, retired_on, first_month, prepayment_amount,
                   prepayment_source, prepayment_from, monthly_amount, calculation, entitlement, settlement
              FROM pension_award""";

    public Optional<Award> find(long caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :c").param("c", caseId).query(Awards::award).optional();
    }

    private static Award award(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Award(rs.getLong("case_id"), rs.getLong("person_id"), rs.getString("region_code"),
                rs.getString("scheme"), rs.getObject("retired_on", LocalDate.class),
                YearMonth.from(rs.getObject("first_month", LocalDate.class)),
                Money.orNull(rs.getBigDecimal("prepayment_amount")), rs.getString("prepayment_source"),
                rs.getObject("prepayment_from", LocalDate.class) == null ? null
                        : YearMonth.from(rs.getObject("prepayment_from", LocalDate.class)),
                Money.orNull(rs.getBigDecimal("monthly_amount")), rs.getString("calculation"),
                rs.getString("entitlement"), rs.getString("settlement"));
    }

    /** Which awards a list shows: all of them, or those with a pre-payment (N-1b, SX-1a, FJ-1.3). */
    public enum View {
        ALL, PREPAID
    }

    /** An award as listed: the award and its case (reference, applicant's name, masked ID number, status). */
    public record Listed(Award award, CaseQueries.Listed kase) {
    }

    /** A page of awards of a staff user's region, newest first, with the totals of the region (all, pre-paid). */
    public record Listing(List<Listed> rows, long total, long prepaid, int page, int pages) {
    }

    /** The awards of the user's region and below (issue 17 item 5: lists for awards and pre-payments). */
    public Listing list(ShebaoUser by, View view, int page) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("awards");
        }
        int size = CaseQueries.PAGE_SIZE;
        long offset = Paging.offset(page, size);
        String scope = by.region().scopePrefix() + "%";
        String where = " WHERE region_code LIKE :scope" + (view == View.PREPAID ? " AND prepayment_amount IS NOT NULL" : "");
        long[] totals = jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE prepayment_amount IS NOT NULL) AS prepaid"
                        + " FROM pension_award WHERE region_code LIKE :scope").param("scope", scope)
                .query((rs, i) -> new long[] {rs.getLong("total"), rs.getLong("prepaid")}).single();
        List<Listed> rows = jdbc.sql(SELECT + where + " ORDER BY case_id DESC LIMIT :limit OFFSET :offset")
                .param("scope", scope).param("limit", size).param("offset", offset)
                .query(Awards::award).list().stream()
                .map(a -> new Listed(a, queries.listed(by, a.caseId()))).toList();
        long shown = view == View.PREPAID ? totals[1] : totals[0];
        return new Listing(rows, totals[0], totals[1], page, (int) Math.max(1, (shown + size - 1) / size));
    }

    /** What pre-payment would be offered for the case now: the amount and its source, or empty. */
    public Optional<Map.Entry<Money, String>> proposedPrepayment(ShebaoUser by, Case c) {
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate today = LocalDate.now(clock);
        String clauses = measures.status(PREPAY_MEASURE, region, today).clauseList();
        if ("INSTITUTION".equals(c.form().get("scheme"))) {
            String approved = c.form().get("approvedAmount");
            return approved == null ? Optional.empty()
                    : Optional.of(Map.entry(Money.of(new BigDecimal(approved)), "组织人事部门核定的标准（" + clauses + "）"));
        }
        Optional<ParameterValue> standard = parameters.find("pension.prepayment.enterprise.monthly", region, today);
        if (standard.isPresent()) {
            return Optional.of(Map.entry(Money.of((BigDecimal) standard.get().value()), standard.get().source()));
        }
        Person p = persons.person(by, c.personId());
        Retirement r = retirement(p, c.form().get("post"));
        PensionCalculation provisional = pensions.calculate(pensions.facts(p.id(), region, r.reachedOn(), r.age()));
        return Optional.of(Map.entry(provisional.total(), "按已有记录暂算（" + clauses + "）"));
    }

    /**
     * Puts an accepted case with missing materials on pre-payment (N-1b) at the proposed amount, or at the amount
     * the reviewer enters (within the allowed range).
     */
    @Transactional
    public Award startPrepayment(ShebaoUser by, long caseId, String rawAmount) {
        if (!by.has(Role.REVIEWER, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("pre-payment");
        }
        Case c = queries.get(by, caseId);
        if (c.type() != CaseType.RETIREMENT) {
            throw new ConflictException("type", "error.case.type", c.type().name());
        }
        if (c.status() != CaseStatus.ACCEPTED && c.status() != CaseStatus.PRE_REVIEWED) {
            throw new ConflictException("status", "error.case.status", c.status().name());
        }
        if (find(caseId).map(Award::prepaid).orElse(false)) {
            throw new ConflictException("prepayment", "error.prepayment.already");
        }
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate today = LocalDate.now(clock);
        MeasureStatus measure = measures.status(PREPAY_MEASURE, region, today);
        if (!measure.inForce()) {
            throw InvalidInputException.of("prepayment", "error.prepayment.notInForce");
        }
        Map.Entry<Money, String> proposed = proposedPrepayment(by, c).orElseThrow(() ->
                InvalidInputException.of("amount", "error.required"));
        Money amount = proposed.getKey();
        String source = proposed.getValue();
        if (rawAmount != null && !rawAmount.isBlank()) {
            Violations v = new Violations();
            BigDecimal entered;
            try {
                entered = new BigDecimal(rawAmount.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("amount", "error.format");
            }
            ParameterValues.Range range = parameters.range("pension.prepayment.allowedRange", region, today);
            if (entered.scale() > 2 || !range.contains(entered)) {
                v.add("amount", "error.prepayment.range", range.min().toPlainString(), range.max().toPlainString());
            }
            v.throwIfAny();
            amount = Money.exact(entered);
            source = "审核人员录入（" + measure.clauseList() + "）";
        }
        Person p = persons.person(by, c.personId());
        Retirement r = retirement(p, c.form().get("post"));
        YearMonth first = Entitlements.decide(r.reachedOn(), c.receivedAt().toLocalDate(), today, today,
                measures.status("ARREARS_AFTER_LATE_DECLARATION", region, today)).firstMonth();
        YearMonth now = YearMonth.from(today);
        String flags = PREPAY_MEASURE + ":" + String.join(",", measure.clauses());
        long order = pensions.startPrepayment(p.id(), region, amount, now.isBefore(first) ? first : now,
                orders.certificationValidUntil(region, today), c.form().get("bankAccount"), p.name(), flags,
                c.reference());
        // the months since entitlement are pre-paid in this month's payroll, each as its own benefit month, so that
        // the settlement later reads what each month was paid
        for (YearMonth m = first; m.isBefore(now); m = m.plusMonths(1)) {
            orders.addAdjustment(order, now, m, LineKind.PREPAYMENT, amount, flags, "预发 " + m);
        }
        upsert(c, p, r, first, amount, source, now.isBefore(first) ? first : now, order, by);
        return find(caseId).orElseThrow();
    }

    private void upsert(Case c, Person p, Retirement r, YearMonth first, Money amount, String source,
                        YearMonth from, long order, ShebaoUser by) {
        int inserted = jdbc.sql("""
                INSERT INTO pension_award (case_id, person_id, region_code, scheme, retired_on, first_month,
                       prepayment_amount, prepayment_source, prepayment_from, prepayment_order, updated_at, updated_by)
                VALUES (:c, :p, :r, :s, :ret, :first, :a, :src, :from, :o, :now, :by)
                ON CONFLICT (case_id, region_code) DO NOTHING""")
                .param("c", c.id()).param("p", p.id()).param("r", c.regionCode())
                .param("s", c.form().getOrDefault("scheme", "ENTERPRISE")).param("ret", r.reachedOn())
                .param("first", first.atDay(1)).param("a", amount.amount()).param("src", source).param("from", from.atDay(1))
                .param("o", order).param("now", OffsetDateTime.now(clock)).param("by", by.getUsername()).update();
        if (inserted == 0) {
            // a second pre-payment of the same case raced this one: the loser's order and adjustments roll back
            throw new ConflictException("prepayment", "error.prepayment.already");
        }
    }

    /** The recovery of what a pre-payment paid beyond the settled pension (booked by the settlement's voucher). */
    private static Recoveries.Opening settlementRecovery(Person p, RegionCode region, Case c, long prepayOrder,
                                                         MeasureStatus measure, Money overpaid, ShebaoUser by) {
        return new Recoveries.Opening(p.id(), p.name(), region, Fund.PENSION, Benefit.PENSION,
                Cause.PREPAYMENT_SETTLEMENT, "prepayment-settled:" + prepayOrder, c.reference(), prepayOrder,
                measure.clauses().isEmpty() ? List.of("N-1b", "FJ-1.3") : measure.clauses(), overpaid,
                "prepayment-settled:" + prepayOrder, by.getUsername());
    }

    /**
     * Approval: whether the person qualifies for a monthly pension (the 15-year minimum,
     * {@code pension.minimumContributionMonths}), the computed pension, arrears (N-1d, SX-1a, FJ-1.2) or the
     * settlement of every pre-paid month (N-1b, FJ-1.3: 多扣少补) against what the payroll actually paid, and the
     * regular order from the month after approval.
     *
     * <p>The pre-payment order pays up to the month before approval; the approval month itself is settled: what its
     * run paid (if it ran already) against the pension due. Months pre-paid before the entitlement's first month (a
     * case approved after the measure's window closed) are due nothing and recovered. Someone short of the minimum
     * gets no monthly pension: every pre-paid month is an over-payment to recover, and the award lists what the rules
     * offer instead.
     */
    @Transactional
    public void onApproved(ShebaoUser approver, Case c) {
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate today = LocalDate.now(clock);
        Person p = persons.person(approver, c.personId());
        Retirement r = retirement(p, c.form().get("post"));
        EntitlementDecision d = Entitlements.decide(r.reachedOn(), c.receivedAt().toLocalDate(), today, today,
                measures.status("ARREARS_AFTER_LATE_DECLARATION", region, today));
        MeasureStatus prepayMeasure = measures.status(PREPAY_MEASURE, region, today);
        PensionFacts facts = pensions.facts(p.id(), region, r.reachedOn(), r.age());
        ParameterValue minimum = parameters.require("pension.minimumContributionMonths", region, r.reachedOn());
        // the minimum is checked against the rights record for the enterprise scheme; a public institution's years
        // (deemed years included) are approved by its personnel department and are not in this record
        boolean institution = "INSTITUTION".equals(c.form().get("scheme"));
        boolean qualifies = institution || facts.contributionMonths() >= (Integer) minimum.value();
        PensionCalculation calc;
        if (!qualifies) {
            calc = null;
        } else if ("INSTITUTION".equals(c.form().get("scheme"))) {
            Money approved = Money.of(new BigDecimal(c.form().get("approvedAmount")));
            calc = new PensionCalculation(approved, Money.ZERO, approved,
                    List.of(new PensionCalculation.Line("组织人事部门核定的基本养老金", approved.toString(),
                            "国发〔2015〕2号（机关事业单位工作人员养老保险制度改革）")));
        } else {
            calc = pensions.calculate(facts);
        }
        YearMonth approvalMonth = YearMonth.from(today);
        YearMonth next = approvalMonth.plusMonths(1);
        if (calc != null) {
            // a pension awarded ends the person's enrollments (减员 by retirement): no longer "active" anywhere; someone
            // short of the minimum keeps them, and may go on contributing
            enrollments.endOnRetirement(approver, p.id(), r.reachedOn());
        }
        Long regular = calc == null ? null : pensions.startPayment(p.id(), region, calc.total(), next,
                orders.certificationValidUntil(region, today), c.form().get("bankAccount"), p.name(), c.reference());
        Optional<Award> award = find(c.id());
        String settlementText = null;
        if (award.isPresent() && award.get().prepaid()) {
            long prepayOrder = jdbc.sql("SELECT prepayment_order FROM pension_award WHERE case_id = :c")
                    .param("c", c.id()).query(Long.class).single();
            orders.endOrder(prepayOrder, approvalMonth.minusMonths(1));
            Map<YearMonth, Money> paid = orders.paidPerMonth(prepayOrder, LineKind.PREPAYMENT);
            YearMonth from = paid.keySet().stream().min(YearMonth::compareTo).filter(m -> m.isBefore(d.firstMonth()))
                    .orElse(d.firstMonth());
            YearMonth until = paid.keySet().stream().max(YearMonth::compareTo).filter(m -> m.isAfter(approvalMonth))
                    .orElse(approvalMonth);
            String flags = "SETTLEMENT:" + String.join(",", prepayMeasure.clauses());
            if (calc != null) {
                Settlement s = Settlement.settle(from, until, d.firstMonth(), calc.total(), paid, next,
                        parameters.decimal("pension.settlement.maxDeductionShare", region, today));
                Money overpaid = s.total().isNegative() ? s.total().negate() : Money.ZERO;
                orders.settlePrepayment(prepayOrder, overpaid, approver.getUsername());
                List<Recoveries.Planned> planned = new ArrayList<>();
                Money plannedTotal = Money.ZERO;
                for (Settlement.Installment i : s.schedule()) {
                    long adjustment = orders.addAdjustment(regular, i.payroll(), null,
                            i.amount().isPositive() ? LineKind.SETTLEMENT : LineKind.DEDUCTION, i.amount(), flags,
                            "预发结算（多扣少补）");
                    if (i.amount().isNegative() && plannedTotal.minus(i.amount()).compareTo(overpaid) <= 0) {
                        planned.add(new Recoveries.Planned(adjustment, i.payroll(), i.amount().negate()));
                        plannedTotal = plannedTotal.minus(i.amount());
                    }
                }
                if (overpaid.isPositive()) { // FJ-1.3 多扣: a recovery case follows the deductions the schedule planned
                    recoveries.openDeducting(settlementRecovery(p, region, c, prepayOrder, prepayMeasure, overpaid,
                            approver), regular, planned);
                }
                settlementText = write(s);
            } else {
                // no monthly pension: nothing to deduct from, every pre-paid month is recovered from the person
                Money overpaid = Money.ZERO;
                for (Map.Entry<YearMonth, Money> m : paid.entrySet()) {
                    orders.addRecovery(prepayOrder, p.id(), m.getKey(), m.getValue(),
                            "累计缴费不足，不按月领取基本养老金，预发待遇追回");
                    overpaid = overpaid.plus(m.getValue());
                }
                orders.settlePrepayment(prepayOrder, overpaid, approver.getUsername());
                if (overpaid.isPositive()) { // nothing to deduct from: a recovery case, collected by a payment request
                    recoveries.open(settlementRecovery(p, region, c, prepayOrder, prepayMeasure, overpaid, approver));
                }
                List<Settlement.Month> months = paid.entrySet().stream().map(m -> new Settlement.Month(m.getKey(),
                        Money.ZERO, m.getValue(), m.getValue().negate())).toList();
                settlementText = write(new Settlement(months, overpaid.negate(), List.of()));
            }
        } else if (calc != null && d.arrearsMonths() > 0) {
            orders.addAdjustment(regular, d.arrearsPayroll(), LineKind.ARREARS,
                    calc.total().times(d.arrearsMonths()),
                    "ARREARS:" + String.join(",", d.clauses()), "补发 " + d.firstMonth() + " 起 " + d.arrearsMonths() + " 个月");
        }
        if (award.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO pension_award (case_id, person_id, region_code, scheme, retired_on, first_month,
                           updated_at, updated_by) VALUES (:c, :p, :r, :s, :ret, :first, :now, :by)""")
                    .param("c", c.id()).param("p", p.id()).param("r", c.regionCode())
                    .param("s", c.form().getOrDefault("scheme", "ENTERPRISE")).param("ret", r.reachedOn())
                    .param("first", d.firstMonth().atDay(1)).param("now", OffsetDateTime.now(clock))
                    .param("by", approver.getUsername()).update();
        }
        jdbc.sql("""
                UPDATE pension_award SET monthly_amount = :m, calculation = :calc, entitlement = :ent, settlement = :s,
                       regular_order = :o, first_month = :first, outcome = :outcome, contribution_months = :months,
                       required_months = :required, required_source = :requiredSource, account_balance = :balance,
                       updated_at = :now, updated_by = :by WHERE case_id = :c""")
                .param("m", calc == null ? null : calc.total().amount()).param("calc", calc == null ? null : write(calc))
                .param("ent", write(d)).param("s", settlementText).param("o", regular)
                .param("first", d.firstMonth().atDay(1)).param("outcome", qualifies ? "MONTHLY" : "SHORT_OF_MINIMUM")
                .param("months", facts.contributionMonths()).param("required", (Integer) minimum.value())
                .param("requiredSource", minimum.source()).param("balance", facts.accountBalance().amount())
                .param("now", OffsetDateTime.now(clock)).param("by", approver.getUsername()).param("c", c.id()).update();
        audit.record(approver.getUsername(), AuditAction.AWARD_DECIDED, "case " + c.reference(),
                (qualifies ? "monthly " + calc.total() : "short of the minimum: " + facts.contributionMonths() + " months")
                        + ", entitlement from " + d.firstMonth() + " (" + d.rule() + ")");
    }

    /** Whether the award is short of the minimum contribution months, with the figures (null: not decided or met). */
    public record Shortfall(int months, int required, String source, Money accountBalance) {
    }

    public Optional<Shortfall> shortfall(long caseId) {
        return jdbc.sql("""
                SELECT contribution_months, required_months, required_source, account_balance FROM pension_award
                 WHERE case_id = :c AND outcome = 'SHORT_OF_MINIMUM'""").param("c", caseId)
                .query((rs, i) -> new Shortfall(rs.getInt("contribution_months"), rs.getInt("required_months"),
                        rs.getString("required_source"), new Money(rs.getBigDecimal("account_balance"))))
                .optional();
    }

    public PensionCalculation calculation(Award a) {
        return read(a.calculation(), PensionCalculation.class);
    }

    public EntitlementDecision entitlement(Award a) {
        return read(a.entitlement(), EntitlementDecision.class);
    }

    public Settlement settlement(Award a) {
        return read(a.settlement(), Settlement.class);
    }

    private String write(Object o) {
        return json.writeValueAsString(o);
    }

    private <T> T read(String s, Class<T> type) {
        if (s == null) {
            return null;
        }
        return json.readValue(s, type);
    }
}
