package org.shebao.pension;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.ParameterValues;
import org.shebao.policy.Parameters;

/**
 * The enterprise basic pension of 国发〔2005〕38号:
 * <ul>
 *   <li>basic part = last year's local average monthly wage × (1 + the person's average indexed wage index) ÷ 2
 *       × contribution years × 1% (the rate is the parameter {@code pension.basicPart.ratePerYear});</li>
 *   <li>personal-account part = account balance ÷ the months divisor (计发月数) for the retirement age.</li>
 * </ul>
 * Contribution years are months ÷ 12, exact; each part is rounded to the fen (half up), the total is their sum.
 */
public final class PensionFormula {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private final Parameters parameters;

    public PensionFormula(Parameters parameters) {
        this.parameters = parameters;
    }

    public PensionCalculation compute(PensionFacts f) {
        LocalDate lastYear = LocalDate.of(f.retiredOn().getYear() - 1, 7, 1);
        ParameterValue wage = parameters.require("wage.average.monthly", f.region(), lastYear);
        ParameterValue rate = parameters.require("pension.basicPart.ratePerYear", f.region(), f.retiredOn());
        ParameterValue divisorTable = parameters.require("pension.monthsDivisor", f.region(), f.retiredOn());
        Money avg = new Money((BigDecimal) wage.value());
        BigDecimal years = BigDecimal.valueOf(f.contributionMonths()).divide(TWELVE, MathContext.DECIMAL64);
        // rounded once, at the end, half up to the fen
        Money basic = new Money(avg.amount().multiply(BigDecimal.ONE.add(f.wageIndex())).divide(TWO, MathContext.DECIMAL64)
                .multiply(years).multiply((BigDecimal) rate.value()));
        int divisor = ((ParameterValues.Table) divisorTable.value()).get(f.retirementAge()).orElseThrow(() ->
                new IllegalArgumentException("no months divisor for retirement age " + f.retirementAge()));
        Money account = f.accountBalance().dividedBy(divisor);
        List<PensionCalculation.Line> lines = new ArrayList<>();
        lines.add(new PensionCalculation.Line("上年度在岗职工月平均工资" + (wage.illustrative() ? "（示例数值）" : ""),
                avg.toString(), wage.source() + "（" + (f.retiredOn().getYear() - 1) + "年）"));
        lines.add(new PensionCalculation.Line("平均缴费指数", f.wageIndex().toPlainString(), "个人权益记录"));
        lines.add(new PensionCalculation.Line("缴费年限", years.setScale(2, RoundingMode.HALF_UP).toPlainString()
                + "（" + f.contributionMonths() + "个月）", "个人权益记录"));
        lines.add(new PensionCalculation.Line("基础养老金计发比例", rate.value().toString(), rate.source()));
        lines.add(new PensionCalculation.Line("基础养老金", basic.toString(), "国发〔2005〕38号"));
        lines.add(new PensionCalculation.Line("个人账户储存额", f.accountBalance().toString(), "个人权益记录"));
        lines.add(new PensionCalculation.Line("计发月数（" + f.retirementAge() + "岁）", String.valueOf(divisor),
                divisorTable.source()));
        lines.add(new PensionCalculation.Line("个人账户养老金", account.toString(), "国发〔2005〕38号"));
        return new PensionCalculation(basic, account, basic.plus(account), List.copyOf(lines));
    }
}
