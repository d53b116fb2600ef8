package org.shebao.workinjury;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValues.RateTable;
import org.shebao.workinjury.BenefitRule.OwnWage;

/**
 * The benefits of a death from a work injury (工伤保险条例 第三十九条), as a pure function of their inputs:
 * <ul>
 *   <li>the funeral grant (丧葬补助金, 第一款第（一）项): months (6) of the region's average monthly wage of the year
 *       before the death;</li>
 *   <li>the dependents' pensions (供养亲属抚恤金, 第一款第（二）项): a share of the worker's own wage (本人工资,
 *       第六十四条) a month for each dependent — the spouse 40%, every other dependent 30%, 10% more for a lone elder
 *       or an orphan (孤寡老人或者孤儿) — their sum not above the own wage: when it would be, each is reduced in
 *       proportion (rounded down to the fen, so the sum stays within it);</li>
 *   <li>the one-time death grant (一次性工亡补助金, 第一款第（三）项): a multiple (20) of the national per-capita
 *       disposable income of urban residents of the year before the death.</li>
 * </ul>
 */
public final class DeathBenefitRule {
    /** The table keys of workinjury.death.dependentShare. */
    public static final int SPOUSE_SHARE = 1;
    public static final int OTHER_SHARE = 2;
    public static final int ALONE_SUPPLEMENT = 3;

    private DeathBenefitRule() {
    }

    /** A dependent's relation to the worker (供养亲属范围: 配偶、子女、父母、祖父母、外祖父母、孙子女、外孙子女、兄弟姐妹). */
    public enum Relation { SPOUSE, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING }

    /** A dependent: its relation, and whether a lone elder or an orphan (the 10% supplement). */
    public record Dependent(Relation relation, boolean alone) {
    }

    /** A dependent's share of the own wage (with the supplement), the amount before and after the cap. */
    public record Share(Dependent dependent, BigDecimal share, Money uncapped, Money amount) {
    }

    /** The decision with every input it used. */
    public record Decision(OwnWage ownWage, Money regionalAverage, int funeralMonths, Money funeralGrant,
                           Money urbanIncome, int grantMultiple, Money deathGrant, List<Share> shares,
                           Money uncappedTotal, Money monthlyTotal, boolean capped) {
        /** What is paid once: the funeral grant and the death grant. */
        public Money oneOff() {
            return funeralGrant.plus(deathGrant);
        }
    }

    /**
     * @param ownWage         the worker's own wage (BenefitRule.ownWage of the 12 months before the injury)
     * @param regionalAverage wage.average.monthly of the year before the death
     * @param funeralMonths   workinjury.death.funeralMonths
     * @param urbanIncome     workinjury.death.urbanDisposableIncome of the year before the death
     * @param grantMultiple   workinjury.death.grantMultiple
     * @param shares          workinjury.death.dependentShare (1 spouse, 2 other dependent, 3 lone elder / orphan supplement)
     */
    public static Decision decide(OwnWage ownWage, Money regionalAverage, int funeralMonths, Money urbanIncome,
                                  int grantMultiple, RateTable shares, List<Dependent> dependents) {
        Money funeral = regionalAverage.times(funeralMonths);
        Money grant = urbanIncome.times(grantMultiple);
        Money wage = ownWage.amount();
        List<BigDecimal> rates = new ArrayList<>();
        Money uncapped = Money.ZERO;
        for (Dependent d : dependents) {
            BigDecimal rate = share(shares, d.relation() == Relation.SPOUSE ? SPOUSE_SHARE : OTHER_SHARE);
            if (d.alone()) {
                rate = rate.add(share(shares, ALONE_SUPPLEMENT));
            }
            rates.add(rate);
            uncapped = uncapped.plus(wage.times(rate, RoundingMode.HALF_UP));
        }
        boolean capped = uncapped.compareTo(wage) > 0;
        List<Share> out = new ArrayList<>();
        Money total = Money.ZERO;
        for (int i = 0; i < dependents.size(); i++) {
            Money full = wage.times(rates.get(i), RoundingMode.HALF_UP);
            Money amount = capped ? new Money(full.amount().multiply(wage.amount())
                    .divide(uncapped.amount(), 2, RoundingMode.DOWN)) : full;
            out.add(new Share(dependents.get(i), rates.get(i), full, amount));
            total = total.plus(amount);
        }
        return new Decision(ownWage, regionalAverage, funeralMonths, funeral, urbanIncome, grantMultiple, grant,
                List.copyOf(out), uncapped, total, capped);
    }

    private static BigDecimal share(RateTable shares, int key) {
        return shares.get(key).orElseThrow(() -> new IllegalArgumentException("no dependent share " + key));
    }
}
