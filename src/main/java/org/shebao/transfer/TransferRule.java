package org.shebao.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Gender;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import java.util.Map;
import org.shebao.contribution.AccountInterest;
import org.shebao.contribution.ContributionYear;
import org.shebao.policy.Parameters;

/**
 * The transfer computed by the sending agency (国办发〔2009〕66号 暂行办法), a pure function of the person's rights
 * record, their age, gender and household registration, and the dated parameters:
 * <ul>
 *   <li>第四条（一）: the personal-account balance in full (the record's credits; before 1998 they are the person's own
 *       contributions);</li>
 *   <li>第四条（二）: from the pooled fund, {@code pension.transfer.pooledRate} (12%) of the actual contribution wages
 *       of each year since {@code pension.transfer.pooledFromYear} (1998) — the year's monthly base times its months,
 *       so a year of fewer than 12 months counts its months; years before 1998 move no pooled part;</li>
 *   <li>第五条（二）: a man of {@code ageMale} (50) or more, a woman of {@code ageFemale} (40) or more, moving to a place
 *       that is not their household registration's, keeps the record where it is and gets a temporary account
 *       (临时基本养老保险缴费账户) at the new place: nothing moves. Not when the new place already holds
 *       {@code recordKeptYears} (10) years of their contributions (第六条: the record may then be kept there).</li>
 * </ul>
 * The personal-account balance moved is the credits with their interest (记账利息), computed by
 * {@link AccountInterest}, the one rule for the balance (the pension calculation and the rights record call it too):
 * interest for every year before the transfer's year whose rate is published.
 */
public final class TransferRule {
    /** The first year whose interest rate is looked up (personal accounts began in the mid-1990s). */
    static final int FIRST_RATE_YEAR = 1993;

    private TransferRule() {
    }

    /** Why the record moves or stays. */
    public enum Outcome {
        /** Under the age threshold: record and funds move. */
        MOVES_UNDER_AGE,
        /** Back to the household registration's place: record and funds move. */
        MOVES_HOME,
        /** The new place holds 10 years of contributions already: record and funds move. */
        MOVES_YEARS_THERE,
        /** A temporary account at the new place; the record stays with the sending agency. */
        TEMPORARY_ACCOUNT
    }

    /** The parameters in force on the day, with their sources. */
    public record Params(BigDecimal pooledRate, int pooledFromYear, int ageMale, int ageFemale, int recordKeptYears,
                         String rateSource, String fromYearSource, String ageSource, String yearsSource,
                         Map<Integer, AccountInterest.Rate> interestRates) {
        /** The parameters without interest rates (the account at face value). */
        public Params(BigDecimal pooledRate, int pooledFromYear, int ageMale, int ageFemale, int recordKeptYears,
                      String rateSource, String fromYearSource, String ageSource, String yearsSource) {
            this(pooledRate, pooledFromYear, ageMale, ageFemale, recordKeptYears, rateSource, fromYearSource,
                    ageSource, yearsSource, Map.of());
        }

        public static Params of(Parameters p, RegionCode region, LocalDate on) {
            return new Params(p.decimal("pension.transfer.pooledRate", region, on),
                    p.integer("pension.transfer.pooledFromYear", region, on),
                    p.integer("pension.transfer.temporaryAccount.ageMale", region, on),
                    p.integer("pension.transfer.temporaryAccount.ageFemale", region, on),
                    p.integer("pension.transfer.recordKeptYears", region, on),
                    p.require("pension.transfer.pooledRate", region, on).source(),
                    p.require("pension.transfer.pooledFromYear", region, on).source(),
                    p.require("pension.transfer.temporaryAccount.ageMale", region, on).source(),
                    p.require("pension.transfer.recordKeptYears", region, on).source(),
                    AccountInterest.rates(p, region, FIRST_RATE_YEAR, on.getYear() - 1));
        }
    }

    /**
     * The person's facts: gender and age on the day, whether the new place is their household registration's, the
     * months of contributions the new place holds, the rights record's years and its months (each counted once).
     */
    public record Facts(Gender gender, int age, boolean hukouAtNewPlace, int monthsAtNewPlace,
                        List<ContributionYear> years, int months, int year) {
        /** The facts of a transfer made after the record's last year. */
        public Facts(Gender gender, int age, boolean hukouAtNewPlace, int monthsAtNewPlace,
                     List<ContributionYear> years, int months) {
            this(gender, age, hukouAtNewPlace, monthsAtNewPlace, years, months,
                    years.stream().mapToInt(ContributionYear::year).max().orElse(0));
        }
    }

