package org.shebao.contribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection section's money that is not (yet) a bill's: employers' credits (预收：多缴待抵) from payments above
 * what was owed, used on the employer's next bill automatically ({@link Bills#assess}) or refunded on request (the
 * amount reserved at once; approved or rejected by another user of the collection section); receipts that cannot be
 * matched to an employer (暂收款), matched later by finance to an employer (once: its credit, applied to its bills
 * still owing) or refunded; the totals. Books in the pension fund's chart: 2121 预收社会保险费, 2131 暂收款.
 */
@Service
public class Collection {
    private final JdbcClient jdbc;
    private final Employers employers;
    private final Payments payments;
    private final CreditBook credits;
    private final LateFees lateFees;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    public Collection(JdbcClient jdbc, Employers employers, Payments payments, CreditBook credits, LateFees lateFees,
                      Ledger ledger, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.payments = payments;
        this.credits = credits;
        this.lateFees = lateFees;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** A refund of credit as asked: amount in yuan, the reason. */
    public record RefundRequest(String amount, String reason) {
    }

    /** A decision on a refund: approve (true) or reject, with a note. */
    public record RefundDecision(Boolean approve, String note) {
    }

    /** A refund of an employer's credit. */
    public record Refund(long id, long employerId, String employerName, Money amount, String reason, String status,
                         String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                         String note) {
    }

    /** An employer's credit: the balance and its movements, newest first. */
    public record Credit(long employerId, String employerName, Money balance, List<Movement> movements,
                         List<Refund> refunds) {
    }

    /** One movement of a credit (kind: OVERPAID, MATCHED, APPLIED, REFUND, REFUND_REJECTED). */
    public record Movement(String kind, Money amount, Long paymentId, Long receiptId, Long refundId,
                           OffsetDateTime at) {
    }

    /** A receipt as finance records it from the bank statement: reference, amount, day received, payer as written. */
    public record ReceiptInput(String reference, String amount, String receivedOn, String payer) {
    }

    /** Matching a receipt: the employer's credit code (统一社会信用代码), a note. */
    public record MatchInput(String creditCode, String note) {
    }

    /** A receipt not matched to an employer when it came (暂收款), and what became of it. */
    public record Receipt(long id, String reference, Money amount, LocalDate receivedOn, String payer, String status,
                          Long employerId, String employerName, String recordedBy, String resolvedBy,
                          OffsetDateTime resolvedAt, String note) {
    }

    /** The collection section's totals, of the user's region and below. */
    public record Totals(long lateFeesOwed, Money lateFeesOwedAmount, long credits, Money creditsAmount,
                         long receiptsUnmatched, Money receiptsUnmatchedAmount, long refundsPending,
                         Money refundsPendingAmount) {
    }

    // ---------------------------------------------------------------- credits and refunds

    /** The employer's credit (its own user, or staff of its region). */
    public Credit credit(ShebaoUser by, long employerId) {
        Employer e = employers.employer(by, employerId);
        List<Movement> movements = jdbc.sql("""
                        SELECT * FROM contribution_credit_movement WHERE employer_id = :e AND region_code = :r
                         ORDER BY id DESC LIMIT 200""")
                .param("e", employerId).param("r", e.regionCode())
                .query((rs, i) -> new Movement(rs.getString("kind"), new Money(rs.getBigDecimal("amount")),
                        rs.getObject("payment_id", Long.class), rs.getObject("receipt_id", Long.class),
                        rs.getObject("refund_id", Long.class), at(rs, "recorded_at"))).list();
        List<Refund> refunds = jdbc.sql("""
                        SELECT * FROM contribution_credit_refund WHERE employer_id = :e AND region_code = :r
                         ORDER BY id DESC LIMIT 100""")
                .param("e", employerId).param("r", e.regionCode()).query((rs, i) -> refund(rs, e.name())).list();
        return new Credit(employerId, e.name(), credits.balance(e.regionCode(), employerId), movements, refunds);
    }

    /** The employers of the staff user's region (and below) with a credit, largest first, at most 500. */
    public List<Credit> credits(ShebaoUser by) {
        staff(by, false);
        return jdbc.sql("""
                        SELECT employer_id, balance FROM contribution_employer_credit
                         WHERE region_code LIKE :scope AND balance > 0 ORDER BY balance DESC, employer_id LIMIT 500""")
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> new Credit(rs.getLong("employer_id"), employers.nameOf(rs.getLong("employer_id"))
                        .orElse(""), new Money(rs.getBigDecimal("balance")), List.of(), List.of())).list();
    }

