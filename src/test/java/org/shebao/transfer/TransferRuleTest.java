package org.shebao.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Gender;
import org.shebao.common.Money;
import org.shebao.contribution.ContributionYear;

@DisplayName("TransferRule (国办发〔2009〕66号 暂行办法 第四条、第五条、第六条): amounts and the temporary account")
class TransferRuleTest {
    static final TransferRule.Params PARAMS = new TransferRule.Params(new BigDecimal("0.12"), 1998, 50, 40, 10,
            "第四条（二）", "第四条", "第五条（二）", "第六条");

    /** Two years before 1998 (no pooled part) and 1998 with 7 months (a part year counts its months). */
    static List<ContributionYear> years() {
        return List.of(
                new ContributionYear(1996, "140900", null, 12, Money.yuan("500.00"), Money.yuan("120.00")),
                new ContributionYear(1997, "140900", null, 12, Money.yuan("600.00"), Money.yuan("144.00")),
                new ContributionYear(1998, "140900", null, 7, Money.yuan("700.00"), Money.yuan("392.00")));
    }

    @Test
    @DisplayName("第四条: personal account in full (120 + 144 + 392 = 656); pooled 12% of 1998's wages only "
            + "(700 × 7 = 4900 → 588.00); total 1244.00")
    void amounts() {
        TransferRule.Decision d = TransferRule.decide(new TransferRule.Facts(Gender.FEMALE, 35, false, 0, years(), 31),
                PARAMS);
        assertThat(d.outcome()).isEqualTo(TransferRule.Outcome.MOVES_UNDER_AGE);
        assertThat(d.personalAccount()).isEqualTo(Money.yuan("656.00"));
        assertThat(d.wagesSince()).isEqualTo(Money.yuan("4900.00"));
        assertThat(d.pooled()).isEqualTo(Money.yuan("588.00"));
        assertThat(d.transferred()).isEqualTo(Money.yuan("1244.00"));
        assertThat(d.years()).extracting(TransferRule.YearLine::pooled)
                .containsExactly(Money.ZERO, Money.ZERO, Money.yuan("588.00"));
        assertThat(d.source()).contains("第四条").contains("12%");
    }

    @Test
    @DisplayName("第五条（二）: a man of 50 (not 49) away from his household registration keeps a temporary account, "
            + "nothing moves; a woman from 40; going home (第五条（一）) or to a place with 10 years (第六条) moves")
    void temporaryAccount() {
        assertThat(decide(Gender.MALE, 49, false, 0).outcome()).isEqualTo(TransferRule.Outcome.MOVES_UNDER_AGE);
        TransferRule.Decision man50 = decide(Gender.MALE, 50, false, 0);
        assertThat(man50.outcome()).isEqualTo(TransferRule.Outcome.TEMPORARY_ACCOUNT);
        assertThat(man50.transferred()).isEqualTo(Money.ZERO);
        assertThat(man50.personalAccount()).isEqualTo(Money.yuan("656.00")); // computed, kept where it is
        assertThat(man50.source()).contains("第五条第（二）项");
        assertThat(decide(Gender.FEMALE, 39, false, 0).outcome()).isEqualTo(TransferRule.Outcome.MOVES_UNDER_AGE);
        assertThat(decide(Gender.FEMALE, 40, false, 0).outcome()).isEqualTo(TransferRule.Outcome.TEMPORARY_ACCOUNT);
        assertThat(decide(Gender.MALE, 52, true, 0).outcome()).isEqualTo(TransferRule.Outcome.MOVES_HOME);
        assertThat(decide(Gender.MALE, 52, false, 119).outcome()).isEqualTo(TransferRule.Outcome.TEMPORARY_ACCOUNT);
        assertThat(decide(Gender.MALE, 52, false, 120).outcome()).isEqualTo(TransferRule.Outcome.MOVES_YEARS_THERE);
    }

    @Test
    @DisplayName("a year of 12 months over 1998–2019 at 100 more each year: 12% of the sum, cent for cent")
    void manyYears() {
        List<ContributionYear> ys = new ArrayList<>();
        for (int y = 1998; y <= 2019; y++) {
            ys.add(new ContributionYear(y, "140900", null, 12, Money.yuan(1000 + 100L * (y - 1998)), Money.ZERO));
        }
        // Σ (1000 + 100k) × 12 for k = 0..21 = 12 × (22 × 1000 + 100 × 231) = 12 × 45100 = 541200; × 12% = 64944.00
        assertThat(TransferRule.decide(new TransferRule.Facts(Gender.MALE, 40, false, 0, ys, 264), PARAMS).pooled())
                .isEqualTo(Money.yuan("64944.00"));
    }

    private static TransferRule.Decision decide(Gender g, int age, boolean home, int monthsThere) {
        return TransferRule.decide(new TransferRule.Facts(g, age, home, monthsThere, years(), 31), PARAMS);
    }

    @Test
    @DisplayName("个人账户储存额 with its interest (劳社厅发〔1997〕116号, the one rule AccountInterest): credits 2020–2023 "
            + "14400.00 + interest 1691.14 = 16091.14 moved in 2024, pooled 12% of 180000.00 = 21600.00; 37691.14")
    void interest() {
        var years = org.shebao.contribution.AccountInterestTest.years();
        TransferRule.Params p = new TransferRule.Params(new BigDecimal("0.12"), 1998, 50, 40, 10, "第四条（二）",
                "第四条", "第五条（二）", "第六条", org.shebao.contribution.AccountInterestTest.RATES);
        TransferRule.Decision d = TransferRule.decide(new TransferRule.Facts(Gender.MALE, 35, false, 0, years, 42, 2024), p);
        assertThat(d.accountCredits()).isEqualTo(Money.yuan("14400.00"));
        assertThat(d.accountInterest()).isEqualTo(Money.yuan("1691.14"));
        assertThat(d.personalAccount()).isEqualTo(Money.yuan("16091.14"));
        // 48000 + 50400 + 26400 + 55200 = 180000.00 × 12%
        assertThat(d.pooled()).isEqualTo(Money.yuan("21600.00"));
        assertThat(d.transferred()).isEqualTo(Money.yuan("37691.14"));
        assertThat(d.source()).contains("记账利息1691.14").contains("劳社厅发〔1997〕116号");
    }
}
