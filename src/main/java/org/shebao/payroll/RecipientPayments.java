package org.shebao.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A recipient's own view of their money (issue 17, item 4): every payment an approved run sent to their bank, with
 * the month, the benefit, the kinds of line it paid, the measures behind them, the amount and what the bank said;
 * and their standing orders today. Read from the payments written at approval ({@link BankPayments}), found through
 * the person's orders and the unique index on run and order, never by scanning a run's lines.
 */
@Service
@RequiredArgsConstructor
public class RecipientPayments {
    private final JdbcClient jdbc;

    /** Status of a payment at the bank. */
    public enum Status { SENT, PAID, FAILED }

    /**
     * One payment: the payroll month, the benefit, the kinds of line netted in it, their flags (space-separated
     * measure codes, for {@code flagText}), the amount sent, the bank's answer, the masked account, and for a failed
     * payment the month of the run that paid it again (null until then).
     */
    public record Payment(YearMonth month, Benefit benefit, List<LineKind> kinds, String flags, Money amount,
                          Status status, String reason, String account, YearMonth reissuedIn) {
        public boolean prepayment() {
            return kinds.contains(LineKind.PREPAYMENT);
        }

        /** A pre-payment settled against the final amount: the difference paid (多扣少补, N-1b). */
        public boolean settlement() {
            return kinds.contains(LineKind.SETTLEMENT);
        }

        /** An over-payment taken back from this payment (a settlement's or a recovery's deduction). */
        public boolean deduction() {
            return kinds.contains(LineKind.DEDUCTION) || kinds.contains(LineKind.RECOVERY);
        }
    }

    /** A standing order as its recipient sees it: benefit, kind, monthly amount, from when, its state. */
    public record Order(Benefit benefit, OrderKind kind, Money monthlyAmount, YearMonth from, YearMonth until,
                        OrderStatus status) {
    }

    /** The person's payments, newest first; premiums paid for them to another agency are not theirs and left out. */
    public List<Payment> paymentsOf(long personId) {
        return jdbc.sql("""
                SELECT r.month, p.benefit, p.kinds, p.flags, p.amount, p.status, p.reason, p.bank_account,
                       (SELECT rr.month FROM payroll_adjustment a
                          JOIN payroll_run rr ON rr.id = a.paid_run AND rr.region_code = a.region_code
                         WHERE a.reissue_of = p.id AND a.region_code = p.region_code) AS reissued_in
                  FROM payroll_order o
                  JOIN payroll_run r ON r.region_code = o.region_code AND r.approved_at IS NOT NULL
                  JOIN payroll_payment p ON p.run_id = r.id AND p.order_id = o.id AND p.region_code = o.region_code
                 WHERE o.person_id = :p AND o.benefit <> 'MEDICAL_PREMIUM'
                 ORDER BY r.month DESC, p.benefit""")
                .param("p", personId)
                .query((rs, i) -> new Payment(YearMonth.from(rs.getObject("month", LocalDate.class)),
                        Benefit.valueOf(rs.getString("benefit")),
                        Arrays.stream(rs.getString("kinds").split(" ")).filter(k -> !k.isEmpty())
                                .map(LineKind::valueOf).toList(),
                        rs.getString("flags"), new Money(rs.getBigDecimal("amount")),
                        Status.valueOf(rs.getString("status")), rs.getString("reason"),
                        BankPayments.masked(rs.getString("bank_account")),
                        rs.getObject("reissued_in", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("reissued_in", LocalDate.class)))).list();
    }

    /** The person's standing orders (not the premiums paid for them), the current ones first. */
    public List<Order> ordersOf(long personId) {
        return jdbc.sql("""
                SELECT benefit, kind, monthly_amount, from_month, until_month, status FROM payroll_order
                 WHERE person_id = :p AND benefit <> 'MEDICAL_PREMIUM'
                 ORDER BY status = 'STOPPED', from_month DESC""")
                .param("p", personId)
                .query((rs, i) -> new Order(Benefit.valueOf(rs.getString("benefit")),
                        OrderKind.valueOf(rs.getString("kind")), new Money(rs.getBigDecimal("monthly_amount")),
                        YearMonth.from(rs.getObject("from_month", LocalDate.class)),
                        rs.getObject("until_month", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("until_month", LocalDate.class)),
                        OrderStatus.valueOf(rs.getString("status")))).list();
    }
}
