package org.shebao.contribution;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A person's monthly contribution wages (缴费工资) as the contribution records hold them, for the benefits that are
 * computed from them (e.g. a work-injured worker's own wage, 工伤保险条例 第六十四条). A month with an employer's bill
 * line of the insurance has the base that line used; a month without one falls back on the yearly rights record
 * (imported history): the year's monthly base for its first {@code months} months. A month with neither was not paid.
 */
@Service
@RequiredArgsConstructor
public class WageHistory {
    private final JdbcClient jdbc;

    /** Where a month's wage was read. */
    public enum Source { BILL, YEAR }

    public record MonthlyWage(YearMonth month, Money base, Source source) {
    }

    /** The months from {@code from} to {@code to} (both included) with a contribution wage, in order. */
    public List<MonthlyWage> monthly(long personId, Insurance insurance, YearMonth from, YearMonth to) {
        Map<YearMonth, MonthlyWage> out = new TreeMap<>();
        jdbc.sql("""
                SELECT b.year, b.month, l.base_used FROM contribution_bill_line l
                  JOIN contribution_bill b ON b.id = l.bill_id AND b.region_code = l.region_code
                 WHERE l.person_id = :p AND l.insurance = :i
                   AND make_date(b.year, b.month, 1) BETWEEN :from AND :to""")
                .param("p", personId).param("i", insurance.name()).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(rs -> {
                    YearMonth m = YearMonth.of(rs.getInt("year"), rs.getInt("month"));
                    out.put(m, new MonthlyWage(m, new Money(rs.getBigDecimal("base_used")), Source.BILL));
                });
        List<MonthlyWage> years = new ArrayList<>();
        jdbc.sql("SELECT year, months, monthly_base FROM contribution_year WHERE person_id = :p AND year BETWEEN :a AND :b"
                        + " AND months > 0")
                .param("p", personId).param("a", from.getYear()).param("b", to.getYear())
                .query(rs -> {
                    for (int m = 1; m <= rs.getInt("months"); m++) {
                        years.add(new MonthlyWage(YearMonth.of(rs.getInt("year"), m),
                                new Money(rs.getBigDecimal("monthly_base")), Source.YEAR));
                    }
                });
        for (MonthlyWage w : years) {
            if (!w.month().isBefore(from) && !w.month().isAfter(to)) {
                out.putIfAbsent(w.month(), w);
            }
        }
        return List.copyOf(out.values());
    }
}
