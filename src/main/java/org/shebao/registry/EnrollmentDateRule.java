package org.shebao.registry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Violations;
import org.shebao.policy.Emergency;
import org.shebao.policy.Implements;
import org.shebao.policy.MeasureStatus;

/**
 * The dates of a new enrollment, as a pure function of the facts and the two measures' status on the day of
 * registration:
 * <ul>
 *   <li><b>Backdating.</b> An enrollment is insured from the month it is registered in. A first-insured date before
 *       that month is a backdated one, refused, except under FJ-5a ({@value #BACKDATED}): a late employee enrollment
 *       whose employment began during the emergency may be insured from the employment's start (or any day after it),
 *       with a remark saying why, and is flagged with the measure and its clauses.</li>
 *   <li><b>Late registration.</b> An employer registers an employee within {@code registrationDays} of the
 *       employment's start (社会保险法 第五十八条). A later registration is still accepted, never refused for lateness;
 *       while N-5a ({@value #LATE}) is in force it is flagged with the measure and its clauses, so that the agency can
 *       find what it accepted under the emergency.</li>
 * </ul>
 * The employment's start is required for an employee's backdated enrollment and must not be after the first-insured
 * date; it is given for employees only.
 */
@Implements(measure = EnrollmentDateRule.BACKDATED,
        rule = "延期申报的职工参保登记，用工始于疫情期间的，首次参保时间可向前更改至用工之日，须填写备注，并标识",
        ruleEn = "A late employee enrollment whose employment began during the emergency may be insured from the employment's start, with a remark, flagged")
@Implements(measure = EnrollmentDateRule.LATE,
        rule = "用人单位超过用工之日起三十日办理的职工参保登记照常受理，并标识",
        ruleEn = "An employee enrollment registered more than 30 days after the employment began is accepted and flagged")
public final class EnrollmentDateRule {
    /** The catalog's measure for FJ-5a. */
    public static final String BACKDATED = "BACKDATED_ENROLLMENT";
    /** The catalog's measure for N-5a. */
    public static final String LATE = "LATE_EMPLOYER_ENROLLMENT";

    private EnrollmentDateRule() {
    }

    /**
     * @param registeredOn     the day of registration (today at the counter; the day the online case was received)
     * @param registrationDays the legal time to register an employee (parameter {@code enrollment.employeeRegistrationDays})
     * @param backdated        FJ-5a's status for the region on the registration day
     * @param late             N-5a's status for the region on the registration day
     */
    public record Facts(EnrollmentCategory category, LocalDate firstInsuredOn, LocalDate employmentStart, String remark,
                        LocalDate registeredOn, int registrationDays, MeasureStatus backdated, MeasureStatus late) {
    }

    /**
     * What was decided: the flags to keep on the enrollment ({@code CODE:clause,clause …}, the format of every flag
     * in the platform), and the days the registration came after the legal time (0 when in time or not an employee).
     */
    public record Decision(String flags, long daysLate) {
    }

    /** Adds each problem to {@code v} (field and message); the decision is meaningful only when none was added. */
    public static Decision decide(Facts f, Violations v) {
        List<String> flags = new ArrayList<>();
        boolean employee = f.category() == EnrollmentCategory.EMPLOYEE;
        LocalDate start = f.employmentStart();
        if (start != null && !employee) {
            v.add("employmentStart", "error.enrollment.startForEmployeesOnly");
            start = null;
        }
        if (start != null && start.isAfter(f.registeredOn())) {
            v.add("employmentStart", "error.date.future", f.registeredOn());
            start = null;
        }
        if (start != null && f.firstInsuredOn() != null && f.firstInsuredOn().isBefore(start)) {
            v.add("firstInsuredOn", "error.enrollment.beforeEmploymentStart", start);
        }
        LocalDate monthStart = f.registeredOn().withDayOfMonth(1);
        if (f.firstInsuredOn() != null && f.firstInsuredOn().isBefore(monthStart)) {
            backdate(f, start, employee, monthStart, v, flags);
        }
        long daysLate = 0;
        if (employee && start != null) {
            daysLate = Math.max(0, ChronoUnit.DAYS.between(start.plusDays(f.registrationDays()), f.registeredOn()));
            if (daysLate > 0 && f.late().inForce()) {
                flags.add(flag(f.late()));
            }
        }
        return new Decision(String.join(" ", flags), daysLate);
    }

    private static void backdate(Facts f, LocalDate start, boolean employee, LocalDate monthStart, Violations v,
                                 List<String> flags) {
        MeasureStatus m = f.backdated();
        if (!employee) {
            v.add("firstInsuredOn", "error.enrollment.backdatedNotEmployee", monthStart);
        } else if (!m.inForce()) {
            v.add("firstInsuredOn", "error.enrollment.backdatedNoMeasure", monthStart);
        } else if (start == null) {
            if (!v.has("employmentStart")) {
                v.add("employmentStart", "error.enrollment.backdatedNeedsStart", m.clauseList());
            }
        } else if (!during(m.emergency(), start)) {
            Emergency e = m.emergency();
            if (e.liftedOn() == null) {
                v.add("employmentStart", "error.enrollment.backdatedStartBefore", e.declaredOn(), m.clauseList());
            } else {
                v.add("employmentStart", "error.enrollment.backdatedStartOutside", e.declaredOn(), e.liftedOn(),
                        m.clauseList());
            }
        } else if (f.remark() == null || f.remark().isBlank()) {
            v.add("remark", "error.enrollment.backdatedNeedsRemark", m.clauseList());
        } else {
            flags.add(flag(m));
        }
    }

    /** Whether the day falls within the emergency: declared on or before it, and not lifted before it. */
    private static boolean during(Emergency e, LocalDate day) {
        return e != null && !day.isBefore(e.declaredOn()) && (e.liftedOn() == null || !day.isAfter(e.liftedOn()));
    }

    private static String flag(MeasureStatus m) {
        return m.code() + (m.clauses().isEmpty() ? "" : ":" + String.join(",", m.clauses()));
    }
}
