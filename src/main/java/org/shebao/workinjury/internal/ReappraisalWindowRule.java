package org.shebao.workinjury.internal;

import java.time.LocalDate;
import java.util.List;
import org.shebao.policy.CivilPeriods;
import org.shebao.policy.Implements;
import org.shebao.workinjury.Due;

/**
 * 工伤保险条例 第二十六条: a re-appraisal may be requested within 15 days of receiving the conclusion. FJ-6b
 * (申请鉴定的法定时限可按一级响应紧急措施结束之日起15日内计算): where the measure is in force, a window that would end
 * during the emergency (on or after its declared day, and not after the level-1 measures end) ends instead 15 days
 * after the level-1 measures end; pending (待定) while that day is unknown.
 */
@Implements(measure = "APPRAISAL_DEADLINE_EXTENSION", rule = "再次鉴定申请时限在一级响应期间届满的，改为一级响应紧急措施结束之日起15日（待定至该日录入）（FJ-6b）",
        ruleEn = "A re-appraisal window ending during the level-1 response ends 15 days after it ends instead (pending until entered) (FJ-6b)")
public final class ReappraisalWindowRule {
    private ReappraisalWindowRule() {
    }

    /** Whether FJ-6b moves the window whose ordinary last day is {@code ordinaryDue}. */
    public static boolean movedByEmergency(LocalDate ordinaryDue, boolean fj6bInForce, LocalDate declaredOn,
                                           LocalDate level1EndedOn) {
        return fj6bInForce && declaredOn != null && !ordinaryDue.isBefore(declaredOn)
                && (level1EndedOn == null || !ordinaryDue.isAfter(level1EndedOn));
    }

    public static Due window(LocalDate receivedOn, int days, boolean fj6bInForce, LocalDate declaredOn,
                             LocalDate level1EndedOn, int afterLevel1Days, List<String> fj6bClauses,
                             CivilPeriods periods) {
        CivilPeriods.End ordinary = periods.days(receivedOn, days);
        if (!movedByEmergency(ordinary.dueOn(), fj6bInForce, declaredOn, level1EndedOn)) {
            return new Due("REAPPRAISAL", receivedOn, ordinary.dueOn(), ordinary.movedFrom(), "REAPPRAISAL",
                    List.of(String.valueOf(days)), List.of(), null, null);
        }
        if (level1EndedOn == null) {
            return new Due("REAPPRAISAL", receivedOn, null, null, "REAPPRAISAL_LEVEL1_PENDING",
                    List.of(String.valueOf(days), String.valueOf(afterLevel1Days), ordinary.dueOn().toString()),
                    fj6bClauses, null, null);
        }
        CivilPeriods.End moved = periods.days(level1EndedOn, afterLevel1Days);
        return new Due("REAPPRAISAL", receivedOn, moved.dueOn(), moved.movedFrom(), "REAPPRAISAL_LEVEL1",
                List.of(String.valueOf(days), String.valueOf(afterLevel1Days), level1EndedOn.toString()),
                fj6bClauses, null, null);
    }
}
