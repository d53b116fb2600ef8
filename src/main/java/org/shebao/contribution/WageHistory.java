package org.shebao.contribution;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.springframework.stereotype.Service;

/**
 * A person's monthly contribution wages (缴费工资) as the rights record holds them, for the benefits computed from them
 * (e.g. a work-injured worker's own wage, 工伤保险条例 第六十四条): each paid month with its base (the person's own
 * payments and the employers' bills paid in full); for a year with no paid month, the yearly history loaded in bulk,
 * its monthly base for its first {@code months} months. A month with neither was not paid.
 */
@Service
@RequiredArgsConstructor
public class WageHistory {
    private final Contributions contributions;

    /** Where a month's wage was read. */
    public enum Source { PAID_MONTH, YEAR }

    public record MonthlyWage(YearMonth month, Money base, Source source) {
    }

    /** The months from {@code from} to {@code to} (both included) with a contribution wage, in order. */
    public List<MonthlyWage> monthly(long personId, YearMonth from, YearMonth to) {
        RightsRecord record = contributions.rightsRecord(personId);
        Map<YearMonth, MonthlyWage> out = new TreeMap<>();
        for (PaidMonth m : record.months()) {
            out.put(m.month(), new MonthlyWage(m.month(), m.base(), Source.PAID_MONTH));
        }
        Set<Integer> yearsWithPaidMonths = record.months().stream().map(m -> m.month().getYear())
                .collect(Collectors.toSet());
        for (ContributionYear y : record.years()) {
            if (!yearsWithPaidMonths.contains(y.year())) { // the merged row of such a year already counts them
                for (int m = 1; m <= y.months(); m++) {
                    out.putIfAbsent(YearMonth.of(y.year(), m), new MonthlyWage(YearMonth.of(y.year(), m),
                            y.monthlyBase(), Source.YEAR));
                }
            }
        }
        return out.values().stream().filter(w -> !w.month().isBefore(from) && !w.month().isAfter(to)).toList();
    }
}
