package org.shebao.recovery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.OrderStatus;
import org.shebao.payroll.StandingOrders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a recovery, each booked against the fund's receivable (1231) and recorded in the case's history, each
 * a single-winner change (the balance or the status the user read is named in the update): deduction from the
 * person's later payments, a payment request (追回通知), a repayment received, and a write-off requested by one user
 * and approved by another (maker-checker, refused by the database too). Finance staff of the case's region act; a
 * write-off is approved by a second finance user or a reviewer.
 */
@Service
@RequiredArgsConstructor
public class RecoverySteps {
    static final Role[] MAKERS = {Role.FINANCE};
    static final Role[] CHECKERS = {Role.FINANCE, Role.REVIEWER};
    static final int REASON_MAX = 300;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final StandingOrders orders;
    private final RecoveryRows rows;

    /**
     * Deducts from the person's later payments: the order (default: the one that over-paid) must be the person's,
     * of the same fund and still paying; from {@code from} (default: the current month) each run deducts at most the
     * parameter's share of the monthly amount until the balance is paid. Twice at once: one starts, the other 409.
     */
    @Transactional
    public Recovery startDeduction(ShebaoUser by, long id, Long orderId, YearMonth from) {
        Recovery r = rows.visible(by, id, MAKERS);
        long order = orderId != null ? orderId : r.paidOrder() != null ? r.paidOrder() : -1;
        StandingOrders.OrderFacts o = orders.order(order)
                .filter(f -> f.personId() == r.personId() && f.benefit().fund() == r.fund())
                .orElseThrow(() -> InvalidInputException.of("orderId", "error.recovery.order"));
        YearMonth month = from != null ? from : YearMonth.from(rows.today());
        if (o.status() == OrderStatus.STOPPED || (o.until() != null && o.until().isBefore(month))) {
            throw InvalidInputException.of("orderId", "error.recovery.orderNotPaying");
        }
        if (!rows.installment(r, r.balance(), o.monthlyAmount(), month).isPositive()) {
            throw InvalidInputException.of("orderId", "error.recovery.orderNotPaying");
        }
        int n = jdbc.sql("""
                UPDATE recovery_case SET status = 'DEDUCTING', deduct_order = :o, version = version + 1
                 WHERE id = :id AND region_code = :r AND status IN ('OPEN', 'REQUESTED')""")
                .param("o", o.id()).param("id", r.id()).param("r", r.regionCode()).update();
        if (n == 0) {
            throw new ConflictException("status", "error.recovery.stale");
        }
        rows.schedule(r, o.id(), r.balance(), o.monthlyAmount(), month);
        rows.step(r, StepKind.DEDUCTION_STARTED, null, r.balance(), null, null, null, month.toString(),
                by.getUsername());
        return rows.find(id).orElseThrow();
    }

    /**
     * Issues the payment request (追回通知) to the person or the heirs: the printable notice names the amount still
     * owed; a deduction waiting for a run is withdrawn. Once per case while it is open.
     */
    @Transactional
    public Recovery requestPayment(ShebaoUser by, long id) {
        Recovery r = rows.visible(by, id, MAKERS);
        if (!rows.withdrawPending(r)) {
            throw new ConflictException("status", "error.recovery.deductionInRun");
        }
        int n = jdbc.sql("""
                UPDATE recovery_case SET status = 'REQUESTED', deduct_order = NULL, notice_at = :now,
                       version = version + 1
                 WHERE id = :id AND region_code = :r AND status IN ('OPEN', 'DEDUCTING') AND version = :v""")
                .param("now", rows.now()).param("id", r.id()).param("r", r.regionCode()).param("v", r.version()).update();
        if (n == 0) {
            throw new ConflictException("status", "error.recovery.stale");
        }
        rows.step(r, StepKind.PAYMENT_REQUESTED, r.balance(), r.balance(), null, null, null, null, by.getUsername());
        return rows.find(id).orElseThrow();
    }

    /** A repayment received: amount (positive, not above the balance) and the day it was paid (not in the future). */
    public record Repayment(Money amount, LocalDate paidOn, String note) {
    }

