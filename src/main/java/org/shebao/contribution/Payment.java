package org.shebao.contribution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;

/**
 * A payment of an employer for a month (费款所属期), as matched: the bill it went to (null: unmatched), the part
 * applied to it, the part that paid late fees still owed (after the contributions, {@link Allocation}) and what is left
 * over (an overpayment, or the whole amount when unmatched: the employer's credit), and the late fee on the
 * part applied: days late, computed, waived (with the reason and sources) and charged; all null when paid in time.
 */
public record Payment(long id, long employerId, String regionCode, YearMonth month, Money amount, LocalDate paidOn,
                      PaymentChannel channel, String reference, Long fileId, Integer lineNo, Long billId,
                      Money allocated, Money feesPaid, Money excess, LocalDate feeDueOn, Integer feeDays, Money feeComputed,
                      Money feeWaived, Money feeCharged, String feeWaiver, String feeSources, String recordedBy,
                      OffsetDateTime recordedAt) {

    /** How the payment matched. */
    public enum Match {
        /** Applied in full to its bill. */
        MATCHED,
        /** Applied to its bill, with more paid than was due: the excess is to refund or carry over. */
        OVERPAID,
        /** No bill of the employer's month to apply it to (not assessed yet). */
        UNMATCHED
    }

    public Match match() {
        return billId == null ? Match.UNMATCHED : excess.isPositive() ? Match.OVERPAID : Match.MATCHED;
    }

    /** Whether a late fee was computed (paid after the due date). */
    public boolean late() {
        return feeDays != null && feeDays > 0;
    }

    public boolean feeWaivedByMeasure() {
        return feeWaiver != null;
    }

    public List<String> sources() {
        return feeSources == null ? List.of() : List.of(feeSources.split("；"));
    }
}
