package org.shebao.pension;

import org.shebao.policy.Implements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shebao.common.Money;

/**
 * The settlement of pre-paid months against the computed pension (N-1b, FJ-1.3: 多扣少补): for every month since
 * entitlement, what was due, what was paid and the difference; an under-payment is paid as arrears in the next
 * payroll, an over-payment is deducted from the following payments, each deduction at most a share of the monthly
 * pension (the parameter {@code pension.settlement.maxDeductionShare}).
 */
@Implements(measure = "PENSION_PREPAYMENT", rule = "预发结算：逐月多扣少补",
        ruleEn = "Settlement of pre-paid months: under-payments paid, over-payments deducted")
public record Settlement(List<Month> months, Money total, List<Installment> schedule) {

    /** One month: due (the computed pension), paid (the pre-payment), and the difference due − paid. */
    public record Month(YearMonth month, Money due, Money paid, Money difference) {
    }

    /** A payment line of the settlement: positive arrears, or a negative deduction, in a payroll month. */
    public record Installment(YearMonth payroll, Money amount) {
    }

    /**
     * @param from the first month of entitlement
     * @param until the last month settled (the last pre-paid month)
     * @param monthly the computed monthly pension
     * @param paid what was paid for each month (missing months: nothing)
     * @param firstPayroll the first payroll that carries the settlement
     * @param maxDeductionShare the largest share of a monthly pension one deduction may take (e.g. 0.5)
     */
    public static Settlement settle(YearMonth from, YearMonth until, Money monthly, Map<YearMonth, Money> paid,
                                    YearMonth firstPayroll, BigDecimal maxDeductionShare) {
        return settle(from, until, from, monthly, paid, firstPayroll, maxDeductionShare);
    }

    /**
     * The same, where the pension is due only from {@code dueFrom}: a month paid before it (pre-paid while the
     * entitlement was expected to start earlier, e.g. a case approved after the measure's window closed) is due
     * nothing, so all it received is recovered. No pre-paid month is left out of the settlement.
     */
    public static Settlement settle(YearMonth from, YearMonth until, YearMonth dueFrom, Money monthly,
                                    Map<YearMonth, Money> paid, YearMonth firstPayroll, BigDecimal maxDeductionShare) {
        List<Month> months = new ArrayList<>();
        Money total = Money.ZERO;
        for (YearMonth m = from; !m.isAfter(until); m = m.plusMonths(1)) {
            Money p = paid.getOrDefault(m, Money.ZERO);
            Money due = m.isBefore(dueFrom) ? Money.ZERO : monthly;
            Money diff = due.minus(p);
            months.add(new Month(m, due, p, diff));
            total = total.plus(diff);
        }
        List<Installment> schedule = new ArrayList<>();
        if (total.isPositive()) {
            schedule.add(new Installment(firstPayroll, total));
        } else if (total.isNegative()) {
            Money cap = monthly.times(maxDeductionShare, RoundingMode.DOWN);
            if (!cap.isPositive()) {
                throw new IllegalArgumentException("a deduction cap of zero would never settle an over-payment");
            }
            Money left = total.negate();
            YearMonth m = firstPayroll;
            while (left.isPositive()) {
                Money take = left.min(cap);
                schedule.add(new Installment(m, take.negate()));
                left = left.minus(take);
                m = m.plusMonths(1);
            }
        }
        return new Settlement(List.copyOf(months), total, List.copyOf(schedule));
    }
}
