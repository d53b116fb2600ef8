package org.shebao.contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * FJ-1.4's input for the work-injury module: whether an employer was deferred (缓缴) on a day, and whether it paid
 * every bill of the deferred months in full by the back-payment deadline (lifted + 3 months): the deferral (null when
 * none covered the day), the answer, the deferred months still unpaid, and the day the last of them was paid.
 */
public record DeferralStanding(long employerId, LocalDate day, EmployerDeferral deferral, BackPayment backPayment,
                               List<YearMonth> unpaidMonths, LocalDate lastPaidOn) {

    /** The answer. */
    public enum BackPayment {
        /** No deferral covered the day. */
        NOT_DEFERRED,
        /** Every bill of the deferred months paid in full by the deadline (or before it was known). */
        PAID_IN_TIME,
        /** Not every bill paid yet, and the deadline is pending or still ahead: the claim waits (FJ-1.4). */
        OPEN,
        /** The deadline passed with a deferred month unpaid, or the last was paid after it. */
        NOT_PAID_IN_TIME
    }

    public boolean deferred() {
        return deferral != null;
    }
}
