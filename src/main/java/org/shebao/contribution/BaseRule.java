package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;

/**
 * 缴费基数核定 (国办发〔2019〕13号 三): a declared wage base is clamped to [floor, ceiling], the parameters
 * {@code contribution.base.floorRatio} (60%) and {@code contribution.base.ceilingRatio} (300%) of the province's
 * average monthly wage {@code wage.average.monthly}.
 * <p>
 * Base year (an assumption, to be confirmed per province): a month of year Y is assessed against the average wage of
 * year Y−1 (上年度), the value {@code wage.average.monthly} holds for Y−1 (looked up on 1 July of Y−1, as the
 * pension formula does). Provinces that run the contribution year from July to June, or publish the figure late and
 * assess provisionally, are not modelled. The existing parameter is the average wage of employed staff (在岗职工),
 * illustrative; 13号 asks for the all-inclusive urban figure (全口径城镇单位就业人员平均工资).
 * <p>
 * Rounding: floor and ceiling are the wage times the ratio, 四舍五入 to the fen (HALF_UP). The ratios are those in
 * force on the first day of the month.
 */
public final class BaseRule {
    static final String FLOOR = "contribution.base.floorRatio";
    static final String CEILING = "contribution.base.ceilingRatio";
    static final String WAGE = "wage.average.monthly";

    private final Parameters parameters;

    public BaseRule(Parameters parameters) {
        this.parameters = parameters;
    }

    /** The base used for {@code month} in {@code region} when the employer declares {@code declared}. */
    public BaseDecision clamp(RegionCode region, YearMonth month, Money declared) {
        if (declared.isNegative()) {
            throw new IllegalArgumentException("a declared wage base cannot be negative, was " + declared);
        }
        LocalDate on = month.atDay(1);
        int wageYear = month.getYear() - 1;
        ParameterValue wage = parameters.require(WAGE, region, LocalDate.of(wageYear, 7, 1));
        ParameterValue floorRatio = parameters.require(FLOOR, region, on);
        ParameterValue ceilingRatio = parameters.require(CEILING, region, on);
        Money average = new Money((BigDecimal) wage.value());
        BigDecimal fr = (BigDecimal) floorRatio.value();
        BigDecimal cr = (BigDecimal) ceilingRatio.value();
        Money floor = average.times(fr);
        Money ceiling = average.times(cr);
        BaseDecision.Outcome outcome;
        Money used;
        if (declared.compareTo(floor) < 0) {
            outcome = BaseDecision.Outcome.RAISED_TO_FLOOR;
            used = floor;
        } else if (declared.compareTo(ceiling) > 0) {
            outcome = BaseDecision.Outcome.LOWERED_TO_CEILING;
            used = ceiling;
        } else {
            outcome = BaseDecision.Outcome.WITHIN;
            used = declared;
        }
        List<String> sources = java.util.stream.Stream.of(floorRatio.source(), ceilingRatio.source(),
                "全省月平均工资（" + wageYear + "年）：" + wage.source()).distinct().toList();
        return new BaseDecision(month, declared, used, outcome, floor, ceiling, fr, cr, average, wageYear,
                wage.illustrative() || floorRatio.illustrative() || ceilingRatio.illustrative(), sources);
    }
}
