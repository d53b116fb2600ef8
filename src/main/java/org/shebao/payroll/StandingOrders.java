package org.shebao.payroll;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import java.util.Map;
import java.util.TreeMap;
import org.shebao.policy.Parameters;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing orders, as the benefit modules register them: a monthly amount from a month on, until a month or a stop;
 * qualification certifications (N-1c) and the months they pay back; death data (N-1e) and the recoveries it books;
 * one-off adjustments (arrears, settlements, deductions) for a later payroll; what the payroll actually paid per
 * month; and the settlement of a pre-payment in the fund's books (N-1b, FJ-1.3).
 */
@Service
@RequiredArgsConstructor
public class StandingOrders {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ledger ledger;
    private final Parameters parameters;

    private record OrderState(OrderStatus status, LocalDate suspendedFrom, Money monthlyAmount, String regionCode) {
    }

    private record PaidMonth(LocalDate month, Money amount) {
    }

    /** A standing order as a benefit module registers it. */
    public record NewOrder(long personId, RegionCode region, Benefit benefit, OrderKind kind, Money monthlyAmount,
                           YearMonth from, LocalDate certifiedUntil, String bankAccount, String accountName,
                           String flags, String sourceRef) {
    }

    public long registerOrder(NewOrder o) {
        return jdbc.sql("""
                INSERT INTO payroll_order (person_id, region_code, benefit, kind, monthly_amount, from_month,
                       certified_until, bank_account, account_name, flags, source_ref)
                VALUES (:p, :r, :b, :k, :a, :from, :cert, :bank, :name, :flags, :ref) RETURNING id""")
                .param("p", o.personId()).param("r", o.region().value()).param("b", o.benefit().name()).param("k", o.kind().name())
                .param("a", o.monthlyAmount().amount()).param("from", o.from().atDay(1)).param("cert", o.certifiedUntil())
                .param("bank", o.bankAccount()).param("name", o.accountName()).param("flags", o.flags())
                .param("ref", o.sourceRef()).query(Long.class).single();
    }

    /** The order pays up to and including {@code lastMonth} (e.g. a pre-payment replaced by the computed pension). */
    public void endOrder(long orderId, YearMonth lastMonth) {
        jdbc.sql("UPDATE payroll_order SET until_month = :m, version = version + 1 WHERE id = :id")
                .param("m", lastMonth.atDay(1)).param("id", orderId).update();
    }

    /** A recipient's standing orders (for the portal and the staff screens). */
    public record Order(long id, long personId, String regionCode, OrderKind kind, Money monthlyAmount,
                        YearMonth from, YearMonth until, LocalDate certifiedUntil, OrderStatus status, LocalDate suspendedFrom,
                        LocalDate deathDate, String flags, Benefit benefit) {
    }

    public List<Order> ordersOf(long personId) {
        return jdbc.sql("""
                SELECT id, person_id, region_code, kind, monthly_amount, from_month, until_month, certified_until, status,
                       suspended_from, death_date, flags, benefit FROM payroll_order WHERE person_id = :p ORDER BY id""")
                .param("p", personId)
                .query((rs, i) -> new Order(rs.getLong("id"), rs.getLong("person_id"), rs.getString("region_code"),
                        OrderKind.valueOf(rs.getString("kind")), new Money(rs.getBigDecimal("monthly_amount")),
                        YearMonth.from(rs.getObject("from_month", LocalDate.class)),
                        rs.getObject("until_month", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("until_month", LocalDate.class)),
                        rs.getObject("certified_until", LocalDate.class), OrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("suspended_from", LocalDate.class), rs.getObject("death_date", LocalDate.class),
                        rs.getString("flags"), Benefit.valueOf(rs.getString("benefit"))))
                .list();
    }

    /**
     * The first month from {@code from} on for which the region has no run yet (a one-off order of that month is paid
     * by its run; a month already run, or running, has cut its orders and pays nobody new). The survivors' claim and
     * the work-injury death benefits start their orders there.
     */
    public YearMonth firstMonthNotRun(String regionCode, YearMonth from) {
        java.util.Set<LocalDate> run = new java.util.HashSet<>(jdbc.sql(
                        "SELECT month FROM payroll_run WHERE region_code = :r AND month >= :from")
                .param("r", regionCode).param("from", from.atDay(1)).query(LocalDate.class).list());
        YearMonth m = from;
        while (run.contains(m.atDay(1))) {
            m = m.plusMonths(1);
        }
        return m;
    }

    /** The day a certification made on {@code on} runs out (pension.certification.validMonths; N-1c: yearly). */
    public LocalDate certificationValidUntil(RegionCode region, LocalDate on) {
        return on.plusMonths(parameters.integer("pension.certification.validMonths", region, on));
    }

