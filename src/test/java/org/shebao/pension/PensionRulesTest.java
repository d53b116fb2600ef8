package org.shebao.pension;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.Emergency;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.PolicyBook;
import java.util.TreeMap;

@DisplayName("Pension rules, by clause")
class PensionRulesTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final RegionCode FUZHOU = new RegionCode("350100");

    @Test
    @DisplayName("国发〔2005〕38号: basic part from last year's average wage, index and years; account part by the months divisor")
    void formula() {
        PensionCalculation c = new PensionFormula(BOOK.parameters()).compute(new PensionFacts(FUZHOU,
                LocalDate.of(2020, 2, 12), 60, 336, new BigDecimal("1.3"), Money.yuan("98000.00")));
        assertThat(c.basicPart()).isEqualTo(Money.yuan("1550.43"));
        assertThat(c.accountPart()).isEqualTo(Money.yuan("705.04"));
        assertThat(c.total()).isEqualTo(Money.yuan("2255.47"));
        assertThat(c.lines()).anySatisfy(l -> {
            assertThat(l.label()).contains("计发月数（60岁）");
            assertThat(l.value()).isEqualTo("139");
            assertThat(l.source()).contains("国发〔2005〕38号");
        });
        assertThat(c.lines().get(0).label()).as("an illustrative wage says so").contains("示例数值");
    }

    private static MeasureStatus arrears(LocalDate lifted, LocalDate on) {
        Emergency fj = new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null, lifted, 0);
        return BOOK.measure("ARREARS_AFTER_LATE_DECLARATION", FUZHOU, on, List.of(fj));
    }

    @Test
    @DisplayName("FJ-1.2 / N-1d: declared late in the emergency, entitled from the month after the 60th birthday, "
            + "arrears in the payroll after approval")
    void lateUnderEmergency() {
        EntitlementDecision d = Entitlements.decide(LocalDate.of(2020, 2, 12), LocalDate.of(2020, 3, 10),
                LocalDate.of(2020, 6, 15), LocalDate.of(2020, 6, 20), arrears(null, LocalDate.of(2020, 6, 15)));
        assertThat(d.firstMonth()).isEqualTo(YearMonth.of(2020, 3));
        assertThat(d.arrearsMonths()).isEqualTo(4);
        assertThat(d.arrearsPayroll()).isEqualTo(YearMonth.of(2020, 7));
        assertThat(d.clauses()).containsExactly("N-1d", "FJ-1.2");
    }

    @Test
    @DisplayName("N-1d: after the emergency a late declaration follows the normal rule (from the month after it)")
    void lateAfterEmergency() {
        EntitlementDecision d = Entitlements.decide(LocalDate.of(2020, 2, 12), LocalDate.of(2020, 6, 10),
                LocalDate.of(2020, 6, 15), LocalDate.of(2020, 6, 20),
                arrears(LocalDate.of(2020, 4, 30), LocalDate.of(2020, 6, 15)));
        assertThat(d.rule()).isEqualTo("LATE_NORMAL_RULE");
        assertThat(d.firstMonth()).isEqualTo(YearMonth.of(2020, 7));
        assertThat(d.arrearsMonths()).isZero();
    }

    @Test
    @DisplayName("FJ-1.3 多扣少补: an under-payment is paid at once; an over-payment deducted at most a share a month")
    void settlement() {
        Map<YearMonth, Money> paid = Map.of(YearMonth.of(2020, 3), Money.yuan("1800.00"),
                YearMonth.of(2020, 4), Money.yuan("1800.00"));
        Settlement up = Settlement.settle(YearMonth.of(2020, 3), YearMonth.of(2020, 4), Money.yuan("2000.00"), paid,
                YearMonth.of(2020, 5), new BigDecimal("0.5"));
        assertThat(up.total()).isEqualTo(Money.yuan("400.00"));
        assertThat(up.schedule()).containsExactly(new Settlement.Installment(YearMonth.of(2020, 5), Money.yuan("400.00")));
        Settlement down = Settlement.settle(YearMonth.of(2020, 3), YearMonth.of(2020, 5), Money.yuan("1000.00"), paid,
                YearMonth.of(2020, 6), new BigDecimal("0.5"));
        assertThat(down.months()).extracting(Settlement.Month::difference).extracting(Money::toString)
                .containsExactly("-800.00", "-800.00", "1000.00");
        assertThat(down.total()).isEqualTo(Money.yuan("-600.00"));
        assertThat(down.schedule()).extracting(i -> i.payroll() + " " + i.amount())
                .containsExactly("2020-06 -500.00", "2020-07 -100.00");
    }

    @Test
    @DisplayName("N-1b / FJ-1.3 多扣少补 after the SX-1a window closed: months pre-paid before the new first month are due "
            + "nothing and recovered; a month the payroll did not pay is due in full; no pre-paid month is left out")
    void settlementWithLaterFirstMonth() {
        Map<YearMonth, Money> paid = new TreeMap<>(Map.of(
                YearMonth.of(2026, 3), Money.yuan("1800.00"), YearMonth.of(2026, 4), Money.yuan("1800.00"),
                YearMonth.of(2026, 6), Money.yuan("1800.00")));
        Settlement s = Settlement.settle(YearMonth.of(2026, 3), YearMonth.of(2026, 6), YearMonth.of(2026, 5),
                Money.yuan("2000.00"), paid, YearMonth.of(2026, 7), new BigDecimal("0.5"));
        assertThat(s.months()).extracting(m -> m.month() + " " + m.due() + " " + m.paid() + " " + m.difference())
                .containsExactly("2026-03 0.00 1800.00 -1800.00", "2026-04 0.00 1800.00 -1800.00",
                        "2026-05 2000.00 0.00 2000.00", "2026-06 2000.00 1800.00 200.00");
        assertThat(s.total()).isEqualTo(Money.yuan("-1400.00"));
        assertThat(s.schedule()).extracting(i -> i.payroll() + " " + i.amount())
                .containsExactly("2026-07 -1000.00", "2026-08 -400.00");
    }
}
