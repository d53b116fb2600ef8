package org.shebao.unemployment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.shebao.common.Money;

/**
 * 失业保险条例 第十五条: payment stops when one of the article's events happens; the month of the event is the last one
 * paid (the order ends from the next month), and whatever the payroll paid for a later benefit month is recovered
 * from the person.
 */
public final class StopRule {
    private StopRule() {
    }

    /** The last benefit month paid, and the months paid after it with their amounts (to recover). */
    public record Stop(YearMonth lastMonth, Map<YearMonth, Money> toRecover) {
        public Money total() {
            return toRecover.values().stream().reduce(Money.ZERO, Money::plus);
        }
    }

    /**
     * @param eventOn the day of the event (re-employment: the new employment's first day)
     * @param paid what completed runs paid, per benefit month
     */
    public static Stop decide(LocalDate eventOn, Map<YearMonth, Money> paid) {
        YearMonth last = YearMonth.from(eventOn);
        Map<YearMonth, Money> recover = new TreeMap<>();
        paid.forEach((m, a) -> {
            if (m.isAfter(last) && a.isPositive()) {
                recover.put(m, a);
            }
        });
        return new Stop(last, recover);
    }
}
