package org.shebao.contribution;

import java.util.List;
import org.shebao.common.Money;

/** A person's contribution history with its totals. */
public record RightsRecord(long personId, List<ContributionYear> years) {

    public int totalMonths() {
        return years.stream().mapToInt(ContributionYear::months).sum();
    }

    public Money accountTotal() {
        return years.stream().map(ContributionYear::accountCredit).reduce(Money.ZERO, Money::plus);
    }
}