    /**
     * Records a repayment (Dr 1002 / Cr 1231): partial payments allowed, more than the balance refused (400), nothing
     * written when refused; a deduction waiting for a run is re-cut to what is left.
     */
    @Transactional
    public Recovery repay(ShebaoUser by, long id, Repayment p) {
        Recovery r = rows.visible(by, id, MAKERS);
        List<FieldViolation> errors = new ArrayList<>();
        if (p == null || p.amount() == null || !p.amount().isPositive()) {
            errors.add(FieldViolation.of("amount", "error.recovery.amount"));
        } else if (p.amount().compareTo(r.balance()) > 0) {
            errors.add(FieldViolation.of("amount", "error.recovery.aboveBalance", r.balance()));
        }
        if (p == null || p.paidOn() == null) {
            errors.add(FieldViolation.of("paidOn", "error.recovery.paidOn"));
        } else if (p.paidOn().isAfter(rows.today())) {
            errors.add(FieldViolation.of("paidOn", "error.recovery.paidOnFuture"));
        }
        String note = p == null || p.note() == null ? null : p.note().strip();
        if (note != null && note.length() > REASON_MAX) {
            errors.add(FieldViolation.of("note", "error.recovery.tooLong", REASON_MAX));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return collect(by, r, StepKind.REPAID, p.amount(), p.paidOn(), null, note == null || note.isEmpty() ? null : note,
                new Ledger.Posting(Account.of(r.fund(), "1002"), RecoveryRows.receivable(r.fund()), p.amount()));
    }

    /**
     * Asks for a write-off of (part of) the balance, with the reason; it waits for a second user's approval and moves
     * nothing meanwhile. One open request per case (a second: 409).
     */
    @Transactional
    public WriteOff requestWriteOff(ShebaoUser by, long id, Money amount, String reason) {
        Recovery r = rows.visible(by, id, MAKERS);
        Money a = amount == null ? r.balance() : amount;
        List<FieldViolation> errors = new ArrayList<>();
        if (!a.isPositive()) {
            errors.add(FieldViolation.of("amount", "error.recovery.amount"));
        } else if (a.compareTo(r.balance()) > 0) {
            errors.add(FieldViolation.of("amount", "error.recovery.aboveBalance", r.balance()));
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            errors.add(FieldViolation.of("reason", "error.recovery.reason"));
        } else if (text.length() > REASON_MAX) {
            errors.add(FieldViolation.of("reason", "error.recovery.tooLong", REASON_MAX));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long wid;
        try {
            wid = jdbc.sql("""
                    INSERT INTO recovery_writeoff (region_code, case_id, amount, reason, status, requested_by, requested_at)
                    VALUES (:r, :c, :a, :reason, 'REQUESTED', :by, :now) RETURNING id""")
                    .param("r", r.regionCode()).param("c", r.id()).param("a", a.amount()).param("reason", text)
                    .param("by", by.getUsername()).param("now", rows.now()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("amount", "error.recovery.writeOffPending");
        }
        rows.step(r, StepKind.WRITE_OFF_REQUESTED, a, r.balance(), null, null, wid, text, by.getUsername());
        return rows.writeOffs(id).stream().filter(w -> w.id() == wid).findFirst().orElseThrow();
    }

    /**
     * Decides the open write-off request: approved (Dr the benefit's expense / Cr 1231, the balance goes down) or
     * rejected. Only a second user: the maker is refused (409, and the database refuses it too); nothing to decide
     * or decided at the same time by another: 409.
     */
    @Transactional
    public Recovery decideWriteOff(ShebaoUser by, long id, boolean approve) {
        Recovery r = rows.visible(by, id, CHECKERS);
        WriteOff w = rows.writeOffs(id).stream().filter(WriteOff::open).findFirst()
                .orElseThrow(() -> new ConflictException("decision", "error.recovery.noWriteOff"));
        if (w.requestedBy().equals(by.getUsername())) {
            throw new ConflictException("decision", "error.recovery.makerCannotApprove");
        }
        int n = jdbc.sql("""
                UPDATE recovery_writeoff SET status = :s, decided_by = :by, decided_at = :now
                 WHERE id = :id AND region_code = :r AND status = 'REQUESTED'""")
                .param("s", approve ? "APPROVED" : "REJECTED").param("by", by.getUsername()).param("now", rows.now())
                .param("id", w.id()).param("r", r.regionCode()).update();
        if (n == 0) {
            throw new ConflictException("decision", "error.recovery.noWriteOff");
        }
        if (!approve) {
            rows.step(r, StepKind.WRITE_OFF_REJECTED, w.amount(), r.balance(), null, null, w.id(), null, by.getUsername());
            return rows.find(id).orElseThrow();
        }
        if (w.amount().compareTo(r.balance()) > 0) {
            throw new ConflictException("decision", "error.recovery.stale");
        }
        return collect(by, r, StepKind.WRITTEN_OFF, w.amount(), null, w.id(), w.reason(),
                new Ledger.Posting(RecoveryRows.paidFrom(r.fund(), null, false), RecoveryRows.receivable(r.fund()),
                        w.amount()));
    }

    /**
     * Takes an amount off the balance with its voucher and history entry, once: a deduction waiting for a run is
     * withdrawn first (a run already paying it: 409) and re-cut to what is left; the balance the user read must still
     * be the balance (else 409); reaching zero closes the case.
     */
    private Recovery collect(ShebaoUser by, Recovery r, StepKind kind, Money amount, LocalDate paidOn, Long writeOffId,
                             String note, Ledger.Posting posting) {
        java.util.Optional<RecoveryRows.Pending> pending = rows.pendingInstallment(r);
        if (!rows.withdrawPending(r)) {
            throw new ConflictException("amount", "error.recovery.deductionInRun");
        }
        if (!rows.reduce(r, r.balance(), amount)) {
            throw new ConflictException("amount", "error.recovery.stale");
        }
        Money left = r.balance().minus(amount);
        long stepId = jdbc.sql("SELECT nextval(pg_get_serial_sequence('recovery_step', 'id'))").query(Long.class).single();
        String voucher = "recovery-step:" + r.id() + ":" + stepId;
        ledger.post(r.fund(), paidOn != null ? paidOn : rows.today(), voucher, by.getUsername(),
                (kind == StepKind.REPAID ? "收回多发待遇" : "核销多发待遇") + "（追回案件 " + r.id() + "）" + r.personName(),
                List.of(posting));
        rows.step(r, kind, amount, left, voucher, paidOn, writeOffId, note, by.getUsername());
        if (left.isZero()) {
            rows.step(r, StepKind.CLOSED, null, left, null, null, null, null, by.getUsername());
        } else if (pending.isPresent() && r.deductOrder() != null) {
            Recovery now = rows.find(r.id()).orElseThrow();
            orders.order(r.deductOrder()).ifPresent(o -> rows.schedule(now, o.id(), left, o.monthlyAmount(),
                    pending.get().month()));
        }
        return rows.find(r.id()).orElseThrow();
    }
}
