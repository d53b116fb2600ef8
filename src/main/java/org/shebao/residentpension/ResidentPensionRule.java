package org.shebao.residentpension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValue;

/**
 * 国发〔2014〕8号 七 and 六, as pure functions of the facts and the parameters.
 * <ul>
 *   <li>Eligibility: the benefit age (60, {@code residentPension.benefitAge}) and 15 contribution years
 *       ({@code residentPension.minimumContributionYears}), with the transitional cases counted from the day the pilot
 *       schemes began here ({@code residentPension.schemeStartedOn}): already at the benefit age then, no contribution
 *       is required (NO_CONTRIBUTION_REQUIRED); under 15 years to go then, one contribution a year from then to the
 *       benefit age (YEARLY_UNTIL_AGE; back-payment allowed, at most 15 in all); otherwise 15 years
 *       (FIFTEEN_YEARS).</li>
 *   <li>Monthly amount of a benefit month: the basic pension (the central minimum
 *       {@code residentPension.basicPension.centralMinimum} plus the province's top-up
 *       {@code residentPension.basicPension.provincialTopUp}, both as of the month) plus the personal-account pension
 *       (the account's balance ÷ {@code residentPension.account.divisor}, 139, rounded half-up to the fen).</li>
 * </ul>
 */
public final class ResidentPensionRule {
    public static final String NO_CONTRIBUTION_REQUIRED = "NO_CONTRIBUTION_REQUIRED";
    public static final String YEARLY_UNTIL_AGE = "YEARLY_UNTIL_AGE";
    public static final String FIFTEEN_YEARS = "FIFTEEN_YEARS";

    private ResidentPensionRule() {
    }

    /**
     * Whether the contribution years suffice: which transitional case applies, the years it requires, and its source.
     */
    public record Eligibility(String rule, LocalDate reachedAgeOn, LocalDate schemeStartedOn, int requiredYears,
                              int contributionYears, boolean met, String source, boolean illustrative) {
    }

    /**
     * One benefit month's pension with its parts: the basic pension (central minimum + the province's top-up) and the
     * personal-account pension (balance ÷ divisor), each with its source; {@code illustrative} when any figure is.
     */
    public record MonthlyAmount(YearMonth month, Money centralMinimum, String centralSource, Money topUp,
                                String topUpSource, Money basic, Money balance, int divisor, String divisorSource,
                                Money account, Money total, boolean illustrative) {
    }

    public static Eligibility eligibility(LocalDate reachedAgeOn, int contributionYears, ParameterValue minimumYears,
                                          ParameterValue schemeStartedOn) {
        LocalDate start = (LocalDate) schemeStartedOn.value();
        int minimum = (Integer) minimumYears.value();
        String rule;
        int required;
        if (!reachedAgeOn.isAfter(start)) {
            rule = NO_CONTRIBUTION_REQUIRED;
            required = 0;
        } else {
            long months = start.until(reachedAgeOn, ChronoUnit.MONTHS);
            int yearsToGo = (int) ((months + 11) / 12);
            rule = yearsToGo < minimum ? YEARLY_UNTIL_AGE : FIFTEEN_YEARS;
            required = Math.min(minimum, yearsToGo);
        }
        return new Eligibility(rule, reachedAgeOn, start, required, contributionYears, contributionYears >= required,
                minimumYears.source() + "；" + schemeStartedOn.source(), schemeStartedOn.illustrative());
    }

    public static MonthlyAmount amount(YearMonth month, ParameterValue centralMinimum, ParameterValue topUp,
                                       Money balance, ParameterValue divisor) {
        Money central = Money.of((BigDecimal) centralMinimum.value());
        Money local = Money.of((BigDecimal) topUp.value());
        int d = (Integer) divisor.value();
        Money account = Money.of(balance.amount().divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP));
        Money basic = central.plus(local);
        return new MonthlyAmount(month, central, centralMinimum.source(), local, topUp.source(), basic, balance, d,
                divisor.source(), account, basic.plus(account), centralMinimum.illustrative() || topUp.illustrative());
    }
}
