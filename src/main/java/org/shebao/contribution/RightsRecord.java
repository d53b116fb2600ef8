package org.shebao.contribution;

import java.util.List;
import org.shebao.common.Money;

/**
 * A person's contribution history with its totals: the years (the history loaded in bulk, with the paid months of
 * {@code months} added to their year) and the paid months one by one.
 */
public record RightsRecord(long personId, List<ContributionYear> years, List<PaidMonth> months) {

    public RightsRecord(long personId, List<ContributionYear> years) {
        this(personId, years, List.of());
    }

    public int totalMonths() {
        return years.stream().mapToInt(ContributionYear::months).sum();
    }

    public Money accountTotal() {
        return years.stream().map(ContributionYear::accountCredit).reduce(Money.ZERO, Money::plus);
    }

    /** Whether every paid month counts in its own month: no break in continuity from a back payment. */
    public boolean unbroken() {
        return months.stream().allMatch(PaidMonth::ownMonth);
    }

    /** The paid months of one year, in month order. */
    public List<PaidMonth> monthsOf(int year) {
        return months.stream().filter(m -> m.month().getYear() == year).toList();
    }
}
