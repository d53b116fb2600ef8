package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;

@DisplayName("AccountInterest (个人账户记账利息, 劳社厅发〔1997〕116号 年度计息、月积数法; 人社部发〔2017〕31号 记账利率)")
public class AccountInterestTest {
    /** 2020–2023 national rates as published: 6.04%, 6.69%, 6.12%, 3.97%. */
    public static final Map<Integer, AccountInterest.Rate> RATES = Map.of(
            2020, rate("0.0604"), 2021, rate("0.0669"), 2022, rate("0.0612"), 2023, rate("0.0397"));

    static AccountInterest.Rate rate(String r) {
        return new AccountInterest.Rate(new BigDecimal(r), "记账利率", false);
    }

    /** Four years: bases 4000, 4200, 4400 (6 months), 4600; 8% of the wages credited. */
    public static List<ContributionYear> years() {
        return List.of(
                new ContributionYear(2020, "140100", null, 12, Money.yuan("4000.00"), Money.yuan("3840.00")),
                new ContributionYear(2021, "140100", null, 12, Money.yuan("4200.00"), Money.yuan("4032.00")),
                new ContributionYear(2022, "140100", null, 6, Money.yuan("4400.00"), Money.yuan("2112.00")),
                new ContributionYear(2023, "140100", null, 12, Money.yuan("4600.00"), Money.yuan("4416.00")));
    }

    @Test
    @DisplayName("Hand-computed through 2024: opening × r + credits × r × (25 − months)/24 each year, to the fen → "
            + "credits 14400.00, interest 1691.14, balance 16091.14")
    void handComputed() {
        // 2020: 3840 × 6.04% × 13/24 = 2080 × 0.0604 = 125.632 → 125.63; closing 3965.63
        // 2021: 3965.63 × 6.69% = 265.300647; 4032 × 13/24 = 2184 × 6.69% = 146.1096; 411.410247 → 411.41; 8409.04
        // 2022: 8409.04 × 6.12% = 514.633248; 6 months: 2112 × 19/24 = 1672 × 6.12% = 102.3264; 616.96; 11138.00
        // 2023: 11138.00 × 3.97% = 442.1786; 4416 × 13/24 = 2392 × 3.97% = 94.9624; 537.141 → 537.14; 16091.14
        AccountInterest.Balance b = AccountInterest.balance(years(), RATES, 2024);
        assertThat(b.years()).extracting(AccountInterest.YearLine::interest).containsExactly(Money.yuan("125.63"),
                Money.yuan("411.41"), Money.yuan("616.96"), Money.yuan("537.14"), Money.ZERO);
        assertThat(b.years()).extracting(AccountInterest.YearLine::closing).containsExactly(Money.yuan("3965.63"),
                Money.yuan("8409.04"), Money.yuan("11138.00"), Money.yuan("16091.14"), Money.yuan("16091.14"));
        assertThat(b.credits()).isEqualTo(Money.yuan("14400.00"));
        assertThat(b.interest()).isEqualTo(Money.yuan("1691.14"));
        assertThat(b.balance()).isEqualTo(Money.yuan("16091.14"));
        assertThat(b.credited()).hasSize(4);
    }

    @Test
    @DisplayName("A year whose rate is not published (2023 here) credits no interest: its credits at face value, "
            + "11138.00 + 4416.00 = 15554.00; years after the day are left out")
    void unpublishedYear() {
        Map<Integer, AccountInterest.Rate> until2022 = Map.of(2020, rate("0.0604"), 2021, rate("0.0669"),
                2022, rate("0.0612"));
        AccountInterest.Balance b = AccountInterest.balance(years(), until2022, 2023);
        assertThat(b.balance()).isEqualTo(Money.yuan("15554.00"));
        assertThat(b.years().get(3).rate()).isNull();
        assertThat(AccountInterest.balance(years(), RATES, 2021).credits()).isEqualTo(Money.yuan("7872.00"));
        assertThat(AccountInterest.balance(List.of(), RATES, 2024)).isEqualTo(AccountInterest.Balance.EMPTY);
    }
}
