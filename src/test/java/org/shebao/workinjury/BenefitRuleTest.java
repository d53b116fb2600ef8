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
import org.shebao.workinjury.BenefitRule.Benefits;
import org.shebao.workinjury.BenefitRule.Clamp;
import org.shebao.workinjury.BenefitRule.OwnWage;

/** The benefit rules of 工伤保险条例 on the parameter files as shipped, each figure computed by hand in its name. */
@DisplayName("Work-injury benefits (工伤保险条例 第三十四条至第三十七条、第六十四条), hand-computed")
class BenefitRuleTest {
    private static final Parameters P = PolicyBook.load().parameters();
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final RegionCode XINZHOU = new RegionCode("140900");
    private static final LocalDate ON = LocalDate.of(2020, 6, 1);
    /** The region's average monthly wage in these examples: floor 60% = 4200.00, ceiling 300% = 21000.00. */
    private static final Money AVERAGE = Money.yuan("7000.00");

    private static OwnWage own(int months, String wage) {
        return BenefitRule.ownWage(Collections.nCopies(months, Money.yuan(wage)), AVERAGE,
                P.range("workinjury.ownWage.bounds", FUZHOU, ON));
    }

    private static Benefits benefits(int grade, NursingLevel nursing, OwnWage own) {
        return BenefitRule.decide(grade, nursing, own, P.table("workinjury.disability.lumpSumMonths", FUZHOU, ON),
                P.rateTable("workinjury.disability.monthlyShare", FUZHOU, ON),
                P.rateTable("workinjury.nursing.share", FUZHOU, ON), AVERAGE,
                P.money("workinjury.disability.minimumWage", FUZHOU, ON));
    }

    @Test
    @DisplayName("第六十四条: 12 months at 6000.00 → own wage 6000.00 (within 4200.00–21000.00); 6 months at 5000.00 → "
            + "5000.00 (the months paid); 3000.00 → raised to 4200.00; 30000.00 → lowered to 21000.00; none paid → 4200.00")
    void ownWage() {
        assertThat(own(12, "6000.00")).extracting(OwnWage::amount, OwnWage::clamp)
                .containsExactly(Money.yuan("6000.00"), Clamp.WITHIN);
        assertThat(own(6, "5000.00")).extracting(OwnWage::months, OwnWage::amount).containsExactly(6, Money.yuan("5000.00"));
        assertThat(own(12, "3000.00")).extracting(OwnWage::average, OwnWage::amount, OwnWage::clamp)
                .containsExactly(Money.yuan("3000.00"), Money.yuan("4200.00"), Clamp.RAISED_TO_FLOOR);
        assertThat(own(12, "30000.00")).extracting(OwnWage::amount, OwnWage::clamp)
                .containsExactly(Money.yuan("21000.00"), Clamp.LOWERED_TO_CEILING);
        assertThat(BenefitRule.ownWage(List.of(), AVERAGE, P.range("workinjury.ownWage.bounds", FUZHOU, ON)).amount())
                .isEqualTo(Money.yuan("4200.00"));
    }

    @Test
    @DisplayName("第三十七条: grade 7, own wage 6000.00 → one-time allowance 13 × 6000.00 = 78000.00, no monthly "
            + "allowance from the fund, no nursing allowance")
    void grade7() {
        Benefits b = benefits(7, NursingLevel.NONE, own(12, "6000.00"));
        assertThat(b.lumpSumMonths()).isEqualTo(13);
        assertThat(b.lumpSum()).isEqualTo(Money.yuan("78000.00"));
        assertThat(b.monthlyAllowance()).isNull();
        assertThat(b.nursingAllowance()).isNull();
    }

    @Test
    @DisplayName("第三十五条 with the 60% floor: grade 3, wages 3000.00 → own wage 4200.00; one-time 23 × 4200.00 = "
            + "96600.00; monthly 80% = 3360.00; 第三十四条 mostly dependent: 40% × 7000.00 = 2800.00")
    void grade3WithFloorAndNursing() {
        Benefits b = benefits(3, NursingLevel.MOSTLY, own(12, "3000.00"));
        assertThat(b.lumpSum()).isEqualTo(Money.yuan("96600.00"));
        assertThat(b.monthlyAllowance()).isEqualTo(Money.yuan("3360.00"));
        assertThat(b.nursingAllowance()).isEqualTo(Money.yuan("2800.00"));
    }

    @Test
    @DisplayName("第三十四条: nursing 30% / 40% / 50% of 7000.00 → 2100.00, 2800.00, 3500.00; 第三十五条 grade 1 → 90%, "
            + "27 months")
    void nursingLevelsAndGrade1() {
        OwnWage w = own(12, "8000.00");
        assertThat(benefits(1, NursingLevel.PARTIAL, w).nursingAllowance()).isEqualTo(Money.yuan("2100.00"));
        assertThat(benefits(1, NursingLevel.MOSTLY, w).nursingAllowance()).isEqualTo(Money.yuan("2800.00"));
        Benefits full = benefits(1, NursingLevel.FULL, w);
        assertThat(full.nursingAllowance()).isEqualTo(Money.yuan("3500.00"));
        assertThat(full.monthlyAllowance()).isEqualTo(Money.yuan("7200.00"));
        assertThat(full.lumpSum()).isEqualTo(Money.yuan("216000.00"));
    }

    @Test
    @DisplayName("第三十五条 minimum-wage top-up: regional average 3000.00, wages 2000.00 → own wage 2000.00; grade 4: 75% = "
            + "1500.00 < Shanxi's minimum wage 1700.00 (2020) → the fund adds 200.00, 1700.00 a month; grade 1: 90% = "
            + "1800.00, no top-up")
    void minimumWageTopUp() {
        OwnWage w = BenefitRule.ownWage(Collections.nCopies(12, Money.yuan("2000.00")), Money.yuan("3000.00"),
                P.range("workinjury.ownWage.bounds", XINZHOU, ON));
        Benefits grade4 = BenefitRule.decide(4, NursingLevel.NONE, w, P.table("workinjury.disability.lumpSumMonths", XINZHOU, ON),
                P.rateTable("workinjury.disability.monthlyShare", XINZHOU, ON),
                P.rateTable("workinjury.nursing.share", XINZHOU, ON), Money.yuan("3000.00"),
                P.money("workinjury.disability.minimumWage", XINZHOU, ON));
        assertThat(grade4.minimumWage()).isEqualTo(Money.yuan("1700.00"));
        assertThat(grade4.monthlyComputed()).isEqualTo(Money.yuan("1500.00"));
        assertThat(grade4.topUp()).isEqualTo(Money.yuan("200.00"));
        assertThat(grade4.monthlyAllowance()).isEqualTo(Money.yuan("1700.00"));
        assertThat(grade4.toppedUp()).isTrue();
        Benefits grade1 = BenefitRule.decide(1, NursingLevel.NONE, w, P.table("workinjury.disability.lumpSumMonths", XINZHOU, ON),
                P.rateTable("workinjury.disability.monthlyShare", XINZHOU, ON),
                P.rateTable("workinjury.nursing.share", XINZHOU, ON), Money.yuan("3000.00"), Money.yuan("1700.00"));
        assertThat(grade1.monthlyAllowance()).isEqualTo(Money.yuan("1800.00"));
        assertThat(grade1.toppedUp()).isFalse();
        assertThat(benefits(7, NursingLevel.NONE, w).topUp()).as("no monthly allowance, no top-up").isNull();
    }
}