    /** One year of the record: months, monthly base, wages (base × months), the pooled part, the account credit. */
    public record YearLine(int year, String regionCode, int months, Money monthlyBase, Money wages, Money pooled,
                           Money accountCredit) {
    }

    /**
     * The decision: outcome, the amounts computed (also when a temporary account keeps them where they are), what
     * is transferred now, the months of the record, each year, and the clauses with the parameters' sources.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(Outcome outcome, int age, int ageThreshold, int monthsAtNewPlace, Money personalAccount,
                           Money pooled, Money wagesSince, Money transferred, int months, List<YearLine> years,
                           BigDecimal pooledRate, int pooledFromYear, String source, Money accountCredits,
                           Money accountInterest, List<AccountInterest.YearLine> interest) {
        public boolean temporaryAccount() {
            return outcome == Outcome.TEMPORARY_ACCOUNT;
        }
    }

    /** The pooled part of a year's contribution wages (第四条第（二）项), rounded to the fen. */
    static Money pooledPart(Money wages, BigDecimal rate) {
        return wages.times(rate, RoundingMode.HALF_UP);
    }

    public static Decision decide(Facts f, Params p) {
        List<YearLine> lines = new ArrayList<>();
        Money pooled = Money.ZERO;
        Money wagesSince = Money.ZERO;
        for (ContributionYear y : f.years()) {
            Money wages = y.monthlyBase().times(y.months());
            Money part = Money.ZERO;
            if (y.year() >= p.pooledFromYear()) {
                part = pooledPart(wages, p.pooledRate());
                wagesSince = wagesSince.plus(wages);
            }
            pooled = pooled.plus(part);
            lines.add(new YearLine(y.year(), y.regionCode(), y.months(), y.monthlyBase(), wages, part, y.accountCredit()));
        }
        AccountInterest.Balance balance = AccountInterest.balance(f.years(), p.interestRates(), f.year());
        Money account = balance.balance();
        int threshold = f.gender() == Gender.MALE ? p.ageMale() : p.ageFemale();
        Outcome outcome;
        if (f.age() < threshold) {
            outcome = Outcome.MOVES_UNDER_AGE;
        } else if (f.hukouAtNewPlace()) {
            outcome = Outcome.MOVES_HOME;
        } else if (f.monthsAtNewPlace() >= p.recordKeptYears() * 12) {
            outcome = Outcome.MOVES_YEARS_THERE;
        } else {
            outcome = Outcome.TEMPORARY_ACCOUNT;
        }
        String source = "国办发〔2009〕66号 暂行办法 第四条（个人账户储存额全额、统筹基金按" + p.pooledFromYear()
                + "年起各年度实际缴费工资的" + p.pooledRate().movePointRight(2).stripTrailingZeros().toPlainString()
                + "%）" + (balance.credited().isEmpty() ? "" : "；个人账户储存额含记账利息" + balance.interest()
                        + "元（劳社厅发〔1997〕116号 年度计息、月积数法；记账利率见各年度）") + switch (outcome) {
                    case MOVES_UNDER_AGE -> "；第五条（未满临时账户年龄，关系随同转移）";
                    case MOVES_HOME -> "；第五条第（一）项（回户籍所在地参保，关系随同转移）";
                    case MOVES_YEARS_THERE -> "；第六条（新参保地累计缴费满" + p.recordKeptYears() + "年，关系转入该地）";
                    case TEMPORARY_ACCOUNT -> "；第五条第（二）项（男" + p.ageMale() + "周岁、女" + p.ageFemale()
                            + "周岁以上未回户籍地：原参保地保留关系，新参保地建立临时基本养老保险缴费账户）";
                };
        Money transferred = outcome == Outcome.TEMPORARY_ACCOUNT ? Money.ZERO : account.plus(pooled);
        return new Decision(outcome, f.age(), threshold, f.monthsAtNewPlace(), account, pooled, wagesSince, transferred,
                f.months(), List.copyOf(lines), p.pooledRate(), p.pooledFromYear(), source, balance.credits(),
                balance.interest(), balance.years());
    }
}