    /**
     * Records a qualification certification (online, or by data matching) valid until {@code until}. A suspended
     * order resumes, and the months it missed in completed runs are paid back in the next payroll (N-1c).
     * Returns the number of months paid back.
     */
    @Transactional
    public int certify(long orderId, LocalDate until, String channel) {
        OrderState row = jdbc.sql("SELECT status, suspended_from, monthly_amount, region_code FROM payroll_order WHERE id = :id")
                .param("id", orderId).query((rs, i) -> new OrderState(OrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("suspended_from", LocalDate.class), new Money(rs.getBigDecimal("monthly_amount")),
                        rs.getString("region_code"))).optional()
                .orElseThrow(() -> new NotFoundException("payroll order " + orderId));
        int months = 0;
        if (row.status() == OrderStatus.SUSPENDED && row.suspendedFrom() != null) {
            LocalDate from = row.suspendedFrom();
            List<LocalDate> missed = jdbc.sql("""
                    SELECT month FROM payroll_run WHERE region_code = :r AND status = 'COMPLETED' AND month >= :from
                     ORDER BY month""").param("r", row.regionCode()).param("from", from).query(LocalDate.class).list();
            months = missed.size();
            if (months > 0) {
                YearMonth next = YearMonth.from(missed.get(missed.size() - 1)).plusMonths(1);
                addAdjustment(orderId, next, LineKind.ARREARS, row.monthlyAmount().times(months),
                        "RESUMPTION", "恢复发放，补发暂停期间 " + months + " 个月（" + channel + "）");
            }
        }
        jdbc.sql("""
                UPDATE payroll_order SET certified_until = :until, status = CASE WHEN status = 'SUSPENDED' THEN 'ACTIVE'
                       ELSE status END, suspended_from = NULL, version = version + 1 WHERE id = :id AND status <> 'STOPPED'""")
                .param("until", until).param("id", orderId).update();
        return months;
    }

    /**
     * Death data (N-1e risk control): the person's orders stop after the month of death, and what completed runs
     * paid for later months becomes recovery items (booked as a receivable). Returns the recovery total.
     */
    @Transactional
    public Money recordDeath(long personId, LocalDate died, String by) {
        YearMonth deathMonth = YearMonth.from(died);
        // what the survivors are paid because of the death (SURVIVORS, INHERITANCE) is not stopped by it
        List<Long> orders = jdbc.sql("""
                SELECT id FROM payroll_order WHERE person_id = :p AND status <> 'STOPPED'
                   AND benefit NOT IN ('SURVIVORS', 'INHERITANCE')""")
                .param("p", personId).query(Long.class).list();
        Money total = Money.ZERO;
        for (long id : orders) {
            jdbc.sql("""
                    UPDATE payroll_order SET status = 'STOPPED', death_date = :d,
                           until_month = LEAST(COALESCE(until_month, :m), :m), version = version + 1 WHERE id = :id""")
                    .param("d", died).param("m", deathMonth.atDay(1)).param("id", id).update();
            List<PaidMonth> paid = jdbc.sql("""
                    SELECT r.month, sum(l.amount) AS paid FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id
                     WHERE l.order_id = :o AND r.month > :m GROUP BY r.month HAVING sum(l.amount) > 0""")
                    .param("o", id).param("m", deathMonth.atDay(1))
                    .query((rs, i) -> new PaidMonth(rs.getObject("month", LocalDate.class), new Money(rs.getBigDecimal("paid")))).list();
            for (PaidMonth p : paid) {
                int n = jdbc.sql("""
                        INSERT INTO payroll_recovery (order_id, region_code, person_id, month, amount, reason, created_at)
                        SELECT id, region_code, :p, :m, :a, :r, :now FROM payroll_order WHERE id = :o
                        ON CONFLICT (order_id, month, region_code) DO NOTHING""")
                        .param("o", id).param("p", personId).param("m", p.month()).param("a", p.amount().amount())
                        .param("r", "死亡后发放（" + died + "）").param("now", OffsetDateTime.now(clock)).update();
                if (n > 0) {
                    total = total.plus(p.amount());
                }
            }
        }
        if (total.isPositive()) {
            ledger.post(Fund.PENSION, LocalDate.now(clock), "death:" + personId + ":" + died, by,
                    "死亡后多发待遇追回 " + personId, List.of(new Ledger.Posting(
                            Account.PENSION_RECEIVABLE, Account.PENSION_EXPENSE, total)));
        }
        return total;
    }

