package org.shebao.contribution;

import java.math.BigDecimal;
import java.util.List;

/** A person's contribution history with its totals. */
public record RightsRecord(long personId, List<ContributionYear> years) {

    public int totalMonths() {
        return years.stream().mapToInt(ContributionYear::months).sum();
    }

    public BigDecimal accountTotal() {
        return years.stream().map(ContributionYear::accountCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
