package org.shebao.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Parameters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recovery tables as the use cases share them: a case read (and locked), its history written, its balance moved
 * (single winner: the update names the balance it expects), its next deduction scheduled on the payroll.
 */
@Component
@RequiredArgsConstructor
class RecoveryRows {
    /** The deduction cap: the largest share of a monthly benefit one month's deduction may take. */
    static final String MAX_SHARE = "recovery.deduction.maxShare";

    static final String SELECT = """
            SELECT id, region_code, person_id, person_name, fund, cause, source_ref, case_ref, paid_order, clauses,
                   amount, balance, status, deduct_order, booked_as, opened_by, opened_at, notice_at, version
              FROM recovery_case""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final StandingOrders orders;
    private final Parameters parameters;

    Recovery map(ResultSet rs, int i) throws SQLException {
        long paid = rs.getLong("paid_order");
        Long paidOrder = rs.wasNull() ? null : paid;
        long deduct = rs.getLong("deduct_order");
        Long deductOrder = rs.wasNull() ? null : deduct;
        return new Recovery(rs.getLong("id"), rs.getString("region_code"), rs.getLong("person_id"),
                rs.getString("person_name"), Fund.valueOf(rs.getString("fund")), Cause.valueOf(rs.getString("cause")),
                rs.getString("source_ref"), rs.getString("case_ref"), paidOrder, rs.getString("clauses"),
                new Money(rs.getBigDecimal("amount")), new Money(rs.getBigDecimal("balance")),
                RecoveryStatus.valueOf(rs.getString("status")), deductOrder, rs.getString("booked_as"),
                rs.getString("opened_by"), local(rs.getObject("opened_at", OffsetDateTime.class)),
                local(rs.getObject("notice_at", OffsetDateTime.class)), rs.getInt("version"));
    }

    OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Optional<Recovery> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** A case the user may see: staff of its region or above with one of the roles (else 403; unknown 404). */
    Recovery visible(ShebaoUser by, long id, Role... roles) {
        Recovery r = find(id).orElseThrow(() -> new NotFoundException("recovery " + id));
        if (!by.isStaff() || !by.has(roles) || !by.region().covers(new RegionCode(r.regionCode()))) {
            throw new AccessDeniedToRecordException("recovery");
        }
        return r;
    }

    /** Appends a step to the case's history and the operation log; returns its id. */
    long step(Recovery r, StepKind kind, Money amount, Money balanceAfter, String voucher, LocalDate paidOn,
              Long writeOffId, String note, String actor) {
        long id = jdbc.sql("""
                INSERT INTO recovery_step (region_code, case_id, kind, amount, balance_after, voucher, paid_on,
                                           writeoff_id, note, actor, at)
                VALUES (:r, :c, :k, :a, :b, :v, :on, :w, :note, :by, :now) RETURNING id""")
                .param("r", r.regionCode()).param("c", r.id()).param("k", kind.name())
                .param("a", amount == null ? null : amount.amount()).param("b", balanceAfter.amount())
                .param("v", voucher).param("on", paidOn).param("w", writeOffId).param("note", note)
                .param("by", actor).param("now", now()).query(Long.class).single();
        audit.record(actor, AuditAction.RECOVERY_STEP, "recovery:" + r.id(),
                kind + (amount == null ? "" : " " + amount) + ", balance " + balanceAfter);
        return id;
    }

    /**
     * Takes {@code amount} off the balance the caller read ({@code expected}), once: 0 rows when someone moved it
     * meanwhile. A balance reaching zero closes the case (and ends its deductions).
     */
    boolean reduce(Recovery r, Money expected, Money amount) {
        return jdbc.sql("""
                UPDATE recovery_case SET balance = balance - :a,
                       status = CASE WHEN balance - :a = 0 THEN 'CLOSED' ELSE status END,
                       deduct_order = CASE WHEN balance - :a = 0 THEN NULL ELSE deduct_order END,
                       version = version + 1
                 WHERE id = :id AND region_code = :r AND balance = :expected AND balance >= :a""")
                .param("a", amount.amount()).param("id", r.id()).param("r", r.regionCode())
                .param("expected", expected.amount()).update() == 1;
    }

    /** The case's deduction not taken by a run yet, if any: its adjustment on the payroll, its month, its amount. */
    record Pending(long adjustmentId, YearMonth month, Money amount) {
    }

    /** The case's deductions no run has taken yet, earliest first (a settlement may have planned several). */
    List<Pending> pendingInstallments(Recovery r) {
        return jdbc.sql("""
                SELECT adjustment_id, month, amount FROM recovery_installment
                 WHERE case_id = :c AND region_code = :r AND paid_run IS NULL ORDER BY month""")
                .param("c", r.id()).param("r", r.regionCode())
                .query((rs, i) -> new Pending(rs.getLong("adjustment_id"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), new Money(rs.getBigDecimal("amount"))))
                .list();
    }

    /** The next of them, if any. */
    Optional<Pending> pendingInstallment(Recovery r) {
        return pendingInstallments(r).stream().findFirst();
    }

    /**
     * Withdraws the deductions no run has taken (the case's balance is about to change, or deductions stop); false
     * when a run has taken one already (it is being paid: the caller refuses, 409, and its transaction rolls back).
     */
    boolean withdrawPending(Recovery r) {
        for (Pending p : pendingInstallments(r)) {
            if (!orders.withdrawAdjustment(p.adjustmentId())) {
                return false;
            }
            jdbc.sql("DELETE FROM recovery_installment WHERE case_id = :c AND region_code = :r AND adjustment_id = :a")
                    .param("c", r.id()).param("r", r.regionCode()).param("a", p.adjustmentId()).update();
        }
        return true;
    }

    /** The month's deduction: the balance, but at most the parameter's share of the order's monthly amount. */
    Money installment(Recovery r, Money balance, Money monthly, YearMonth month) {
        Money cap = monthly.times(parameters.decimal(MAX_SHARE, new RegionCode(r.regionCode()), month.atDay(1)),
                java.math.RoundingMode.DOWN);
        return cap.min(balance);
    }

    /**
     * Puts the case's next deduction on the payroll: a negative DEDUCTION line of the order, due in {@code month} (paid
     * by the first run of that month or later that pays the order), and its installment row (one per case and month).
     */
    void schedule(Recovery r, long orderId, Money balance, Money monthly, YearMonth month) {
        Money amount = installment(r, balance, monthly, month);
        if (!amount.isPositive()) {
            return;
        }
        long adjustment = orders.addAdjustment(orderId, month, null, LineKind.DEDUCTION, amount.negate(),
                "RECOVERY:" + r.clauses(), "追回多发待遇（扣减），追回案件 " + r.id());
        jdbc.sql("""
                INSERT INTO recovery_installment (case_id, region_code, month, adjustment_id, amount)
                VALUES (:c, :r, :m, :a, :amount)""")
                .param("c", r.id()).param("r", r.regionCode()).param("m", month.atDay(1)).param("a", adjustment)
                .param("amount", amount.amount()).update();
    }

    /** The fund's receivable (1231) and the account an over-payment of the benefit came out of. */
    static Account receivable(Fund fund) {
        return Account.of(fund, "1231");
    }

    /**
     * The account that paid the over-payment, which the receivable is taken out of when a case opens (and a write-off
     * puts back): the benefit's expense ({@link Benefit#expense}, the payroll's own); a pension pre-payment not
     * settled yet was booked to 1221, not to expense.
     */
    static Account paidFrom(Fund fund, Benefit benefit, boolean unsettledPrepayment) {
        if (unsettledPrepayment) {
            return Account.PENSION_PREPAYMENTS;
        }
        if (benefit != null) {
            return benefit.expense();
        }
        // a case that does not name its benefit (a write-off): the fund's own benefit
        return switch (fund) {
            case PENSION -> Benefit.PENSION.expense();
            case UNEMPLOYMENT -> Benefit.UNEMPLOYMENT.expense();
            case WORK_INJURY -> Benefit.WORK_INJURY.expense();
            case RESIDENT_PENSION -> Benefit.RESIDENT_PENSION.expense();
        };
    }

    List<RecoveryStep> steps(long caseId) {
        return jdbc.sql("""
                SELECT id, kind, amount, balance_after, voucher, paid_on, note, actor, at FROM recovery_step
                 WHERE case_id = :c ORDER BY id""").param("c", caseId)
                .query((rs, i) -> new RecoveryStep(rs.getLong("id"), StepKind.valueOf(rs.getString("kind")),
                        Money.orNull(rs.getBigDecimal("amount")), new Money(rs.getBigDecimal("balance_after")),
                        rs.getString("voucher"), rs.getObject("paid_on", LocalDate.class), rs.getString("note"),
                        rs.getString("actor"), local(rs.getObject("at", OffsetDateTime.class)))).list();
    }

    List<WriteOff> writeOffs(long caseId) {
        return jdbc.sql("""
                SELECT id, case_id, amount, reason, status, requested_by, requested_at, decided_by, decided_at
                  FROM recovery_writeoff WHERE case_id = :c ORDER BY id""").param("c", caseId)
                .query((rs, i) -> new WriteOff(rs.getLong("id"), rs.getLong("case_id"),
                        new Money(rs.getBigDecimal("amount")), rs.getString("reason"), rs.getString("status"),
                        rs.getString("requested_by"), local(rs.getObject("requested_at", OffsetDateTime.class)),
                        rs.getString("decided_by"), local(rs.getObject("decided_at", OffsetDateTime.class)))).list();
    }
}
