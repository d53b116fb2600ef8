package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.ledger.Fund;
import org.shebao.policy.Deadline;
import org.shebao.policy.Emergency;
import org.shebao.policy.PolicyBook;

/**
 * Which rule applies to a late payment of a bill (LatePaymentRule), on the shipped parameters, by hand: the late fee
 * is 0.05% a day (社会保险法 第八十六条) of the amount settled, counted from the day after the due date to the payment
 * date, rounded once to the fen (HALF_UP). A bill of month M is due on the 15th of M+1 (contribution.bill.dueDay,
 * illustrative). Fujian's emergency: declared 2020-01-24, lifted (assumed) 2020-04-30, so lifted + 3 months =
 * 2020-07-30, a Thursday.
 */
@DisplayName("Late payments: fee to the fen, N-5c / FJ-5c waiver by lifted + 3 months, deferral (缓缴) waiver")
class LatePaymentRuleTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final LatePaymentRule RULE = new LatePaymentRule(new LateFeeRule(BOOK.parameters()));
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final Money SETTLED = Money.yuan("1234.56");
    private static final List<String> CLAUSES = List.of("N-5c", "FJ-5c");
    private static final Deadline LIFTED_PLUS_3 = BOOK.deadline(BOOK.rule("LIFTED_PLUS_3_MONTHS"),
            new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null,
                    LocalDate.of(2020, 4, 30), 0));
    private static final Deadline PENDING = BOOK.deadline(BOOK.rule("LIFTED_PLUS_3_MONTHS"),
            new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null, null, 0));
    /** The March 2020 bill: due 2020-04-15. */
    private static final LocalDate MARCH_DUE = LocalDate.of(2020, 4, 15);

    private static LateFeeDecision decide(LocalDate dueOn, LocalDate paidOn, EmployerDeferral deferral,
                                          boolean measureInForce, Deadline deadline) {
        return RULE.decide(new LatePaymentRule.Facts(FUZHOU, SETTLED, dueOn, paidOn, deferral, measureInForce,
                CLAUSES, deadline));
    }

    private static EmployerDeferral deferral(YearMonth from, int months) {
        YearMonth to = from.plusMonths(months - 1);
        // ends on the due date of the last month's bill (the 15th of the month after)
        return new EmployerDeferral(1, 7, "350100", from, to, months, to.plusMonths(1).atDay(15), "受疫情影响停产",
                "人社部发〔2020〕11号 第三条", "3501-20200301-000001", "fz.reviewer", null, PENDING);
    }

    @Test
    @DisplayName("社会保险法 第八十六条: the November 2019 bill (due 2019-12-15, before the emergency) paid 2020-01-20: "
            + "36 days → 22.22, no waiver")
    void lateFeeToTheFen() {
        // days 2019-12-16 … 2020-01-20 = 16 + 20 = 36; 1234.56 × 0.0005 × 36 = 22.22208 → 22.22
        LateFeeDecision d = decide(LocalDate.of(2019, 12, 15), LocalDate.of(2020, 1, 20), null, false, null);
        assertThat(d.days()).isEqualTo(36);
        assertThat(d.charged()).isEqualTo(Money.yuan("22.22"));
        assertThat(d.isWaived()).isFalse();
        assertThat(d.sources()).containsExactly("社会保险法 第八十六条（自欠缴之日起，按日加收万分之五的滞纳金）");
    }

    @Test
    @DisplayName("N-5c / FJ-5c: the March 2020 bill paid 2020-07-30 (= lifted + 3 months): 65.43 computed, all waived")
    void waivedInsideLiftedPlusThreeMonths() {
        // days 2020-04-16 … 2020-07-30 = 15 + 31 + 30 + 30 = 106; 1234.56 × 0.0005 × 106 = 65.43168 → 65.43
        LateFeeDecision d = decide(MARCH_DUE, LocalDate.of(2020, 7, 30), null, true, LIFTED_PLUS_3);
        assertThat(d.days()).isEqualTo(106);
        assertThat(d.computed()).isEqualTo(Money.yuan("65.43"));
        assertThat(d.waived()).isEqualTo(Money.yuan("65.43"));
        assertThat(d.charged()).isEqualTo(Money.yuan("0.00"));
        assertThat(d.waiver().reason()).contains("2020-07-30");
        assertThat(d.sources()).contains("N-5c", "FJ-5c");
    }

    @Test
    @DisplayName("N-5c / FJ-5c: one day after (2020-07-31) the normal rule applies: 107 days → 66.05 charged")
    void oneDayAfter() {
        // 1234.56 × 0.0005 × 107 = 66.04896 → 66.05
        LateFeeDecision d = decide(MARCH_DUE, LocalDate.of(2020, 7, 31), null, true, LIFTED_PLUS_3);
        assertThat(d.days()).isEqualTo(107);
        assertThat(d.charged()).isEqualTo(Money.yuan("66.05"));
        assertThat(d.isWaived()).isFalse();
        assertThat(d.sources()).doesNotContain("N-5c");
    }

    @Test
    @DisplayName("N-5c: while the lifted date is unknown the deadline is pending: a payment a year late is waived")
    void pending() {
        LateFeeDecision d = decide(MARCH_DUE, LocalDate.of(2021, 4, 15), null, true, PENDING);
        // 365 days; 1234.56 × 0.0005 × 365 = 225.3072 → 225.31 computed, waived
        assertThat(d.days()).isEqualTo(365);
        assertThat(d.computed()).isEqualTo(Money.yuan("225.31"));
        assertThat(d.charged()).isEqualTo(Money.yuan("0.00"));
        assertThat(d.waiver().reason()).contains("待定");
    }

    @Test
    @DisplayName("the measure not in force on the due date (e.g. due after lifted + 3 months): no waiver, whatever the deadline")
    void measureNotInForce() {
        LateFeeDecision d = decide(MARCH_DUE, LocalDate.of(2020, 5, 15), null, false, PENDING);
        // 30 days; 1234.56 × 0.0005 × 30 = 18.5184 → 18.52
        assertThat(d.charged()).isEqualTo(Money.yuan("18.52"));
    }

    @Test
    @DisplayName("缓缴 (人社部发〔2020〕11号 第三条): March 2020 deferred Feb–Jul (ends 2020-08-15), paid 2020-07-20: "
            + "59.26 computed, waived citing the deferral")
    void deferralWaiver() {
        // days 2020-04-16 … 2020-07-20 = 15 + 31 + 30 + 20 = 96; 1234.56 × 0.0005 × 96 = 59.25888 → 59.26
        LateFeeDecision d = decide(MARCH_DUE, LocalDate.of(2020, 7, 20), deferral(YearMonth.of(2020, 2), 6), false,
                null);
        assertThat(d.days()).isEqualTo(96);
        assertThat(d.computed()).isEqualTo(Money.yuan("59.26"));
        assertThat(d.charged()).isEqualTo(Money.yuan("0.00"));
        assertThat(d.waiver().reason()).contains("缓缴至2020-08-15").contains("3501-20200301-000001");
        assertThat(d.sources()).contains("人社部发〔2020〕11号 第三条");
    }

    @Test
    @DisplayName("缓缴: paid 2020-08-25, after the deferral ended 2020-08-15 (and no N-5c): the fee counts from the "
            + "deferral's end: 10 days → 6.17")
    void afterDeferral() {
        // days 2020-08-16 … 2020-08-25 = 10; 1234.56 × 0.0005 × 10 = 6.1728 → 6.17
        LateFeeDecision d = decide(MARCH_DUE, LocalDate.of(2020, 8, 25), deferral(YearMonth.of(2020, 2), 6), false,
                null);
        assertThat(d.dueOn()).isEqualTo(LocalDate.of(2020, 8, 15));
        assertThat(d.days()).isEqualTo(10);
        assertThat(d.charged()).isEqualTo(Money.yuan("6.17"));
    }

    @Test
    @DisplayName("paid by the due date: no fee, no waiver")
    void inTime() {
        LateFeeDecision d = decide(MARCH_DUE, MARCH_DUE, deferral(YearMonth.of(2020, 2), 6), true, PENDING);
        assertThat(d.days()).isZero();
        assertThat(d.charged()).isEqualTo(Money.yuan("0.00"));
        assertThat(d.waiver()).isNull();
    }

    @Test
    @DisplayName("a payment split over the funds by the bill's shares: the parts add up to the fen (last takes the rest)")
    void shares() {
        Map<Fund, Money> weights = new LinkedHashMap<>();
        weights.put(Fund.PENSION, Money.yuan("1440.00"));
        weights.put(Fund.UNEMPLOYMENT, Money.yuan("60.00"));
        weights.put(Fund.WORK_INJURY, Money.yuan("12.00"));
        // 22.68 × 1440 / 1512 = 21.60; × 60 / 1512 = 0.90; the rest 0.18
        assertThat(Payments.shares(weights, Money.yuan("1512.00"), Money.yuan("22.68")))
                .containsExactly(Map.entry(Fund.PENSION, Money.yuan("21.60")),
                        Map.entry(Fund.UNEMPLOYMENT, Money.yuan("0.90")), Map.entry(Fund.WORK_INJURY, Money.yuan("0.18")));
        // 100.00 × 1440 / 1512 = 95.238… → 95.24; × 60 / 1512 = 3.968… → 3.97; the rest 0.79
        assertThat(Payments.shares(weights, Money.yuan("1512.00"), Money.yuan("100.00")).values()
                .stream().reduce(Money.ZERO, Money::plus)).isEqualTo(Money.yuan("100.00"));
    }

    private static final PaidMonthRule MONTHS = new PaidMonthRule(RULE);

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            按期缴费: March 2020 paid 2020-04-15 (the due date) | 2020-04-15 | true  | ON_TIME | 0.00  | 按期缴费
            N-5c / FJ-5c: paid 2020-07-30 (lifted + 3 months), 106 days, 65.43 waived, own month | 2020-07-30 | true | MEASURE | 0.00 | 缴费记录不中断
            N-5c / FJ-5c: paid 2020-07-31, the normal rules (第八十六条): 107 days, 66.05, back payment | 2020-07-31 | true | NORMAL | 66.05 | 晚于疫情解除后三个月的补缴期限（2020-07-30）
            社会保险法 第八十六条: no measure in force when due: 107 days, 66.05, back payment | 2020-07-31 | false | NORMAL | 66.05 | 不在疫情期间逾期缴费措施的适用期内
            """)
    @DisplayName("PaidMonthRule (N-5c, FJ-5c): a paid month counts in its own month when in time or waived by the measure, else as a back payment")
    void paidMonthRule(String name, LocalDate paidOn, boolean inForce, PaidMonthRule.Rule rule, String fee,
                       String reason) {
        PaidMonthRule.Decision d = MONTHS.decide(FUZHOU, YearMonth.of(2020, 3), SETTLED, MARCH_DUE, paidOn, null,
                inForce, CLAUSES, LIFTED_PLUS_3);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.ownMonth()).isEqualTo(rule != PaidMonthRule.Rule.NORMAL);
        assertThat(d.fee().charged()).isEqualTo(Money.yuan(fee));
        assertThat(d.reason()).contains(reason);
    }
}
