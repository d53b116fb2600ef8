package org.shebao.workinjury;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValues.Range;
import org.shebao.policy.ParameterValues.RateTable;
import org.shebao.policy.ParameterValues.Table;

/**
 * Work-injury benefits of a disability grade (工伤保险条例), as pure functions of their inputs:
 * <ul>
 *   <li>the own wage (本人工资, 第六十四条): the average monthly contribution wage of the 12 months before the injury
 *       (of the months paid, when fewer), raised to the floor or lowered to the ceiling (60% and 300% of the region's
 *       average monthly wage of the year before, the parameter workinjury.ownWage.bounds);</li>
 *   <li>the one-time disability allowance (一次性伤残补助金, 第三十五条 to 第三十七条): months of the own wage by grade;</li>
 *   <li>the monthly disability allowance (伤残津贴, 第三十五条) for grades 1–4: a share of the own wage, topped up by the
 *       fund to the local minimum wage when below it (同条: 伤残津贴实际金额低于当地最低工资标准的，由工伤保险基金补足差额;
 *       the parameter workinjury.disability.minimumWage);</li>
 *   <li>the nursing allowance (生活护理费, 第三十四条) by nursing level: a share of the region's average monthly wage.</li>
 * </ul>
 */
public final class BenefitRule {
    private BenefitRule() {
    }

    public enum Clamp { WITHIN, RAISED_TO_FLOOR, LOWERED_TO_CEILING }

    /** The own wage: the months averaged, their average, the amount used and why it differs. */
    public record OwnWage(int months, Money average, Money amount, Clamp clamp, Money floor, Money ceiling,
                          Money regionalAverage) {
    }

    /**
     * One grade's benefits: null amounts where the grade or the level gives none. The monthly allowance is what is
     * paid: the share of the own wage ({@code monthlyComputed}) plus the {@code topUp} to the minimum wage (zero when
     * not below it).
     */
    public record Benefits(int grade, NursingLevel nursing, OwnWage ownWage, int lumpSumMonths, Money lumpSum,
                           BigDecimal monthlyShare, Money monthlyAllowance, BigDecimal nursingShare,
                           Money nursingAllowance, Money monthlyComputed, Money minimumWage, Money topUp) {
        public boolean toppedUp() {
            return topUp != null && topUp.isPositive();
        }
    }

    /** The own wage from the monthly wages of the 12 months before the injury (those paid). */
    public static OwnWage ownWage(List<Money> monthlyWages, Money regionalAverage, Range bounds) {
        Money sum = monthlyWages.stream().reduce(Money.ZERO, Money::plus);
        Money average = monthlyWages.isEmpty() ? Money.ZERO
                : new Money(sum.amount().divide(BigDecimal.valueOf(monthlyWages.size()), 2, RoundingMode.HALF_UP));
        Money floor = regionalAverage.times(bounds.min(), RoundingMode.HALF_UP);
        Money ceiling = regionalAverage.times(bounds.max(), RoundingMode.HALF_UP);
        if (average.compareTo(floor) < 0) {
            return new OwnWage(monthlyWages.size(), average, floor, Clamp.RAISED_TO_FLOOR, floor, ceiling, regionalAverage);
        }
        if (average.compareTo(ceiling) > 0) {
            return new OwnWage(monthlyWages.size(), average, ceiling, Clamp.LOWERED_TO_CEILING, floor, ceiling,
                    regionalAverage);
        }
        return new OwnWage(monthlyWages.size(), average, average, Clamp.WITHIN, floor, ceiling, regionalAverage);
    }

    /**
     * The benefits of a grade (1–10) and a nursing level.
     *
     * @param lumpSumMonths workinjury.disability.lumpSumMonths
     * @param monthlyShares workinjury.disability.monthlyShare (grades 1–4)
     * @param nursingShares workinjury.nursing.share (1 partly, 2 mostly, 3 fully dependent)
     * @param nursingBase the region's average monthly wage of the year before the conclusion
     * @param minimumWage workinjury.disability.minimumWage (the local minimum wage on the day of the conclusion)
     */
    public static Benefits decide(int grade, NursingLevel nursing, OwnWage ownWage, Table lumpSumMonths,
                                  RateTable monthlyShares, RateTable nursingShares, Money nursingBase,
                                  Money minimumWage) {
        int months = lumpSumMonths.get(grade)
                .orElseThrow(() -> new IllegalArgumentException("no lump-sum months for grade " + grade));
        Money lumpSum = ownWage.amount().times(months);
        BigDecimal monthlyShare = monthlyShares.get(grade).orElse(null);
        Money computed = monthlyShare == null ? null : ownWage.amount().times(monthlyShare, RoundingMode.HALF_UP);
        Money topUp = computed == null || computed.compareTo(minimumWage) >= 0 ? Money.ZERO : minimumWage.minus(computed);
        Money monthly = computed == null ? null : computed.plus(topUp);
        BigDecimal nursingShare = nursing == NursingLevel.NONE ? null
                : nursingShares.get(nursing.ordinal()).orElseThrow(
                        () -> new IllegalArgumentException("no nursing share for " + nursing));
        Money nursingAllowance = nursingShare == null ? null : nursingBase.times(nursingShare, RoundingMode.HALF_UP);
        return new Benefits(grade, nursing, ownWage, months, lumpSum, monthlyShare, monthly, nursingShare,
                nursingAllowance, computed, computed == null ? null : minimumWage, computed == null ? null : topUp);
    }
}
