package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.payroll.Payroll.MonthWarning;

@DisplayName("Payroll screen safeguards (issue 17 item 6): the month suggested and when a month asks for confirmation")
class PayrollMonthTest {
    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    @DisplayName("suggested: the month after the last completed run, not before this month; this month when none ran")
    void suggested() {
        assertThat(Payroll.suggested(NOW, null)).isEqualTo(NOW);
        assertThat(Payroll.suggested(NOW, YearMonth.of(2026, 11))).isEqualTo(NOW);
        assertThat(Payroll.suggested(NOW, NOW)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(Payroll.suggested(NOW, YearMonth.of(2020, 4))).as("a run long ago").isEqualTo(NOW);
    }

    @Test
    @DisplayName("this month or next, right after the last run: no question; past, after next month, or not next in order: asked, with each reason")
    void warnings() {
        YearMonth last = YearMonth.of(2026, 11);
        assertThat(Payroll.warnings(NOW, last, NOW)).isEmpty();
        assertThat(Payroll.warnings(NOW, null, NOW.plusMonths(1))).isEmpty();
        assertThat(Payroll.warnings(NOW, last, NOW.plusMonths(1))).containsExactly(MonthWarning.OUT_OF_ORDER);
        assertThat(Payroll.warnings(NOW, last, YearMonth.of(2020, 4)))
                .containsExactly(MonthWarning.PAST, MonthWarning.OUT_OF_ORDER);
        assertThat(Payroll.warnings(NOW, null, YearMonth.of(2020, 4))).containsExactly(MonthWarning.PAST);
        assertThat(Payroll.warnings(NOW, NOW.plusMonths(1), NOW.plusMonths(2))).containsExactly(MonthWarning.FUTURE);
        assertThat(Payroll.warnings(NOW, null, NOW.plusMonths(3))).containsExactly(MonthWarning.FUTURE);
    }

    @Test
    @DisplayName("the list: newest first, from two months ahead back to January ten years before; a month chosen "
            + "outside it is added in its place")
    void monthChoices() {
        var months = Payroll.monthChoices(NOW, null);
        assertThat(months.get(0)).isEqualTo(YearMonth.of(2027, 2));
        assertThat(months.get(months.size() - 1)).isEqualTo(YearMonth.of(2016, 1));
        assertThat(months).hasSize(2 + 12 * 10 + 12).doesNotHaveDuplicates().contains(YearMonth.of(2020, 4));
        var withOld = Payroll.monthChoices(NOW, YearMonth.of(2005, 3));
        assertThat(withOld).hasSize(months.size() + 1).endsWith(YearMonth.of(2016, 1), YearMonth.of(2005, 3));
        assertThat(Payroll.monthChoices(NOW, YearMonth.of(2020, 4))).isEqualTo(months);
    }
}
