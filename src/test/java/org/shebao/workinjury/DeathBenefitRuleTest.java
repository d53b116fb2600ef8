package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Parameters;
import org.shebao.policy.PolicyBook;
import org.shebao.workinjury.BenefitRule.OwnWage;
import org.shebao.workinjury.DeathBenefitRule.Decision;
import org.shebao.workinjury.DeathBenefitRule.Dependent;
import org.shebao.workinjury.DeathBenefitRule.Relation;
import org.shebao.workinjury.DeathBenefitRule.Share;

/** 工伤保险条例 第三十九条 on the parameter files as shipped, each figure computed by hand in its name. */
@DisplayName("Death from a work injury (工伤保险条例 第三十九条), hand-computed")
class DeathBenefitRuleTest {
    private static final Parameters P = PolicyBook.load().parameters();
    private static final RegionCode XINZHOU = new RegionCode("140900");
    /** A death on 2020-05-10: the national income of 2019, 42359.00. */
    private static final LocalDate DIED = LocalDate.of(2020, 5, 10);
    /** The region's average monthly wage of the year before: floor 60% = 4200.00. */
    private static final Money AVERAGE = Money.yuan("7000.00");

    private static OwnWage own(String wage) {
        return BenefitRule.ownWage(Collections.nCopies(12, Money.yuan(wage)), AVERAGE,
                P.range("workinjury.ownWage.bounds", XINZHOU, DIED));
    }

    private static Decision decide(OwnWage own, Dependent... dependents) {
        return DeathBenefitRule.decide(own, AVERAGE, P.integer("workinjury.death.funeralMonths", XINZHOU, DIED),
                P.money("workinjury.death.urbanDisposableIncome", XINZHOU, DIED.minusYears(1)),
                P.integer("workinjury.death.grantMultiple", XINZHOU, DIED),
                P.rateTable("workinjury.death.dependentShare", XINZHOU, DIED), List.of(dependents));
    }

    @Test
    @DisplayName("第三十九条: funeral grant 6 × 7000.00 = 42000.00; death grant 20 × 42359.00 (2019) = 847180.00; own wage "
            + "6000.00, spouse 40% = 2400.00, a child 30% = 1800.00, a parent 30% = 1800.00: 6000.00, not above the own wage")
    void spouseChildParent() {
        Decision d = decide(own("6000.00"), new Dependent(Relation.SPOUSE, false), new Dependent(Relation.CHILD, false),
                new Dependent(Relation.PARENT, false));
        assertThat(d.funeralGrant()).isEqualTo(Money.yuan("42000.00"));
        assertThat(d.urbanIncome()).isEqualTo(Money.yuan("42359.00"));
        assertThat(d.deathGrant()).isEqualTo(Money.yuan("847180.00"));
        assertThat(d.oneOff()).isEqualTo(Money.yuan("889180.00"));
        assertThat(d.shares()).extracting(Share::amount)
                .containsExactly(Money.yuan("2400.00"), Money.yuan("1800.00"), Money.yuan("1800.00"));
        assertThat(d.monthlyTotal()).isEqualTo(Money.yuan("6000.00"));
        assertThat(d.capped()).isFalse();
    }

    @Test
    @DisplayName("第三十九条: an orphan 30% + 10% = 2400.00 of 6000.00; a lone elder the same")
    void orphanAndLoneElder() {
        Decision d = decide(own("6000.00"), new Dependent(Relation.CHILD, true), new Dependent(Relation.GRANDPARENT, true));
        assertThat(d.shares()).extracting(s -> s.share().toPlainString()).containsExactly("0.40", "0.40");
        assertThat(d.shares()).extracting(Share::amount).containsExactly(Money.yuan("2400.00"), Money.yuan("2400.00"));
        assertThat(d.capped()).isFalse();
    }

    @Test
    @DisplayName("第三十九条 (sum not above the own wage): spouse 2400.00 + two children 1800.00 + a lone parent 2400.00 = "
            + "8400.00 > 6000.00 → each × 6000/8400, rounded down: 1714.28, 1285.71, 1285.71, 1714.28 = 5999.98")
    void cappedAtTheOwnWage() {
        Decision d = decide(own("6000.00"), new Dependent(Relation.SPOUSE, false), new Dependent(Relation.CHILD, false),
                new Dependent(Relation.CHILD, false), new Dependent(Relation.PARENT, true));
        assertThat(d.uncappedTotal()).isEqualTo(Money.yuan("8400.00"));
        assertThat(d.capped()).isTrue();
        assertThat(d.shares()).extracting(Share::amount).containsExactly(Money.yuan("1714.28"), Money.yuan("1285.71"),
                Money.yuan("1285.71"), Money.yuan("1714.28"));
        assertThat(d.monthlyTotal()).isEqualTo(Money.yuan("5999.98"));
    }

    @Test
    @DisplayName("第六十四条 in a death: a wage of 3000.00 is raised to 4200.00 (60% of 7000.00); the spouse gets 40% = 1680.00; "
            + "no dependent: the one-off grants only")
    void ownWageFloorAndNoDependents() {
        assertThat(decide(own("3000.00"), new Dependent(Relation.SPOUSE, false)).shares().get(0).amount())
                .isEqualTo(Money.yuan("1680.00"));
        Decision none = decide(own("6000.00"));
        assertThat(none.shares()).isEmpty();
        assertThat(none.monthlyTotal()).isEqualTo(Money.ZERO);
        assertThat(none.oneOff()).isEqualTo(Money.yuan("889180.00"));
    }
}
