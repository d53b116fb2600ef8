package org.shebao.contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Parameters;

/**
 * The personal account's balance with its credited interest (个人账户储存额 = 记账额 + 记账利息), the one rule that
 * every screen, document and calculation reporting the balance calls (the transfer, the pension, the rights record).
 * <p>
 * The convention is the annual one of 《职工基本养老保险个人账户管理暂行办法》(劳社厅发〔1997〕116号), with the rate of
 * {@code pension.personalAccount.interestRate} (nationally unified from 2016, 人社部发〔2017〕31号; before, each
 * province's own, illustrative here): each year with a published rate <i>r</i>,
 * <ul>
 *   <li>the opening balance (last year's closing balance, 历年累计储存额) earns a full year: opening × r;</li>
 *   <li>the year's credits (当年记账额) earn by the month-product method (月积数法): a month's credit earns for the
 *       months left in the year including its own, (12 − n + 1)/12 × r. The record holds a year's credits and months
 *       count, not each month: its m months are taken as January to month m, which gives credits × r × (25 − m)/24
 *       (12 months: × 13/24, the 1.083 × 1/2 of the method's annual form);</li>
 *   <li>each year's interest is rounded to the fen (HALF_UP) and added to the closing balance.</li>
 * </ul>
 * A year whose rate is not published yet (the current year, or a later year before the notice) credits no interest:
 * its credits are carried at face value until the rate is known.
 */
public final class AccountInterest {
    public static final String RATE_KEY = "pension.personalAccount.interestRate";
    private static final BigDecimal TWENTY_FOUR = BigDecimal.valueOf(24);

    private AccountInterest() {
    }

    /** One year's published rate and its source; {@code illustrative} when not an official figure. */
    public record Rate(BigDecimal rate, String source, boolean illustrative) {
    }

    /** One year of the account: opening balance, credits, the rate (null: not published), interest, closing. */
    public record YearLine(int year, Money opening, int months, Money credits, BigDecimal rate, Money interest,
                           Money closing, String source) {
    }

    /** The account through a year: credits summed, interest summed, the balance, each year, the sources used. */
    public record Balance(Money credits, Money interest, Money balance, List<YearLine> years, int throughYear) {
        public static final Balance EMPTY = new Balance(Money.ZERO, Money.ZERO, Money.ZERO, List.of(), 0);

        /** The year lines that credited interest. */
        public List<YearLine> credited() {
            return years.stream().filter(y -> y.rate() != null).toList();
        }
    }

    /**
     * The published rate of each year from {@code firstYear} to {@code lastYear} in force for the region (a year's
     * rate is the value in force on its 31 December); a year without one is absent.
     */
    public static Map<Integer, Rate> rates(Parameters parameters, RegionCode region, int firstYear, int lastYear) {
        Map<Integer, Rate> out = new TreeMap<>();
        for (int y = firstYear; y <= lastYear; y++) {
            int year = y;
            parameters.find(RATE_KEY, region, LocalDate.of(y, 12, 31)).ifPresent(v ->
                    out.put(year, new Rate((BigDecimal) v.value(), v.source(), v.illustrative())));
        }
        return out;
    }

    /**
     * The balance at the end of {@code throughYear} (years after it are left out): the years' credits in year order
     * (two regions' rows of one year are one year), with the interest of each year whose rate is in {@code rates}.
     */
    public static Balance balance(List<ContributionYear> years, Map<Integer, Rate> rates, int throughYear) {
        Map<Integer, Money> credits = new TreeMap<>();
        Map<Integer, Integer> months = new TreeMap<>();
        for (ContributionYear y : years) {
            if (y.year() <= throughYear) {
                credits.merge(y.year(), y.accountCredit(), Money::plus);
                months.merge(y.year(), y.months(), Integer::sum);
            }
        }
        if (credits.isEmpty()) {
            return Balance.EMPTY;
        }
        List<YearLine> lines = new ArrayList<>();
        Money balance = Money.ZERO;
        Money interest = Money.ZERO;
        Money total = Money.ZERO;
        for (int year = credits.keySet().iterator().next(); year <= throughYear; year++) {
            Money credit = credits.getOrDefault(year, Money.ZERO);
            int m = Math.min(12, months.getOrDefault(year, 0));
            Rate rate = rates.get(year);
            Money earned = Money.ZERO;
            if (rate != null) {
                BigDecimal onOpening = balance.amount().multiply(rate.rate());
                BigDecimal onCredits = credit.amount().multiply(rate.rate()).multiply(BigDecimal.valueOf(25 - Math.max(m, 1)))
                        .divide(TWENTY_FOUR, 10, RoundingMode.HALF_UP);
                earned = new Money(onOpening.add(onCredits).setScale(2, RoundingMode.HALF_UP));
            }
            Money closing = balance.plus(credit).plus(earned);
            if (!(credit.isZero() && rate == null && balance.isZero())) {
                lines.add(new YearLine(year, balance, m, credit, rate == null ? null : rate.rate(), earned, closing,
                        rate == null ? null : rate.source()));
            }
            balance = closing;
            interest = interest.plus(earned);
            total = total.plus(credit);
        }
        return new Balance(total, interest, balance, List.copyOf(lines), throughYear);
    }
}
