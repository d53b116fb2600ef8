package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;

/**
 * The contribution base used for a month: the declared wage base clamped to [floor, ceiling], both a share of the
 * province's average monthly wage of {@code wageYear} (the year before the month's, see {@link BaseRule}); the
 * sources are those of the ratios and of the average wage. {@code illustrative} when the average wage is a demo
 * figure.
 */
public record BaseDecision(YearMonth month, Money declared, Money used, Outcome outcome, Money floor, Money ceiling,
                           BigDecimal floorRatio, BigDecimal ceilingRatio, Money averageWage, int wageYear,
                           boolean illustrative, List<String> sources) {

    public enum Outcome {
        /** The declared base lies within [floor, ceiling] and is used as declared. */
        WITHIN,
        /** Below the floor: the floor is used (按下限核定). */
        RAISED_TO_FLOOR,
        /** Above the ceiling: the ceiling is used (按上限核定). */
        LOWERED_TO_CEILING
    }

    public boolean clamped() {
        return outcome != Outcome.WITHIN;
    }

    /** Why the base used differs from the declared one, in the words a clerk reads; empty when it does not. */
    public String reason() {
        return switch (outcome) {
            case WITHIN -> "";
            case RAISED_TO_FLOOR -> "申报工资" + declared + "元低于缴费基数下限" + floor + "元（" + wageYear
                    + "年全省月平均工资" + averageWage + "元的" + percent(floorRatio) + "），按下限核定";
            case LOWERED_TO_CEILING -> "申报工资" + declared + "元高于缴费基数上限" + ceiling + "元（" + wageYear
                    + "年全省月平均工资" + averageWage + "元的" + percent(ceilingRatio) + "），按上限核定";
        };
    }

    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