    /**
     * An over-payment to recover from the person (not from later payments: there are none), for a benefit month of
     * an order; the receivable it creates is booked by whoever decided it (death data, a settlement).
     */
    public void addRecovery(long orderId, long personId, YearMonth month, Money amount, String reason) {
        jdbc.sql("""
                INSERT INTO payroll_recovery (order_id, region_code, person_id, month, amount, reason, created_at)
                SELECT id, region_code, :p, :m, :a, :r, :now FROM payroll_order WHERE id = :o
                ON CONFLICT (order_id, month, region_code) DO NOTHING""")
                .param("o", orderId).param("p", personId).param("m", month.atDay(1)).param("a", amount.amount())
                .param("r", reason).param("now", OffsetDateTime.now(clock)).update();
    }

    /**
     * A one-off line of a later payroll: arrears, a settlement, a deduction, a recovery or pre-paid past months. It
     * is paid by the first run of its month, or a later one, that pays the order (so one due while the order is
     * suspended waits for the recipient to certify again).
     */
    public void addAdjustment(long orderId, YearMonth month, LineKind kind, Money amount, String flags, String memo) {
        addAdjustment(orderId, month, null, kind, amount, flags, memo);
    }

    /** The same, for the benefit month it pays ({@code benefitMonth}: e.g. one pre-paid past month). */
    public long addAdjustment(long orderId, YearMonth month, YearMonth benefitMonth, LineKind kind, Money amount,
                              String flags, String memo) {
        return jdbc.sql("""
                INSERT INTO payroll_adjustment (order_id, region_code, month, benefit_month, kind, amount, flags, memo,
                                                created_at)
                SELECT id, region_code, :m, :b, :k, :a, :f, :memo, :now FROM payroll_order WHERE id = :o RETURNING id""")
                .param("o", orderId).param("m", month.atDay(1)).param("b", benefitMonth == null ? null : benefitMonth.atDay(1))
                .param("k", kind.name()).param("a", amount.amount()).param("f", flags)
                .param("memo", memo).param("now", OffsetDateTime.now(clock)).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no standing order " + orderId));
    }

    /**
     * Withdraws a one-off line no run has taken yet (e.g. a recovery's next deduction after the person repaid): true
     * when withdrawn, false when a run took it already (single winner against the run's chunk, which claims it with
     * the same row).
     */
    public boolean withdrawAdjustment(long adjustmentId) {
        return jdbc.sql("DELETE FROM payroll_adjustment WHERE id = :id AND paid_run IS NULL")
                .param("id", adjustmentId).update() == 1;
    }

    /** The one-off lines a run paid: adjustment id → amount (a recovery's deductions are found by their ids). */
    public Map<Long, Money> adjustmentsPaidBy(long runId) {
        Map<Long, Money> out = new TreeMap<>();
        jdbc.sql("SELECT id, amount FROM payroll_adjustment WHERE paid_run = :run")
                .param("run", runId).query((rs, i) -> out.put(rs.getLong("id"), new Money(rs.getBigDecimal("amount"))))
                .list();
        return out;
    }

    /** What a recovery needs to know of a standing order: whose, where, which benefit, paying what, still paying. */
    public record OrderFacts(long id, long personId, String regionCode, Benefit benefit, OrderKind kind,
                             Money monthlyAmount, OrderStatus status, YearMonth until, boolean prepaymentSettled,
                             String accountName, String sourceRef) {
    }

    public java.util.Optional<OrderFacts> order(long orderId) {
        return jdbc.sql("""
                SELECT id, person_id, region_code, benefit, kind, monthly_amount, status, until_month, prepayment_settled,
                       account_name, source_ref FROM payroll_order WHERE id = :id""")
                .param("id", orderId)
                .query((rs, i) -> new OrderFacts(rs.getLong("id"), rs.getLong("person_id"), rs.getString("region_code"),
                        Benefit.valueOf(rs.getString("benefit")), OrderKind.valueOf(rs.getString("kind")),
                        new Money(rs.getBigDecimal("monthly_amount")), OrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("until_month", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("until_month", LocalDate.class)),
                        rs.getBoolean("prepayment_settled"), rs.getString("account_name"), rs.getString("source_ref")))
                .optional();
    }

    /** One payment line of an order in a completed run: the payroll month, the benefit month it pays, kind, amount. */
    public record Payment(YearMonth payroll, YearMonth benefitMonth, LineKind kind, Money amount, String flags) {
    }

    /** What completed runs paid an order, line by line, oldest first (the recipient's 「已发放」). */
    public List<Payment> paymentsOf(long orderId) {
        return jdbc.sql("""
                SELECT r.month, COALESCE(l.benefit_month, r.month) AS benefit_month, l.kind, l.amount, l.flags
                  FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id AND r.region_code = l.region_code
                 WHERE l.order_id = :o AND r.status = 'COMPLETED' ORDER BY r.month, benefit_month, l.kind""")
                .param("o", orderId)
                .query((rs, i) -> new Payment(YearMonth.from(rs.getObject("month", LocalDate.class)),
                        YearMonth.from(rs.getObject("benefit_month", LocalDate.class)),
                        LineKind.valueOf(rs.getString("kind")), new Money(rs.getBigDecimal("amount")),
                        rs.getString("flags"))).list();
    }