    /**
     * Asks for a refund of the employer's credit (its own user, or finance / an administrator of its region): the
     * amount is reserved off the balance at once (one winner: two requests cannot take the same money); above the
     * balance it is refused, naming the field, nothing written.
     */
    @Transactional
    public Refund requestRefund(ShebaoUser by, long employerId, RefundRequest r) {
        Employer e = employers.employer(by, employerId);
        if (by.isStaff() && !by.has(Role.FINANCE, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("refund");
        }
        Violations v = new Violations();
        Money amount = Payments.amount(v, r == null ? null : r.amount(), "amount");
        String reason = v.text(r == null ? null : r.reason(), "reason", 500, true);
        v.throwIfAny();
        Bills.lock(jdbc, employerId);
        Money balance = credits.balance(e.regionCode(), employerId);
        if (amount.compareTo(balance) > 0) {
            throw InvalidInputException.of("amount", "error.refund.aboveCredit", amount.toString(), balance.toString());
        }
        long id = jdbc.sql("""
                        INSERT INTO contribution_credit_refund (region_code, employer_id, amount, reason, status,
                               requested_by, requested_at)
                        VALUES (:r, :e, :a, :reason, 'REQUESTED', :by, :at) RETURNING id""")
                .param("r", e.regionCode()).param("e", employerId).param("a", amount.amount()).param("reason", reason)
                .param("by", by.getUsername()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        if (!credits.take(e.regionCode(), employerId, amount, CreditBook.Movement.REFUND, null, id,
                by.getUsername())) {
            throw InvalidInputException.of("amount", "error.refund.aboveCredit", amount.toString(), balance.toString());
        }
        credits.history(e.regionCode(), "REFUND", id, null, "REQUESTED", amount, by.getUsername(), reason);
        audit.record(by.getUsername(), AuditAction.COLLECTION_STEP, "employer " + employerId,
                "credit refund " + id + " requested: " + amount);
        return refund(id);
    }

    /**
     * Approves (the money leaves the collection account: 预收 against bank) or rejects (the amount goes back to the
     * credit) a refund: finance or an administrator of the region, never the one who asked; once (a second decision
     * is a conflict).
     */
    @Transactional
    public Refund decideRefund(ShebaoUser by, long refundId, RefundDecision d) {
        Refund r = refund(refundId);
        Employer e = employers.employer(by, r.employerId());
        if (!by.isStaff() || !by.has(Role.FINANCE, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("refund");
        }
        if (d == null || d.approve() == null) {
            throw InvalidInputException.of("approve", "error.required");
        }
        Violations v = new Violations();
        String note = v.text(d.note(), "note", 500, !d.approve());
        v.throwIfAny();
        if (r.requestedBy().equals(by.getUsername())) {
            throw new ConflictException("decision", "error.refund.makerCannotDecide");
        }
        String status = d.approve() ? "APPROVED" : "REJECTED";
        int n = jdbc.sql("""
                        UPDATE contribution_credit_refund SET status = :s, decided_by = :by, decided_at = :at, note = :note
                         WHERE id = :id AND region_code = :r AND status = 'REQUESTED'""")
                .param("s", status).param("by", by.getUsername()).param("at", OffsetDateTime.now(clock))
                .param("note", note, java.sql.Types.VARCHAR).param("id", refundId).param("r", e.regionCode()).update();
        if (n != 1) {
            throw new ConflictException("decision", "error.refund.decided");
        }
        if (d.approve()) {
            ledger.post(Fund.PENSION, LocalDate.now(clock), "credit-refund:" + refundId, by.getUsername(),
                    "退还单位多缴 单位 " + r.employerId() + " " + r.amount(), List.of(new Ledger.Posting(
                            Account.PENSION_EMPLOYER_CREDITS, Account.contributions(Fund.PENSION).bank(), r.amount())));
        } else {
            credits.add(e.regionCode(), r.employerId(), r.amount(), CreditBook.Movement.REFUND_REJECTED, null, null,
                    refundId, by.getUsername(), LocalDate.now(clock));
        }
        credits.history(e.regionCode(), "REFUND", refundId, "REQUESTED", status, r.amount(), by.getUsername(), note);
        audit.record(by.getUsername(), AuditAction.COLLECTION_STEP, "employer " + r.employerId(),
                "credit refund " + refundId + " " + status.toLowerCase());
        return refund(refundId);
    }

    /** Refunds asked for and not yet decided, in the staff user's region (and below), oldest first. */
    public List<Refund> pendingRefunds(ShebaoUser by) {
        staff(by, false);
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("""
                        SELECT * FROM contribution_credit_refund WHERE region_code LIKE :scope AND status = 'REQUESTED'
                         ORDER BY id LIMIT 500""")
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> refund(rs, names.computeIfAbsent(rs.getLong("employer_id"),
                        k -> employers.nameOf(k).orElse("")))).list();
    }

    Refund refund(long id) {
        return jdbc.sql("SELECT * FROM contribution_credit_refund WHERE id = :id").param("id", id)
                .query((rs, i) -> refund(rs, employers.nameOf(rs.getLong("employer_id")).orElse(""))).optional()
                .orElseThrow(() -> new NotFoundException("refund " + id));
    }

    private Refund refund(ResultSet rs, String name) throws SQLException {
        return new Refund(rs.getLong("id"), rs.getLong("employer_id"), name, new Money(rs.getBigDecimal("amount")),
                rs.getString("reason"), rs.getString("status"), rs.getString("requested_by"), at(rs, "requested_at"),
                rs.getString("decided_by"), at(rs, "decided_at"), rs.getString("note"));
    }

    // ---------------------------------------------------------------- receipts not matched (暂收款)

    /**
     * Records a receipt of the collection account that names no employer or bill it can be matched to (finance, a
     * clerk or an administrator of a region): booked as 暂收款 (bank against 2131) and listed until matched or
     * refunded. A reference recorded before is a conflict (409).
     */
    @Transactional
    public Receipt recordReceipt(ShebaoUser by, ReceiptInput in) {
        staff(by, true);
        Violations v = new Violations();
        String reference = Payments.reference(v, in == null ? null : in.reference(), "reference");
        Money amount = Payments.amount(v, in == null ? null : in.amount(), "amount");
        LocalDate today = LocalDate.now(clock);
        LocalDate on = in == null || in.receivedOn() == null || in.receivedOn().isBlank() ? today
                : v.date(in.receivedOn(), "receivedOn", true);
        if (on != null && on.isAfter(today)) {
            v.add("receivedOn", "error.date.future", today);
        }
        String payer = v.text(in == null ? null : in.payer(), "payer", 200, false);
        v.throwIfAny();
        String region = by.region().value();
        Long id = jdbc.sql("""
                        INSERT INTO contribution_receipt (region_code, reference, amount, received_on, payer, status,
                               recorded_by, recorded_at)
                        VALUES (:r, :ref, :a, :on, :payer, 'UNMATCHED', :by, :at)
                        ON CONFLICT (reference, region_code) DO NOTHING RETURNING id""")
                .param("r", region).param("ref", reference).param("a", amount.amount()).param("on", on)
                .param("payer", payer, java.sql.Types.VARCHAR).param("by", by.getUsername())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new ConflictException("reference", "error.payment.reference.exists", reference);
        }
        ledger.post(Fund.PENSION, on, "receipt:" + id, by.getUsername(), "暂收款 " + reference + " " + amount,
                List.of(new Ledger.Posting(Account.contributions(Fund.PENSION).bank(),
                        Account.PENSION_UNIDENTIFIED_RECEIPTS, amount)));
        credits.history(region, "RECEIPT", id, null, "UNMATCHED", amount, by.getUsername(), payer);
        audit.record(by.getUsername(), AuditAction.COLLECTION_STEP, "receipt " + id,
                "unidentified receipt " + reference + " " + amount);
        return receipt(by, id);
    }

    /**
     * Matches an unmatched receipt to an employer of the region named by its credit code (unknown: refused, naming
     * the field, nothing written): once (one winner among parallel matches, the others 409); the money becomes the
     * employer's credit (暂收款 against 预收) and is applied at once to its bills still owing, oldest first.
     */
    @Transactional
    public Receipt match(ShebaoUser by, long receiptId, MatchInput in) {
        staff(by, true);
        Receipt r = receipt(by, receiptId);
        Violations v = new Violations();
        Employer employer = payments.employer(v, by, in == null ? null : in.creditCode(), new HashMap<>());
        String note = v.text(in == null ? null : in.note(), "note", 500, false);
        if (employer != null && !employer.regionCode().equals(regionOf(receiptId))) {
            v.add("creditCode", "error.payment.otherRegion", employer.name());
        }
        v.throwIfAny();
        Bills.lock(jdbc, employer.id());
        resolve(by, r, employer.regionCode(), "MATCHED", employer.id(), note, Account.PENSION_EMPLOYER_CREDITS,
                "暂收款查明 " + r.reference() + " 转单位 " + employer.id() + " 预收",
                employer.name() + (note == null ? "" : "；" + note));
        credits.add(employer.regionCode(), employer.id(), r.amount(), CreditBook.Movement.MATCHED, null, receiptId,
                null, by.getUsername(), r.receivedOn());
        payments.applyCredit(by, employer, null);
        return receipt(by, receiptId);
    }

    /** Refunds an unmatched receipt to its payer (a note is required): once; 暂收款 against bank. */
    @Transactional
    public Receipt refundReceipt(ShebaoUser by, long receiptId, String note) {
        staff(by, true);
        Receipt r = receipt(by, receiptId);
        Violations v = new Violations();
        String text = v.text(note, "note", 500, true);
        v.throwIfAny();
        resolve(by, r, regionOf(receiptId), "REFUNDED", null, text, Account.contributions(Fund.PENSION).bank(),
                "暂收款退回 " + r.reference(), text);
        return receipt(by, receiptId);
    }

    /**
     * Resolves an unmatched receipt once ({@code UPDATE … WHERE status = 'UNMATCHED'}: a second, even in parallel, is
     * a conflict): its new status (and employer), the books (暂收款 against {@code to}), the history and the log.
     */
    private void resolve(ShebaoUser by, Receipt r, String region, String status, Long employerId, String note,
                         Account to, String memo, String historyNote) {
        int n = jdbc.sql("""
                        UPDATE contribution_receipt SET status = :s, employer_id = :e, resolved_by = :by,
                               resolved_at = :at, note = :note
                         WHERE id = :id AND region_code = :r AND status = 'UNMATCHED'""")
                .param("s", status).param("e", employerId, java.sql.Types.BIGINT).param("by", by.getUsername())
                .param("at", OffsetDateTime.now(clock)).param("note", note, java.sql.Types.VARCHAR)
                .param("id", r.id()).param("r", region).update();
        if (n != 1) {
            throw new ConflictException("receipt", "error.receipt.resolved");
        }
        ledger.post(Fund.PENSION, LocalDate.now(clock), "receipt:" + r.id() + ":" + status.toLowerCase(),
                by.getUsername(), memo, List.of(new Ledger.Posting(Account.PENSION_UNIDENTIFIED_RECEIPTS, to,
                        r.amount())));
        credits.history(region, "RECEIPT", r.id(), "UNMATCHED", status, r.amount(), by.getUsername(), historyNote);
        audit.record(by.getUsername(), AuditAction.COLLECTION_STEP, "receipt " + r.id(),
                status.toLowerCase() + (employerId == null ? "" : " to employer " + employerId));
    }

    /** The receipts of the staff user's region (and below): unmatched ones, or all, oldest first, at most 500. */
    public List<Receipt> receipts(ShebaoUser by, boolean unmatchedOnly) {
        staff(by, false);
        return jdbc.sql("SELECT * FROM contribution_receipt WHERE region_code LIKE :scope"
                        + (unmatchedOnly ? " AND status = 'UNMATCHED'" : "") + " ORDER BY received_on, id LIMIT 500")
                .param("scope", by.region().scopePrefix() + "%").query(this::receipt).list();
    }

    Receipt receipt(ShebaoUser by, long id) {
        return jdbc.sql("SELECT * FROM contribution_receipt WHERE id = :id AND region_code LIKE :scope")
                .param("id", id).param("scope", by.region().scopePrefix() + "%").query(this::receipt).optional()
                .orElseThrow(() -> new NotFoundException("receipt " + id));
    }

    private String regionOf(long receiptId) {
        return jdbc.sql("SELECT region_code FROM contribution_receipt WHERE id = :id").param("id", receiptId)
                .query(String.class).single();
    }

    private Receipt receipt(ResultSet rs, int i) throws SQLException {
        Long employerId = rs.getObject("employer_id", Long.class);
        return new Receipt(rs.getLong("id"), rs.getString("reference"), new Money(rs.getBigDecimal("amount")),
                rs.getObject("received_on", LocalDate.class), rs.getString("payer"), rs.getString("status"),
                employerId, employerId == null ? null : employers.nameOf(employerId).orElse(""),
                rs.getString("recorded_by"), rs.getString("resolved_by"), at(rs, "resolved_at"), rs.getString("note"));
    }

    // ---------------------------------------------------------------- totals

    /** The totals of the collection section's lists, in the staff user's region (and below). */
    public Totals totals(ShebaoUser by) {
        staff(by, false);
        String scope = by.region().scopePrefix() + "%";
        Object[] fees = sum("SELECT count(*), COALESCE(sum(charged - paid), 0) FROM contribution_late_fee"
                + " WHERE region_code LIKE :scope AND status IN ('OPEN', 'PART_PAID')", scope);
        Object[] cr = sum("SELECT count(*), COALESCE(sum(balance), 0) FROM contribution_employer_credit"
                + " WHERE region_code LIKE :scope AND balance > 0", scope);
        Object[] rc = sum("SELECT count(*), COALESCE(sum(amount), 0) FROM contribution_receipt"
                + " WHERE region_code LIKE :scope AND status = 'UNMATCHED'", scope);
        Object[] rf = sum("SELECT count(*), COALESCE(sum(amount), 0) FROM contribution_credit_refund"
                + " WHERE region_code LIKE :scope AND status = 'REQUESTED'", scope);
        return new Totals((long) fees[0], (Money) fees[1], (long) cr[0], (Money) cr[1], (long) rc[0], (Money) rc[1],
                (long) rf[0], (Money) rf[1]);
    }

    private Object[] sum(String sql, String scope) {
        return jdbc.sql(sql).param("scope", scope)
                .query((rs, i) -> new Object[]{rs.getLong(1), new Money(rs.getBigDecimal(2))}).single();
    }

    /** The employer's late fees (its own user, or staff of its region). */
    public List<LateFee> lateFees(ShebaoUser by, long employerId) {
        return lateFees.ofEmployer(by, employerId);
    }

    /** The late fees of the staff user's region: still owed, or all. */
    public List<LateFee> lateFees(ShebaoUser by, boolean owedOnly) {
        return lateFees.ofRegion(by, owedOnly);
    }

    private static void staff(ShebaoUser by, boolean write) {
        if (!by.isStaff() || (write && !by.has(Role.FINANCE, Role.CLERK, Role.ADMIN))) {
            throw new AccessDeniedToRecordException("collection");
        }
    }

    private OffsetDateTime at(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
