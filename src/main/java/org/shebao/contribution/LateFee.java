package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;

/**
 * A late-fee assessment (滞纳金): of an employer and month (费款所属期), brought about by the payment that settled
 * {@code overdue} of the bill {@code days} after its due date, at the daily rate in force (with its source), the fee
 * computed, waived (the waiver's reason and clauses) and charged, and what has been paid of it.
 */
public record LateFee(long id, long employerId, String employerName, String regionCode, YearMonth month, long billId,
                      long paymentId, Money overdue, LocalDate dueOn, LocalDate settledOn, int days,
                      BigDecimal dailyRate, Money computed, Money waived, Money charged, String waiver,
                      List<String> sources, Money paid, Status status) {

    /** Where a late fee stands. */
    public enum Status {
        /** Charged, nothing paid yet. */
        OPEN,
        /** Partly paid. */
        PART_PAID,
        /** Paid in full. */
        PAID,
        /** Nothing charged: waived by a measure or a deferral, citing it. */
        WAIVED
    }

    public Money owed() {
        return charged.minus(paid);
    }

    /** The daily rate as people write it (0.05%). */
    public String dailyRatePercent() {
        return dailyRate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
