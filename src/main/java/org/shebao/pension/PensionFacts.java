package org.shebao.pension;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;

/**
 * What the enterprise basic pension is computed from: where, the day the person retired, their age then, the months
 * of contribution, their average indexed contribution wage index (平均缴费指数) and the personal-account balance.
 */
public record PensionFacts(RegionCode region, LocalDate retiredOn, int retirementAge, int contributionMonths,
                           BigDecimal wageIndex, Money accountBalance) {
    public PensionFacts {
        if (contributionMonths < 0 || wageIndex.signum() < 0 || accountBalance.isNegative()) {
            throw new IllegalArgumentException("pension facts cannot be negative");
        }
    }
}
