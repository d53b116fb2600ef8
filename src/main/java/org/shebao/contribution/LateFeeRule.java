package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;

/**
 * 滞纳金 (社会保险法 第八十六条): overdue amount × daily rate ({@code contribution.lateFee.dailyRate}, 0.05%) × days,
 * the days counted from the day after the due date to the payment date, both included (due 03-15, paid 03-25: 10
 * days). Computed exactly and rounded once, 四舍五入 to the fen (HALF_UP). The rate is the one in force on the first
 * late day. A waiver (an input decision with its sources) waives the whole fee.
 */
public final class LateFeeRule {
    static final String DAILY_RATE = "contribution.lateFee.dailyRate";

    private final Parameters parameters;

    public LateFeeRule(Parameters parameters) {
        this.parameters = parameters;
    }

    /** The fee on {@code overdue}, due on {@code dueOn}, paid on {@code paidOn}; {@code waiver} may be null. */
    public LateFeeDecision fee(RegionCode region, Money overdue, LocalDate dueOn, LocalDate paidOn,
                               LateFeeWaiver waiver) {
        if (overdue.isNegative()) {
            throw new IllegalArgumentException("an overdue amount cannot be negative, was " + overdue);
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(dueOn, paidOn));
        ParameterValue rate = parameters.require(DAILY_RATE, region, dueOn.plusDays(1));
        BigDecimal daily = (BigDecimal) rate.value();
        Money computed = new Money(overdue.amount().multiply(daily).multiply(BigDecimal.valueOf(days)));
        Money waived = waiver == null ? Money.ZERO : computed;
        List<String> sources = new ArrayList<>(List.of(rate.source()));
        if (waiver != null) {
            sources.addAll(waiver.sources());
        }
        return new LateFeeDecision(overdue, dueOn, paidOn, days, daily, computed, waived, computed.minus(waived),
                waiver, List.copyOf(sources));
    }
}
