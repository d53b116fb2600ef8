package org.shebao.workinjury.internal;

import java.time.LocalDate;
import java.util.List;
import org.shebao.policy.CivilPeriods;
import org.shebao.workinjury.Applicant;
import org.shebao.workinjury.Due;

/**
 * 工伤保险条例 第十七条: the employer applies for recognition within 30 days of the injury; when it does not, the
 * worker or the family may apply within 1 year of it. The period counts from the day of the injury (not counted)
 * and an end on a rest day moves to the next working day (民法典 第二百零三条). Pure: the numbers are parameters.
 */
public final class FilingLimitRule {
    private FilingLimitRule() {
    }

    /** The filing limit of an application made on {@code appliedOn}, done (met or late) on that day. */
    public static Due limit(Applicant applicant, LocalDate injuredOn, LocalDate appliedOn, int employerDays,
                            int workerYears, CivilPeriods periods) {
        CivilPeriods.End end = applicant == Applicant.EMPLOYER ? periods.days(injuredOn, employerDays)
                : periods.years(injuredOn, workerYears);
        String rule = applicant == Applicant.EMPLOYER ? "FILING_EMPLOYER" : "FILING_WORKER";
        String n = String.valueOf(applicant == Applicant.EMPLOYER ? employerDays : workerYears);
        return new Due("FILING", injuredOn, end.dueOn(), end.movedFrom(), rule, List.of(n), List.of(), null, appliedOn);
    }

    public static boolean inTime(Due limit) {
        return !limit.doneOn().isAfter(limit.dueOn());
    }
}
