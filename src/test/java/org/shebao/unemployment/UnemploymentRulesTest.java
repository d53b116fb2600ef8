package org.shebao.unemployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Emergency;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Parameters;
import org.shebao.policy.PolicyBook;
import org.shebao.registry.SeparationReason;

@DisplayName("Unemployment benefit rules, by clause (hand-computed)")
class UnemploymentRulesTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final Parameters P = BOOK.parameters();
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final RegionCode TAIYUAN = new RegionCode("140100");
    private static final LocalDate MAY_2020 = LocalDate.of(2020, 5, 12);

    private static BenefitDuration duration(int months, int unused) {
        return DurationRule.decide(months, unused,
                P.brackets("unemployment.duration.byContributionYears", FUZHOU, MAY_2020),
                P.integer("unemployment.duration.maxMonths", FUZHOU, MAY_2020), "失业保险条例 第十七条");
    }

    private static MeasureStatus lateMeasure(RegionCode region, LocalDate lifted, LocalDate on) {
        Emergency fj = new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null, lifted, 0);
        Emergency sx = new Emergency(2, new RegionCode("140000"), "山西", LocalDate.of(2020, 1, 25), null, lifted, 0);
        return BOOK.measure(StartRule.MEASURE, region, on, List.of(fj, sx));
    }

    @Test
    @DisplayName("第十七条: 7 contribution years → 18 months; 4 years 11 months → 12; 10 years → 24; under a year → none")
    void durationByYears() {
        assertThat(duration(7 * 12, 0).months()).isEqualTo(18);
        assertThat(duration(7 * 12, 0).contributionYears()).isEqualTo(7);
        assertThat(duration(4 * 12 + 11, 0).months()).isEqualTo(12);
        assertThat(duration(5 * 12, 0).months()).isEqualTo(18);
        assertThat(duration(10 * 12, 0).months()).isEqualTo(24);
        assertThat(duration(11, 0).months()).isZero();
    }

    @Test
    @DisplayName("第十七条: a second period adds the months left unused from the earlier one, at most 24 in all")
    void secondPeriodAddsUnusedMonths() {
        // 3 years → 12, plus 5 unused → 17
        BenefitDuration d = duration(3 * 12, 5);
        assertThat(d.baseMonths()).isEqualTo(12);
        assertThat(d.carriedMonths()).isEqualTo(5);
        assertThat(d.months()).isEqualTo(17);
        // 7 years → 18, plus 10 unused → 28, capped at 24
        assertThat(duration(7 * 12, 10).months()).isEqualTo(24);
        assertThat(duration(7 * 12, 10).cap()).isEqualTo(24);
    }

    @Test
    @DisplayName("第十四条: each condition met or not, with its source")
    void eligibility() {
        Eligibility ok = EligibilityRule.decide(84, 12, "失业保险条例 第十四条", SeparationReason.DISMISSED, true);
        assertThat(ok.met()).isTrue();
        assertThat(ok.conditions()).allSatisfy(c -> assertThat(c.source()).contains("第十四条"));
        Eligibility resigned = EligibilityRule.decide(84, 12, "", SeparationReason.RESIGNED, true);
        assertThat(resigned.met()).isFalse();
        assertThat(resigned.conditions()).filteredOn(c -> !c.met()).extracting(Eligibility.Condition::code)
                .containsExactly(EligibilityRule.INVOLUNTARY);
        Eligibility shortAndUnregistered = EligibilityRule.decide(11, 12, "", SeparationReason.CONTRACT_ENDED, false);
        assertThat(shortAndUnregistered.conditions()).filteredOn(c -> !c.met()).extracting(Eligibility.Condition::code)
                .containsExactly(EligibilityRule.CONTRIBUTIONS, EligibilityRule.REGISTERED);
    }

    @Test
    @DisplayName("FJ-1.6: eligible in February 2020, applied in May 2020 → paid from March, March to May as arrears in "
            + "June's payroll, 18 months to August 2021")
    void lateApplicationUnderEmergency() {
        BenefitStart s = StartRule.decide(LocalDate.of(2020, 2, 10), MAY_2020, lateMeasure(FUZHOU, null, MAY_2020));
        assertThat(s.eligibleMonth()).isEqualTo(YearMonth.of(2020, 2));
        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2020, 3));
        assertThat(s.rule()).isEqualTo("LATE_UNDER_EMERGENCY");
        assertThat(s.clauses()).containsExactly("FJ-1.6");
        PaymentSchedule p = PaymentSchedule.of(s.firstMonth(), 18, YearMonth.of(2020, 5));
        assertThat(p.lastMonth()).isEqualTo(YearMonth.of(2021, 8));
        assertThat(p.arrearsMonths()).isEqualTo(3);
        assertThat(p.arrearsPayroll()).isEqualTo(YearMonth.of(2020, 6));
        assertThat(p.regularFrom()).isEqualTo(YearMonth.of(2020, 6));
    }

    @Test
    @DisplayName("FJ-1.6 is Fujian's: in Shanxi, and in Fujian after the emergency is lifted, a late claim is paid from "
            + "the month of registration")
    void lateApplicationOtherwise() {
        BenefitStart shanxi = StartRule.decide(LocalDate.of(2020, 2, 10), MAY_2020, lateMeasure(TAIYUAN, null, MAY_2020));
        assertThat(shanxi.firstMonth()).isEqualTo(YearMonth.of(2020, 5));
        assertThat(shanxi.rule()).isEqualTo("LATE_NORMAL_RULE");
        LocalDate sept = LocalDate.of(2020, 9, 1);
        BenefitStart lifted = StartRule.decide(LocalDate.of(2020, 2, 10), sept,
                lateMeasure(FUZHOU, LocalDate.of(2020, 8, 1), sept));
        assertThat(lifted.firstMonth()).isEqualTo(YearMonth.of(2020, 9));
        assertThat(lifted.clauses()).isEmpty();
        // separated before the emergency was declared: FJ-1.6 does not reach back
        BenefitStart before = StartRule.decide(LocalDate.of(2019, 10, 31), MAY_2020, lateMeasure(FUZHOU, null, MAY_2020));
        assertThat(before.firstMonth()).isEqualTo(YearMonth.of(2020, 5));
    }

    @Test
    @DisplayName("Registration in the month of eligibility: paid from that month; arrears up to the approval month")
    void onTime() {
        BenefitStart s = StartRule.decide(LocalDate.of(2020, 4, 30), LocalDate.of(2020, 5, 6),
                lateMeasure(FUZHOU, null, MAY_2020));
        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2020, 5));
        assertThat(s.rule()).isEqualTo("ON_TIME");
        PaymentSchedule p = PaymentSchedule.of(s.firstMonth(), 12, YearMonth.of(2020, 5));
        assertThat(p.lastMonth()).isEqualTo(YearMonth.of(2021, 4));
        assertThat(p.arrearsMonths()).isEqualTo(1);
        assertThat(p.regularFrom()).isEqualTo(YearMonth.of(2020, 6));
    }

    @Test
    @DisplayName("第十五条: a re-employment in month 5 ends payment with that month; a month paid after it is recovered")
    void stopRecoversMonthsAfterTheEvent() {
        // benefit from March 2020: month 5 is July; the payroll has paid March to August
        Map<YearMonth, Money> paid = new java.util.TreeMap<>();
        for (YearMonth m = YearMonth.of(2020, 3); !m.isAfter(YearMonth.of(2020, 8)); m = m.plusMonths(1)) {
            paid.put(m, Money.yuan("1620.00"));
        }
        StopRule.Stop s = StopRule.decide(LocalDate.of(2020, 7, 15), paid);
        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2020, 7));
        assertThat(s.toRecover()).containsOnlyKeys(YearMonth.of(2020, 8));
        assertThat(s.total()).isEqualTo(Money.yuan("1620.00"));
    }

    @Test
    @DisplayName("第十八条: the province's standard lies between the minimum living allowance and the minimum wage, "
            + "marked illustrative")
    void amount() {
        BenefitAmount a = AmountRule.decide(P.require("unemployment.benefit.monthly", FUZHOU, MAY_2020),
                P.require("unemployment.benefit.minimumLivingAllowance", FUZHOU, MAY_2020),
                P.require("unemployment.benefit.minimumWage", FUZHOU, MAY_2020));
        assertThat(a.monthly()).isEqualTo(Money.yuan("1620.00"));
        assertThat(a.illustrative()).isTrue();
        assertThat(a.monthly().compareTo(a.floor())).isPositive();
        assertThat(a.monthly().compareTo(a.ceiling())).isNegative();
        BenefitAmount sx = AmountRule.decide(P.require("unemployment.benefit.monthly", TAIYUAN, MAY_2020),
                P.require("unemployment.benefit.minimumLivingAllowance", TAIYUAN, MAY_2020),
                P.require("unemployment.benefit.minimumWage", TAIYUAN, MAY_2020));
        assertThat(sx.monthly()).isEqualTo(Money.yuan("1360.00"));
    }
}
