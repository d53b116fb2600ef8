package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.shebao.common.Money;

/**
 * The late fee on an overdue amount: {@code days} late (from the day after the due date to the payment date, both
 * counted), the daily rate, the fee computed, the part waived and the fee charged, the waiver (null when none) and
 * the sources.
 */
public record LateFeeDecision(Money overdue, LocalDate dueOn, LocalDate paidOn, long days, BigDecimal dailyRate,
                              Money computed, Money waived, Money charged, LateFeeWaiver waiver, List<String> sources) {

    public boolean isWaived() {
        return waiver != null && waived.isPositive();
    }
}
