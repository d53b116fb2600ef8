package org.shebao.unemployment;

import java.math.BigDecimal;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValue;

/**
 * 失业保险条例 第十八条: the benefit is set by the province, below the local minimum wage and not below the minimum
 * living allowance (城市居民最低生活保障标准). A standard outside that range is a parameter error, refused here.
 */
public final class AmountRule {
    private AmountRule() {
    }

    public static BenefitAmount decide(ParameterValue standard, ParameterValue floor, ParameterValue ceiling) {
        Money s = Money.of((BigDecimal) standard.value());
        Money f = Money.of((BigDecimal) floor.value());
        Money c = Money.of((BigDecimal) ceiling.value());
        if (s.compareTo(f) < 0 || s.compareTo(c) > 0) {
            throw new IllegalStateException("unemployment.benefit.monthly " + s + " (" + standard.where()
                    + ") is outside the minimum living allowance " + f + " and the minimum wage " + c);
        }
        return new BenefitAmount(s, standard.source(), f, floor.source(), c, ceiling.source(),
                standard.illustrative() || floor.illustrative() || ceiling.illustrative());
    }
}
