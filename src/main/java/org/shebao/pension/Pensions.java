package org.shebao.pension;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.ContributionYear;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.RightsRecord;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Parameters;
import org.springframework.stereotype.Service;

/**
 * Pension facts from the rights record (months, average indexed wage index, account balance), the calculation
 * (国发〔2005〕38号) and the standing order that pays it.
 */
@Service
@RequiredArgsConstructor
public class Pensions {
    private final Contributions contributions;
    private final Parameters parameters;
    private final StandingOrders orders;

    /** The facts of a person's record for a retirement on {@code retiredOn} at {@code age}. */
    public PensionFacts facts(long personId, RegionCode region, LocalDate retiredOn, int age) {
        RightsRecord r = contributions.rightsRecord(personId);
        BigDecimal weighted = BigDecimal.ZERO;
        int months = 0;
        for (ContributionYear y : r.years()) {
            if (y.months() == 0 || y.year() >= retiredOn.getYear() + 1) {
                continue;
            }
            BigDecimal avg = parameters.find("wage.average.monthly", new RegionCode(y.regionCode()),
                    LocalDate.of(y.year(), 7, 1)).map(v -> (BigDecimal) v.value()).orElse(null);
            if (avg == null || avg.signum() == 0) {
                continue;
            }
            weighted = weighted.add(y.monthlyBase().amount().divide(avg, MathContext.DECIMAL64).multiply(BigDecimal.valueOf(y.months())));
            months += y.months();
        }
        BigDecimal index = months == 0 ? BigDecimal.ZERO : weighted.divide(BigDecimal.valueOf(months), 4, RoundingMode.HALF_UP);
        // the account's balance with its interest (个人账户储存额), by the one rule for it
        return new PensionFacts(region, retiredOn, age, r.totalMonths(), index,
                contributions.accountBalance(r, region, retiredOn).balance());
    }

    /**
     * The personal-account balance of the person's rights record (what the contributions credited). The one place the
     * survivors' inheritance reads it (社会保险法 第十四条); interest on the account, when it is modelled, belongs here.
     */
    public Money accountBalance(long personId) {
        return contributions.rightsRecord(personId).accountTotal();
    }

    public PensionCalculation calculate(PensionFacts f) {
        return new PensionFormula(parameters).compute(f);
    }

    /** Starts paying a computed pension from a month (a standing order of the payroll). */
    public long startPayment(long personId, RegionCode region, Money monthly, YearMonth from,
                             LocalDate certifiedUntil, String bankAccount, String accountName, String sourceRef) {
        return orders.registerOrder(new StandingOrders.NewOrder(personId, region, Benefit.PENSION, OrderKind.REGULAR, monthly, from,
                certifiedUntil, bankAccount, accountName, "", sourceRef));
    }

    /** Starts a pre-payment (N-1b, FJ-1.3) at a standard amount, flagged with its clauses. */
    public long startPrepayment(long personId, RegionCode region, Money monthly, YearMonth from,
                                LocalDate certifiedUntil, String bankAccount, String accountName, String flags,
                                String sourceRef) {
        return orders.registerOrder(new StandingOrders.NewOrder(personId, region, Benefit.PENSION, OrderKind.PREPAYMENT, monthly, from,
                certifiedUntil, bankAccount, accountName, flags, sourceRef));
    }
}
