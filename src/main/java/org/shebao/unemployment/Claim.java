package org.shebao.unemployment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.shebao.common.Money;
import org.shebao.registry.SeparationReason;

/**
 * An approved unemployment-benefit claim (unemployment_claim): the case it was decided on, the separation evidence,
 * the figures decided, the standing order that pays it, and whether it was stopped (第十五条) with the reason.
 * {@code paidUntil} is the last benefit month the order pays: the last month of the period, or the month of a stop.
 * {@code medicalOrderId} and {@code medicalPremium}: the order that pays the claimant's medical insurance premium to
 * the medical insurance agency for the same months, and its amount a month (社会保险法 第四十八条); null for a claim
 * approved before the platform paid it.
 */
public record Claim(long caseId, String regionCode, long personId, String caseReference, LocalDate separatedOn,
                    SeparationReason separationReason, String separationSource, String separationEnteredBy,
                    LocalDate appliedOn, int contributionMonths, int durationMonths, int carriedMonths,
                    Money monthlyAmount, YearMonth firstMonth, YearMonth lastMonth, long orderId, ClaimStatus status,
                    StopReason stopReason, LocalDate stoppedOn, String stoppedBy, String approvedBy,
                    OffsetDateTime approvedAt, int version, Long medicalOrderId, Money medicalPremium) {

    public YearMonth paidUntil() {
        if (stoppedOn == null) {
            return lastMonth;
        }
        YearMonth stop = YearMonth.from(stoppedOn);
        return stop.isBefore(lastMonth) ? stop : lastMonth;
    }

    /** Months of the period not paid because of the stop: carried into a later period (第十七条). */
    public int unusedMonths() {
        YearMonth until = paidUntil();
        if (until.isBefore(firstMonth)) {
            return durationMonths;
        }
        return (int) until.until(lastMonth, java.time.temporal.ChronoUnit.MONTHS);
    }
}
