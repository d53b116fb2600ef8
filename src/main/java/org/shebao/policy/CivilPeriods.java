package org.shebao.policy;

import java.time.LocalDate;
import org.shebao.policy.internal.DeadlineCalculus;
import org.shebao.policy.internal.TimeLimit;

/**
 * The Civil Code's counting of periods (民法典 第二百零一条至第二百零三条) on the holiday calendar, for other
 * modules' pure rules: N days / months / years after a day (the day itself not counted), an end day on a statutory
 * rest day moved to the next working day, and N working days for service time limits.
 */
public final class CivilPeriods {
    /** The last day of a period, and the day it was moved from when that one was a rest day (else null). */
    public record End(LocalDate dueOn, LocalDate movedFrom) {
        public boolean moved() {
            return movedFrom != null;
        }
    }

    private final DeadlineCalculus calculus;

    CivilPeriods(DeadlineCalculus calculus) {
        this.calculus = calculus;
    }

    public End days(LocalDate from, int n) {
        return of(calculus.endOf(from, TimeLimit.days(n)));
    }

    public End months(LocalDate from, int n) {
        return of(calculus.endOf(from, TimeLimit.months(n)));
    }

    public End years(LocalDate from, int n) {
        return of(calculus.endOf(from, new TimeLimit(n, java.time.temporal.ChronoUnit.YEARS)));
    }

    /** A computed last day moved off a rest day. */
    public End adjust(LocalDate nominal) {
        return of(calculus.adjust(nominal));
    }

    /** N working days after a day (the day itself not counted). */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        return calculus.plusWorkingDays(from, n);
    }

    private static End of(DeadlineCalculus.End e) {
        return new End(e.dueOn(), e.movedFrom());
    }
}
