package org.shebao.pension;

import org.shebao.policy.Implements;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.shebao.policy.MeasureStatus;

/**
 * Entitlement of a new retiree.
 * <ul>
 *   <li>On time: from the month after the person reaches the retirement age (FJ-1.2).</li>
 *   <li>Declared late while the measure ARREARS_AFTER_LATE_DECLARATION is in force on the day the application is
 *       completed (N-1d; in Shanxi until lifted + 3 months, SX-1a): still from the month after the retirement age,
 *       the months owed up to the approval month paid as arrears in the payroll of the month after approval.</li>
 *   <li>Declared late otherwise (no emergency, or completed after the measure's window): the normal rule, from the
 *       month after the declaration.</li>
 * </ul>
 */
@Implements(measure = "ARREARS_AFTER_LATE_DECLARATION", rule = "待遇起始月：延期申报的自达到退休年龄次月起计发，审核次月补发",
        ruleEn = "Entitlement: a late declaration is paid from the month after retirement age, arrears the month after approval")
public final class Entitlements {
    private Entitlements() {
    }

    /**
     * @param reachedAge the day the retirement age is reached
     * @param declaredOn the day the retirement was declared (the application received)
     * @param completedOn the day the file was complete (the application can be decided)
     * @param approvedOn the day it was approved
     * @param lateMeasure the status of ARREARS_AFTER_LATE_DECLARATION for the region on {@code completedOn}
     */
    public static EntitlementDecision decide(LocalDate reachedAge, LocalDate declaredOn, LocalDate completedOn,
                                             LocalDate approvedOn, MeasureStatus lateMeasure) {
        YearMonth afterAge = YearMonth.from(reachedAge).plusMonths(1);
        YearMonth approvalMonth = YearMonth.from(approvedOn);
        boolean late = YearMonth.from(declaredOn).isAfter(YearMonth.from(reachedAge));
        List<String> clauses = new ArrayList<>();
        YearMonth first;
        String rule;
        if (!late) {
            first = afterAge;
            rule = "ON_TIME";
        } else if (lateMeasure != null && lateMeasure.inForce()) {
            first = afterAge;
            rule = "LATE_UNDER_EMERGENCY";
            clauses.addAll(lateMeasure.clauses());
        } else {
            first = YearMonth.from(declaredOn).plusMonths(1);
            rule = "LATE_NORMAL_RULE";
            if (lateMeasure != null && !lateMeasure.clauses().isEmpty()) {
                clauses.addAll(lateMeasure.clauses());
            }
        }
        int months = first.isAfter(approvalMonth) ? 0 : (int) first.until(approvalMonth, ChronoUnit.MONTHS) + 1;
        YearMonth arrearsPayroll = months == 0 ? null : approvalMonth.plusMonths(1);
        return new EntitlementDecision(first, arrearsPayroll, months, List.copyOf(clauses), rule);
    }
}
