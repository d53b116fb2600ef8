package org.shebao.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import org.shebao.policy.MeasureStatus;

/**
 * Whether a recipient is paid in a month, by their qualification certification (领取待遇资格认证):
 * certified (up to the month's first day, or within the grace months after) → paid; lapsed while the measure
 * NO_SUSPENSION_FOR_MISSED_CERTIFICATION is in force (N-1c, SX-1c, FJ-1.1) → paid, flagged with its clauses;
 * lapsed otherwise → suspended. The payroll run applies the same rule to every order at once, in SQL.
 */
public final class CertificationRule {
    /** The outcome for one month. */
    public enum Outcome { PAY, PAY_FLAGGED, SUSPEND }

    private CertificationRule() {
    }

    public static Outcome decide(YearMonth month, LocalDate certifiedUntil, int graceMonths, MeasureStatus noSuspension) {
        LocalDate cutoff = month.atDay(1).minusMonths(graceMonths);
        if (!certifiedUntil.isBefore(cutoff)) {
            return Outcome.PAY;
        }
        return noSuspension != null && noSuspension.inForce() ? Outcome.PAY_FLAGGED : Outcome.SUSPEND;
    }
}
