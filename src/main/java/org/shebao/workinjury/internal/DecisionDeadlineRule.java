package org.shebao.workinjury.internal;

import java.time.LocalDate;
import java.util.List;
import org.shebao.policy.CivilPeriods;
import org.shebao.policy.Implements;
import org.shebao.workinjury.Due;

/**
 * 工伤保险条例 第二十条: the department decides within 60 days of accepting the application, within 15 days when the
 * facts are clear and rights and duties are plain. The green channel (N-4, SX-4, FJ-4) shortens it to its own limit,
 * in working days; the shorter of the two wins.
 */
@Implements(measure = "GREEN_CHANNEL", rule = "工伤认定：绿色通道案件的认定决定时限缩短为绿色通道时限",
        ruleEn = "Work-injury recognition: a green-channel case's decision is due within the green-channel limit")
public final class DecisionDeadlineRule {
    private DecisionDeadlineRule() {
    }

    /**
     * @param greenClauses the green channel's clauses when the case is in it (empty: not)
     */
    public static Due due(LocalDate acceptedOn, boolean clearFacts, List<String> greenClauses, int days, int clearDays,
                          int greenWorkingDays, CivilPeriods periods) {
        int n = clearFacts ? clearDays : days;
        CivilPeriods.End end = periods.days(acceptedOn, n);
        if (!greenClauses.isEmpty()) {
            LocalDate green = periods.plusWorkingDays(acceptedOn, greenWorkingDays);
            if (green.isBefore(end.dueOn())) {
                return new Due("DECISION", acceptedOn, green, null, "DECISION_GREEN_CHANNEL",
                        List.of(String.valueOf(greenWorkingDays)), greenClauses, null, null);
            }
        }
        return new Due("DECISION", acceptedOn, end.dueOn(), end.movedFrom(),
                clearFacts ? "DECISION_CLEAR_FACTS" : "DECISION", List.of(String.valueOf(n)), List.of(), null, null);
    }
}
