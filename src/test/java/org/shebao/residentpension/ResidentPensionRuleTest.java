package org.shebao.residentpension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.pension.EntitlementDecision;
import org.shebao.pension.Entitlements;
import org.shebao.policy.Emergency;
import org.shebao.policy.Parameters;
import org.shebao.policy.PolicyBook;

/**
 * The residents' pension rule (国发〔2014〕8号) with the shipped parameters, and FJ-1.2's scenario of issue 13 item 5,
 * computed by hand: a Fuzhou resident born 15 February 1960 (60 on 15 February 2020), insured since the scheme began
 * here (2011-07-01, illustrative), nine yearly contributions 2011–2019 at the 500-yuan grade with the 60-yuan least
 * subsidy (9 × 560 = 5,040.00 in the account), applies on 10 June 2020, approved on 20 June 2020 while Fujian's
 * emergency is not lifted.
 */
@DisplayName("城乡居民养老保险待遇 (国发〔2014〕8号, FJ-1.2)")
class ResidentPensionRuleTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final Parameters P = BOOK.parameters();
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final RegionCode TAIYUAN = new RegionCode("140100");

    private static ResidentPensionRule.MonthlyAmount amount(RegionCode region, YearMonth month, String balance) {
        LocalDate on = month.atDay(1);
        return ResidentPensionRule.amount(month, P.require("residentPension.basicPension.centralMinimum", region, on),
                P.require("residentPension.basicPension.provincialTopUp", region, on), Money.yuan(balance),
                P.require("residentPension.account.divisor", region, on));
    }

    private static ResidentPensionRule.Eligibility eligibility(LocalDate reached, int years) {
        return ResidentPensionRule.eligibility(reached, years,
                P.require("residentPension.minimumContributionYears", FUZHOU, LocalDate.of(2020, 6, 10)),
                P.require("residentPension.schemeStartedOn", FUZHOU, LocalDate.of(2020, 6, 10)));
    }

    @Test
    @DisplayName("FJ-1.2: 60 in February 2020, applied in June 2020 → paid from March 2020; March–June (4 months × "
            + "166.26 = 665.04) as arrears in the July payroll, then 166.26 a month (130.00 basic + 5,040.00 ÷ 139 = 36.26)")
    void fj12Scenario() {
        LocalDate reached = LocalDate.of(1960, 2, 15).plusYears(P.integer("residentPension.benefitAge", FUZHOU,
                LocalDate.of(2020, 6, 10)));
        assertThat(reached).isEqualTo(LocalDate.of(2020, 2, 15));
        // 2011-07-01 → 2020-02-15: 8 years 7 months to go when the scheme began, so one contribution a year: 9
        ResidentPensionRule.Eligibility e = eligibility(reached, 9);
        assertThat(e.rule()).isEqualTo(ResidentPensionRule.YEARLY_UNTIL_AGE);
        assertThat(e.requiredYears()).isEqualTo(9);
        assertThat(e.met()).isTrue();
        assertThat(eligibility(reached, 8).met()).isFalse();

        Emergency fujian = new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null, null, 0);
        LocalDate approved = LocalDate.of(2020, 6, 20);
        EntitlementDecision d = Entitlements.decide(reached, LocalDate.of(2020, 6, 10), approved, approved,
                BOOK.measure("ARREARS_AFTER_LATE_DECLARATION", FUZHOU, approved, List.of(fujian)));
        assertThat(d.firstMonth()).isEqualTo(YearMonth.of(2020, 3));
        assertThat(d.arrearsMonths()).isEqualTo(4);
        assertThat(d.arrearsPayroll()).isEqualTo(YearMonth.of(2020, 7));
        assertThat(d.clauses()).contains("FJ-1.2");

        Money arrears = Money.ZERO;
        for (int i = 0; i < d.arrearsMonths(); i++) {
            ResidentPensionRule.MonthlyAmount m = amount(FUZHOU, d.firstMonth().plusMonths(i), "5040.00");
            assertThat(m.centralMinimum()).isEqualTo(Money.yuan("93.00")); // 2020 central minimum
            assertThat(m.topUp()).isEqualTo(Money.yuan("37.00")); // Fujian's top-up (illustrative)
            assertThat(m.basic()).isEqualTo(Money.yuan("130.00"));
            assertThat(m.account()).isEqualTo(Money.yuan("36.26")); // 5040 / 139 = 36.2589…
            assertThat(m.total()).isEqualTo(Money.yuan("166.26"));
            assertThat(m.illustrative()).isTrue();
            arrears = arrears.plus(m.total());
        }
        assertThat(arrears).isEqualTo(Money.yuan("665.04"));
        assertThat(amount(FUZHOU, YearMonth.of(2020, 7), "5040.00").total()).isEqualTo(Money.yuan("166.26"));
    }

    @Test
    @DisplayName("国发〔2014〕8号: the basic pension of a month is the month's central minimum (70 → 88 in 2018) plus the "
            + "province's top-up (Shanxi 15, illustrative); divisor 139")
    void basicPensionByMonth() {
        assertThat(amount(TAIYUAN, YearMonth.of(2017, 12), "0.00").total()).isEqualTo(Money.yuan("85.00"));
        assertThat(amount(TAIYUAN, YearMonth.of(2018, 1), "0.00").total()).isEqualTo(Money.yuan("103.00"));
        ResidentPensionRule.MonthlyAmount m = amount(FUZHOU, YearMonth.of(2024, 6), "13900.00");
        assertThat(m.basic()).isEqualTo(Money.yuan("160.00")); // 123 + 37
        assertThat(m.divisor()).isEqualTo(139);
        assertThat(m.account()).isEqualTo(Money.yuan("100.00"));
        assertThat(m.centralSource()).contains("123");
        assertThat(m.divisorSource()).contains("国发〔2014〕8号").contains("139");
    }

    @Test
    @DisplayName("国发〔2014〕8号 七, transitional cases: already 60 when the scheme began → no contribution required; "
            + "more than 15 years to go → 15 years required")
    void transitionalCases() {
        ResidentPensionRule.Eligibility old = eligibility(LocalDate.of(2010, 5, 1), 0);
        assertThat(old.rule()).isEqualTo(ResidentPensionRule.NO_CONTRIBUTION_REQUIRED);
        assertThat(old.requiredYears()).isZero();
        assertThat(old.met()).isTrue();
        ResidentPensionRule.Eligibility young = eligibility(LocalDate.of(2030, 1, 1), 14);
        assertThat(young.rule()).isEqualTo(ResidentPensionRule.FIFTEEN_YEARS);
        assertThat(young.requiredYears()).isEqualTo(15);
        assertThat(young.met()).isFalse();
        assertThat(eligibility(LocalDate.of(2030, 1, 1), 15).met()).isTrue();
        // exactly 15 years to go: 15 yearly contributions
        assertThat(eligibility(LocalDate.of(2026, 7, 1), 15).requiredYears()).isEqualTo(15);
    }
}