    /** An over-payment to recover from the person, as recorded ({@link #addRecovery}). */
    public record Recovery(YearMonth month, Money amount, String reason) {
    }

    public List<Recovery> recoveriesOf(long orderId) {
        return jdbc.sql("SELECT month, amount, reason FROM payroll_recovery WHERE order_id = :o ORDER BY month")
                .param("o", orderId)
                .query((rs, i) -> new Recovery(YearMonth.from(rs.getObject("month", LocalDate.class)),
                        new Money(rs.getBigDecimal("amount")), rs.getString("reason"))).list();
    }

    /** A one-off line not paid yet: the payroll month it is due, the benefit month it pays, kind and amount. */
    public record Pending(YearMonth month, YearMonth benefitMonth, LineKind kind, Money amount) {
    }

    public List<Pending> pendingAdjustments(long orderId) {
        return jdbc.sql("""
                SELECT month, benefit_month, kind, amount FROM payroll_adjustment
                 WHERE order_id = :o AND paid_run IS NULL ORDER BY month, benefit_month""")
                .param("o", orderId)
                .query((rs, i) -> new Pending(YearMonth.from(rs.getObject("month", LocalDate.class)),
                        rs.getObject("benefit_month", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("benefit_month", LocalDate.class)),
                        LineKind.valueOf(rs.getString("kind")), new Money(rs.getBigDecimal("amount")))).list();
    }

    /** The payroll month of the order's earliest one-off adjustment not paid yet, if any. */
    public java.util.Optional<YearMonth> firstUnpaidAdjustment(long orderId) {
        return jdbc.sql("SELECT min(month) FROM payroll_adjustment WHERE order_id = :o AND paid_run IS NULL")
                .param("o", orderId).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().map(YearMonth::from);
    }

    /** The last payroll month a region has completed, if any (the next payment of an order comes after it). */
    public java.util.Optional<YearMonth> lastCompletedMonth(String regionCode) {
        return jdbc.sql("SELECT max(month) FROM payroll_run WHERE region_code = :r AND status = 'COMPLETED'")
                .param("r", regionCode).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().map(YearMonth::from);
    }

    /**
     * What the payroll actually paid an order, per benefit month, for lines of a kind (e.g. PREPAYMENT): a month
     * suspended or not yet run is absent. Settlements read this, not what should have been paid.
     */
    public Map<YearMonth, Money> paidPerMonth(long orderId, LineKind kind) {
        Map<YearMonth, Money> out = new TreeMap<>();
        jdbc.sql("""
                SELECT COALESCE(l.benefit_month, r.month) AS month, sum(l.amount) AS paid FROM payroll_line l
                  JOIN payroll_run r ON r.id = l.run_id
                 WHERE l.order_id = :o AND l.kind = :k GROUP BY 1""")
                .param("o", orderId).param("k", kind.name())
                .query((rs, i) -> new PaidMonth(rs.getObject("month", LocalDate.class), new Money(rs.getBigDecimal("paid"))))
                .list().forEach(p -> out.put(YearMonth.from(p.month()), p.amount()));
        return out;
    }

    /**
     * The pre-payment order's months were settled against the computed pension (N-1b, FJ-1.3): what completed runs
     * booked to the pre-payment account moves to pension expense, and later runs clear its remaining lines the same
     * way, so the pre-payment account of a settled award comes back to zero. An over-payment the settlement found
     * ({@code overpaid}, to be deducted from later payments) leaves pension expense for the receivable, which those
     * deductions then collect: the receivable never ends with a credit balance. Returns the amount moved.
     */
    @Transactional
    public Money settlePrepayment(long orderId, Money overpaid, String by) {
        jdbc.sql("UPDATE payroll_order SET prepayment_settled = TRUE, version = version + 1 WHERE id = :id")
                .param("id", orderId).update();
        Money booked = new Money(jdbc.sql("""
                SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id
                 WHERE l.order_id = :o AND r.status = 'COMPLETED' AND l.kind = 'PREPAYMENT'""")
                .param("o", orderId).query(BigDecimal.class).single());
        ledger.post(Fund.PENSION, LocalDate.now(clock), "prepayment-settled:" + orderId, by,
                "预发结算转列支，指令 " + orderId, List.of(
                        new Ledger.Posting(Account.PENSION_EXPENSE, Account.PENSION_PREPAYMENTS, booked),
                        new Ledger.Posting(Account.PENSION_RECEIVABLE, Account.PENSION_EXPENSE,
                                overpaid == null ? Money.ZERO : overpaid)));
        return booked;
    }
}
