package org.shebao.workinjury;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Case;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.contribution.WageHistory;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.Enrollment;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.BenefitRule.Benefits;
import org.shebao.workinjury.BenefitRule.OwnWage;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The benefits of a work-injury benefit case (工伤保险待遇申领): what they come to ({@link #preview}) from the
 * person's recognized injury, its latest appraisal conclusion and the contribution wages before the injury; and, at
 * the case's approval, their payment by the payroll from the work-injury fund ({@link #award}): the one-time
 * disability allowance once in the next payroll, the monthly disability allowance (grades 1–4) and the nursing
 * allowance from the month after the conclusion, the months already past paid as arrears in the next payroll.
 */
@Service
@RequiredArgsConstructor
public class WorkInjuryBenefits {
    /** The form fields the case keeps. */
    public static final String INJURY_DATE = "injuryDate";
    public static final String BANK_ACCOUNT = "bankAccount";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkInjuryStore store;
    private final WageHistory wages;
    private final Parameters parameters;
    private final StandingOrders orders;
    private final Persons persons;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Enrollments enrollments;
    private final EmployerDeferrals deferrals;
    private final Measures measures;

    /** What the case's benefits come to if approved on {@code approvalDay}, and from which records. */
    public record Preview(Recognition recognition, Appraisal appraisal, Benefits benefits, YearMonth firstMonth,
                          YearMonth nextPayroll, int arrearsMonths, List<WageHistory.MonthlyWage> wages,
                          String employerName, DeferralCoverRule.Decision cover) {
        /** The flags of the orders: the measure and its clauses where FJ-1.4 decided who pays. */
        String flags() {
            return cover.clauses().isEmpty() ? "" : DeferralCoverRule.MEASURE + ":" + String.join(",", cover.clauses());
        }
    }

    /** Why a case's benefits cannot be decided yet: a message code with its arguments. */
    public record Missing(String code, List<String> args) {
    }

    /** The preview, or (preview null) why there is none. */
    public record Outcome(Preview preview, Missing missing) {
        static Outcome missing(String code, String... args) {
            return new Outcome(null, new Missing(code, List.of(args)));
        }
    }

    /** The preview, or why there is none (no recognized injury of that day, no concluded appraisal, no grade). */
    public Outcome preview(ShebaoUser by, Case c, LocalDate approvalDay) {
        LocalDate injured = LocalDate.parse(c.form().get(INJURY_DATE));
        Optional<Recognition> recognition = store.recognitionsOf(c.personId()).stream()
                .filter(r -> r.status() == RecognitionStatus.RECOGNIZED && r.injuredOn().equals(injured))
                .findFirst();
        if (recognition.isEmpty()) {
            return Outcome.missing("error.wi.benefit.noRecognition", injured.toString());
        }
        Optional<Appraisal> appraisal = store.appraisalsOf(recognition.get().id()).stream()
                .filter(Appraisal::concluded)
                .max(Comparator.comparing(Appraisal::concludedOn).thenComparing(Appraisal::id));
        if (appraisal.isEmpty()) {
            return Outcome.missing("error.wi.benefit.noConclusion");
        }
        if (appraisal.get().grade() == null) {
            return Outcome.missing("error.wi.benefit.noGrade");
        }
        return new Outcome(preview(by, recognition.get(), appraisal.get(), approvalDay), null);
    }

    private Preview preview(ShebaoUser by, Recognition r, Appraisal a, LocalDate approvalDay) {
        RegionCode region = new RegionCode(r.regionCode());
        YearMonth injuryMonth = YearMonth.from(r.injuredOn());
        List<WageHistory.MonthlyWage> before = wages.monthly(r.personId(), injuryMonth.minusMonths(12),
                injuryMonth.minusMonths(1));
        OwnWage own = BenefitRule.ownWage(before.stream().map(WageHistory.MonthlyWage::base).toList(),
                parameters.money("wage.average.monthly", region, r.injuredOn().minusYears(1)),
                parameters.range("workinjury.ownWage.bounds", region, r.injuredOn()));
        LocalDate concluded = a.concludedOn();
        Benefits b = BenefitRule.decide(a.grade(), a.nursingLevel(), own,
                parameters.table("workinjury.disability.lumpSumMonths", region, concluded),
                parameters.rateTable("workinjury.disability.monthlyShare", region, concluded),
                parameters.rateTable("workinjury.nursing.share", region, concluded),
                parameters.money("wage.average.monthly", region, concluded.minusYears(1)),
                parameters.money("workinjury.disability.minimumWage", region, concluded));
        YearMonth first = YearMonth.from(concluded).plusMonths(1);
        // paid from the month after approval, or after the region's last completed run if that is later (a closed
        // month pays nobody again)
        YearMonth afterApproval = YearMonth.from(approvalDay).plusMonths(1);
        YearMonth next = orders.lastCompletedMonth(r.regionCode()).map(m -> m.plusMonths(1))
                .filter(m -> m.isAfter(afterApproval)).orElse(afterApproval);
        int arrears = first.isBefore(next) ? (int) first.until(next, java.time.temporal.ChronoUnit.MONTHS) : 0;
        // FJ-1.4: the employer the worker was insured with against work injury on the day, and its deferral then
        Optional<Enrollment> employment = enrollments.enrollmentsOf(by, r.personId()).stream()
                .filter(e -> e.insuranceType() == InsuranceType.WORK_INJURY && e.employerId() != null)
                .filter(e -> !e.firstInsuredOn().isAfter(r.injuredOn())
                        && (e.endedOn() == null || !e.endedOn().isBefore(r.injuredOn())))
                .findFirst();
        DeferralCoverRule.Decision cover = DeferralCoverRule.decide(
                measures.status(DeferralCoverRule.MEASURE, region, r.injuredOn()),
                employment.map(e -> deferrals.standing(e.employerId(), r.injuredOn())).orElse(null));
        return new Preview(r, a, b, first, next, arrears, before, employment.map(Enrollment::employerName).orElse(null),
                cover);
    }

    /**
     * Approval (in the case's approval transaction): the benefits as previewed today become orders of the payroll;
     * an appraisal already paid is refused (the database holds one award per appraisal).
     */
    @Transactional
    public Preview award(ShebaoUser approver, Case c) {
        LocalDate today = LocalDate.now(clock);
        Outcome outcome = preview(approver, c, today);
        if (outcome.missing() != null) {
            throw new ConflictException(INJURY_DATE, outcome.missing().code(), outcome.missing().args().toArray());
        }
        Preview p = outcome.preview();
        String deadline = p.cover().deadline() == null ? "—" : p.cover().deadline().toString();
        switch (p.cover().cover()) {
            case WAITS_FOR_BACK_PAYMENT -> throw new ConflictException(INJURY_DATE, "error.wi.benefit.waitsForBackPayment",
                    p.employerName(), deadline);
            case EMPLOYER_BEARS -> throw new ConflictException(INJURY_DATE, "error.wi.benefit.employerBears",
                    p.employerName(), deadline);
            default -> { }
        }
        Appraisal a = p.appraisal();
        boolean paid = jdbc.sql("SELECT EXISTS (SELECT 1 FROM workinjury_award WHERE appraisal_id = :a AND region_code = :r)")
                .param("a", a.id()).param("r", a.regionCode()).query(Boolean.class).single();
        if (paid) {
            throw new ConflictException(INJURY_DATE, "error.wi.benefit.alreadyAwarded");
        }
        Person person = persons.person(approver, c.personId());
        RegionCode region = new RegionCode(c.regionCode());
        Benefits b = p.benefits();
        String bank = c.form().get(BANK_ACCOUNT);
        if (bank == null || bank.isBlank()) { // an application made before the form asked for the account
            throw new ConflictException(BANK_ACCOUNT, "error.wi.benefit.noBankAccount");
        }
        try { // the database holds one award per appraisal: a parallel approval of another case loses here
            jdbc.sql("""
                    INSERT INTO workinjury_award (case_id, region_code, person_id, case_reference, recognition_id,
                           appraisal_id, grade, nursing_level, concluded_on, wage_months, wage_average, own_wage,
                           own_wage_clamp, regional_average, lump_sum_months, lump_sum, monthly_allowance,
                           nursing_allowance, first_month, decision, approved_by, approved_at)
                    VALUES (:c, :r, :p, :ref, :rec, :a, :grade, :nursing, :concluded, :months, :avg, :own, :clamp,
                            :regional, :lsMonths, :ls, :monthly, :nursingAmount, :first, :decision, :by, :now)""")
                    .param("c", c.id()).param("r", c.regionCode()).param("p", c.personId()).param("ref", c.reference())
                    .param("rec", p.recognition().id()).param("a", a.id()).param("grade", b.grade())
                    .param("nursing", b.nursing().name()).param("concluded", a.concludedOn())
                    .param("months", b.ownWage().months()).param("avg", b.ownWage().average().amount())
                    .param("own", b.ownWage().amount().amount()).param("clamp", b.ownWage().clamp().name())
                    .param("regional", b.ownWage().regionalAverage().amount()).param("lsMonths", b.lumpSumMonths())
                    .param("ls", b.lumpSum().amount())
                    .param("monthly", b.monthlyAllowance() == null ? null : b.monthlyAllowance().amount())
                    .param("nursingAmount", b.nursingAllowance() == null ? null : b.nursingAllowance().amount())
                    .param("first", p.firstMonth().atDay(1)).param("decision", json.writeValueAsString(b))
                    .param("by", approver.getUsername()).param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(INJURY_DATE, "error.wi.benefit.alreadyAwarded");
        }
        YearMonth next = p.nextPayroll();
        long lumpSum = orders.registerOrder(new StandingOrders.NewOrder(person.id(), region, Benefit.WORK_INJURY,
                OrderKind.LUMP_SUM, b.lumpSum(), next, next.atEndOfMonth().plusYears(1), bank, person.name(), p.flags(),
                c.reference()));
        orders.endOrder(lumpSum, next);
        orderOf(c, "LUMP_SUM", lumpSum);
        if (b.monthlyAllowance() != null) {
            orderOf(c, "DISABILITY", monthly(c, person, region, p, b.monthlyAllowance(), "补发伤残津贴 ", today));
        }
        if (b.nursingAllowance() != null) {
            orderOf(c, "NURSING", monthly(c, person, region, p, b.nursingAllowance(), "补发生活护理费 ", today));
        }
        audit.record(approver.getUsername(), AuditAction.AWARD_DECIDED, "work-injury benefit case " + c.id(),
                "grade " + b.grade() + " lump sum " + b.lumpSum() + " monthly " + b.monthlyAllowance() + " nursing "
                        + b.nursingAllowance());
        return p;
    }

    /** A standing order of a monthly benefit from the month after the conclusion, past months as arrears. */
    private long monthly(Case c, Person person, RegionCode region, Preview p, Money amount, String memo, LocalDate today) {
        YearMonth from = p.firstMonth().isAfter(p.nextPayroll()) ? p.firstMonth() : p.nextPayroll();
        long order = orders.registerOrder(new StandingOrders.NewOrder(person.id(), region, Benefit.WORK_INJURY,
                OrderKind.REGULAR, amount, from, orders.certificationValidUntil(region, today),
                c.form().get(BANK_ACCOUNT), person.name(), p.flags(), c.reference()));
        String arrearsFlags = ("ARREARS " + p.flags()).strip();
        for (int i = 0; i < p.arrearsMonths(); i++) {
            YearMonth m = p.firstMonth().plusMonths(i);
            orders.addAdjustment(order, p.nextPayroll(), m, LineKind.ARREARS, amount, arrearsFlags, memo + m);
        }
        return order;
    }

    private void orderOf(Case c, String benefit, long orderId) {
        jdbc.sql("INSERT INTO workinjury_award_order (case_id, region_code, benefit, order_id) VALUES (:c, :r, :b, :o)")
                .param("c", c.id()).param("r", c.regionCode()).param("b", benefit).param("o", orderId).update();
    }

    /** The orders paying a case's award, by benefit (LUMP_SUM, DISABILITY, NURSING); empty before approval. */
    public Map<String, Long> ordersOf(long caseId) {
        return jdbc.sql("SELECT benefit, order_id FROM workinjury_award_order WHERE case_id = :c")
                .param("c", caseId).query(rs -> {
                    Map<String, Long> out = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                    return out;
                });
    }
}
