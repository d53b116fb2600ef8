package org.shebao.workinjury.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shebao.policy.CivilPeriods;
import org.shebao.policy.Implements;
import org.shebao.workinjury.Due;

/**
 * 工伤保险条例 第二十五条: the appraisal committee concludes within 60 days of receiving the application, a period
 * it may extend once by 30 days. FJ-6a (劳动能力专家现场鉴定暂缓，鉴定结论时限相应顺延): the period does not run on the
 * days on-site appraisal is suspended, so the last day moves by every suspended day that falls inside the period
 * (counted again after each move, so a suspension the moved period reaches counts too). The last day found is then
 * moved off a rest day.
 */
@Implements(measure = "APPRAISAL_DEADLINE_EXTENSION", rule = "劳动能力鉴定结论时限按暂缓现场鉴定的天数顺延，并显示暂缓原因（FJ-6a）",
        ruleEn = "The appraisal conclusion deadline moves by the days on-site appraisal was suspended, shown with the reason (FJ-6a)")
public final class AppraisalDeadlineRule {
    private AppraisalDeadlineRule() {
    }

    /** A period on-site appraisal was suspended (both days included), with its reason. */
    public record Suspension(LocalDate from, LocalDate to, String reason) {
    }

    public static Due due(LocalDate appliedOn, int days, boolean extended, int extensionDays,
                          List<Suspension> suspensions, List<String> fj6aClauses, CivilPeriods periods) {
        int running = days + (extended ? extensionDays : 0);
        // the period runs on days that are not suspended: the last day is the running-th such day after appliedOn
        LocalDate d = appliedOn;
        int counted = 0;
        while (counted < running) {
            d = d.plusDays(1);
            if (!suspended(d, suspensions)) {
                counted++;
            }
        }
        int suspendedDays = (int) (d.toEpochDay() - appliedOn.toEpochDay()) - running;
        List<String> reasons = new ArrayList<>();
        for (Suspension s : suspensions) {
            LocalDate lastDay = d;
            if (!s.to().isBefore(appliedOn.plusDays(1)) && !s.from().isAfter(lastDay)) {
                LocalDate a = s.from().isAfter(appliedOn) ? s.from() : appliedOn.plusDays(1);
                LocalDate b = s.to().isBefore(lastDay) ? s.to() : lastDay;
                reasons.add(s.from() + "–" + s.to() + "（" + (b.toEpochDay() - a.toEpochDay() + 1) + "日）：" + s.reason());
            }
        }
        CivilPeriods.End end = periods.adjust(d);
        String rule = suspendedDays == 0 ? (extended ? "CONCLUSION_EXTENDED" : "CONCLUSION")
                : (extended ? "CONCLUSION_EXTENDED_SUSPENDED" : "CONCLUSION_SUSPENDED");
        List<String> args = suspendedDays == 0 ? List.of(String.valueOf(days), String.valueOf(extensionDays))
                : List.of(String.valueOf(days), String.valueOf(extensionDays), String.valueOf(suspendedDays));
        return new Due("CONCLUSION", appliedOn, end.dueOn(), end.movedFrom(), rule, args,
                suspendedDays == 0 ? List.of() : fj6aClauses, reasons.isEmpty() ? null : String.join("；", reasons), null);
    }

    private static boolean suspended(LocalDate d, List<Suspension> suspensions) {
        for (Suspension s : suspensions) {
            if (!d.isBefore(s.from()) && !d.isAfter(s.to())) {
                return true;
            }
        }
        return false;
    }
}
