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

    /**
     * The months of contributions, each counted once: a year recorded in two regions (a record taken over from
     * another agency, 国办发〔2009〕66号) counts at most 12 months.
     */
    public int totalMonths() {
        return monthsIn("");
    }

    /** The months of contributions recorded in a region (and below), each year at most 12. */
    public int monthsIn(String regionPrefix) {
        return years.stream().filter(y -> y.regionCode().startsWith(regionPrefix))
                .collect(java.util.stream.Collectors.groupingBy(ContributionYear::year,
                        java.util.stream.Collectors.summingInt(ContributionYear::months)))
                .values().stream().mapToInt(m -> Math.min(12, m)).sum();
    }

    /**
     * The months that came from other places (a record taken over by a transfer, 国办发〔2009〕66号): the total less
     * the months recorded in the region, each month counted once (a year's months in both places count at most 12).
     */
    public int monthsFromElsewhere(String regionPrefix) {
        return totalMonths() - monthsIn(regionPrefix);
    }

    /** The part of the record contributed in a region (and below): what an agency that held it before may read. */
    public RightsRecord within(String regionPrefix) {
        return new RightsRecord(personId, years.stream().filter(y -> y.regionCode().startsWith(regionPrefix)).toList(),
                months.stream().filter(m -> m.regionCode().startsWith(regionPrefix)).toList());
    }

    /** The part of the record contributed outside a region: what a transfer to that region moves. */
    public RightsRecord outside(String regionPrefix) {
        return new RightsRecord(personId, years.stream().filter(y -> !y.regionCode().startsWith(regionPrefix)).toList(),
                months.stream().filter(m -> !m.regionCode().startsWith(regionPrefix)).toList());
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
