package org.shebao.payroll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.common.InvalidInputException;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of a recipient's bank account, with its own approval (issue 15, item 4): one finance user of the order's
 * region asks for it (new account, name, bank, reason), another approves or rejects it (maker-checker: the database
 * refuses a decision by the one who asked, payroll_account_change_four_eyes); the decision is a single-winner update of
 * a PENDING request. The requests of an order are its account's history.
 *
 * <p>Reissue: the approval changes the order's account and schedules every failed payment of the order not yet
 * reissued as a REISSUE adjustment of the month after the failed run, so the <em>next regular run</em> pays it, with
 * the order's month, to the corrected account. We chose the next regular run over a separate reissue run: the reissue
 * then passes the same maker-checker approval, bank file and return as every payment, the recipient gets one transfer,
 * and no second kind of run needs its own approval and books. It is paid once: one adjustment per failed payment
 * (payroll_adjustment_reissue_once), paid by the one run that takes it (paid_run), booked Dr 2201 / Cr 1002.
 */
@Service
@RequiredArgsConstructor
public class AccountChanges {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BankLayouts layouts;
    private final AuditLog audit;

    /**
     * A request as sent: the order, the new account, the account holder's name, the bank, the reason; or, with
     * {@code sameAccount}, only the order and the reason: the account was right and the bank's own fault returned
     * the payment, which is reissued to the same account.
     */
    public record Request(Long orderId, String account, String name, String bank, String reason, Boolean sameAccount) {
        public boolean reissueOnly() {
            return Boolean.TRUE.equals(sameAccount);
        }
    }

    /** A request and its decision (the account's history). */
    public record Change(long id, String regionCode, long orderId, long personId, String oldAccount, String oldName,
                         String oldBank, String newAccount, String newName, String newBank, String reason,
                         ChangeStatus status, String requestedBy, OffsetDateTime requestedAt, String decidedBy,
                         OffsetDateTime decidedAt, Integer reissued, boolean sameAccount) {
        public String maskedOld() {
            return BankPayments.masked(oldAccount);
        }

        public String maskedNew() {
            return BankPayments.masked(newAccount);
        }
    }

    /** Where a request stands (payroll_account_change.status). */
    public enum ChangeStatus {
        PENDING, APPROVED, REJECTED
    }

    private record OrderRow(long id, String regionCode, String bankAccount, String accountName, String bankCode) {
    }

    /** Asks for a change, as a finance user of the order's region; bad fields named (400), one open per order (409). */
    public Change request(ShebaoUser by, Request r) {
        Violations v = new Violations();
        if (r.orderId() == null) {
            v.add("orderId", "error.required");
        }
        String account = r.account() == null ? "" : r.account().replace(" ", "");
        if (!r.reissueOnly() && !account.matches("[0-9]{8,32}")) {
            v.add("account", "error.accountChange.account");
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (!r.reissueOnly() && (name.isEmpty() || name.length() > 50)) {
            v.add("name", "error.accountChange.name");
        }
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            v.add("reason", "error.accountChange.reason");
        }
        OrderRow o = null;
        if (r.orderId() != null) {
            o = order(by, r.orderId());
            if (r.reissueOnly()) {
                // the same account: only for a returned payment not reissued yet
                account = o.bankAccount();
                name = o.accountName();
                if (unreissuedFailures(o) == 0) {
                    v.add("sameAccount", "error.accountChange.nothingToReissue");
                }
            } else {
                if (layouts.layout(new RegionCode(o.regionCode()), LocalDate.now(clock), r.bank()).isEmpty()) {
                    v.add("bank", "error.accountChange.bank");
                }
                if (account.equals(o.bankAccount()) && name.equals(o.accountName())) {
                    v.add("account", "error.accountChange.same");
                }
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v.list());
        }
        OrderRow order = o;
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO payroll_account_change (region_code, order_id, old_account, old_name, old_bank,
                           new_account, new_name, new_bank, reason, requested_by, requested_at, same_account)
                    VALUES (:r, :o, :oa, :on, :ob, :na, :nn, :nb, :reason, :by, :now, :same) RETURNING id""")
                    .param("r", order.regionCode()).param("o", order.id()).param("oa", order.bankAccount())
                    .param("on", order.accountName()).param("ob", order.bankCode()).param("na", account)
                    .param("nn", name).param("nb", r.reissueOnly() ? returnedThrough(order) : r.bank())
                    .param("same", r.reissueOnly()).param("reason", reason).param("by", by.getUsername())
                    .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("orderId", "error.accountChange.pending");
        }
        audit.record(by.getUsername(), AuditAction.PAYROLL_ACCOUNT_CHANGE_REQUESTED, "payroll-order:" + order.id(),
                "change " + id);
        return change(id).orElseThrow();
    }

    /**
     * Approves a pending request, as another finance user of its region: the order's account changes and its failed
     * payments are scheduled for reissue in the next regular run. The one who asked: 409; decided already: 409.
     */
    public Change approve(ShebaoUser by, long id) {
        return decide(by, id, ChangeStatus.APPROVED);
    }

    /** Rejects a pending request, as another finance user of its region: nothing changes but the request. */
    public Change reject(ShebaoUser by, long id) {
        return decide(by, id, ChangeStatus.REJECTED);
    }

    private Change decide(ShebaoUser by, long id, ChangeStatus to) {
        Change c = change(id).orElseThrow(() -> new NotFoundException("account change " + id));
        if (!by.isStaff() || !by.has(Role.FINANCE) || !by.region().covers(new RegionCode(c.regionCode()))) {
            throw new AccessDeniedToRecordException("account change");
        }
        if (c.requestedBy().equals(by.getUsername())) {
            throw new ConflictException("decision", "error.accountChange.makerCannotDecide");
        }
        tx.executeWithoutResult(s -> {
            int won = jdbc.sql("""
                    UPDATE payroll_account_change SET status = :to, decided_by = :by, decided_at = :now
                     WHERE id = :id AND region_code = :r AND status = 'PENDING' AND requested_by <> :by""")
                    .param("to", to.name()).param("by", by.getUsername()).param("now", OffsetDateTime.now(clock))
                    .param("id", id).param("r", c.regionCode()).update();
            if (won == 0) {
                throw new ConflictException("decision", "error.accountChange.decided");
            }
            int reissued = 0;
            if (to == ChangeStatus.APPROVED) {
                int changed = jdbc.sql("""
                        UPDATE payroll_order SET bank_account = :na, account_name = :nn, bank_code = :nb,
                               version = version + 1
                         WHERE id = :o AND region_code = :r AND bank_account = :oa AND account_name = :on""")
                        .param("na", c.newAccount()).param("nn", c.newName()).param("nb", c.newBank())
                        .param("o", c.orderId()).param("r", c.regionCode()).param("oa", c.oldAccount())
                        .param("on", c.oldName()).update();
                if (changed == 0) { // the account changed since the request: it is decided on stale facts
                    throw new ConflictException("decision", "error.accountChange.stale");
                }
                reissued = jdbc.sql("""
                        INSERT INTO payroll_adjustment (order_id, region_code, month, kind, amount, flags, memo,
                                                        created_at, reissue_of)
                        SELECT p.order_id, p.region_code, (r.month + INTERVAL '1 month')::date, 'REISSUE', p.amount, '',
                               '银行退回重发（账户变更 ' || :id || ' 已复核）', :now, p.id
                          FROM payroll_payment p JOIN payroll_run r ON r.id = p.run_id AND r.region_code = p.region_code
                         WHERE p.order_id = :o AND p.region_code = :r AND p.status = 'FAILED'
                        ON CONFLICT (reissue_of, region_code) DO NOTHING""")
                        .param("id", id).param("now", OffsetDateTime.now(clock)).param("o", c.orderId())
                        .param("r", c.regionCode()).update();
                jdbc.sql("UPDATE payroll_account_change SET reissued = :n WHERE id = :id AND region_code = :r")
                        .param("n", reissued).param("id", id).param("r", c.regionCode()).update();
            }
            audit.record(by.getUsername(), AuditAction.PAYROLL_ACCOUNT_CHANGE_DECIDED, "payroll-order:" + c.orderId(),
                    "change " + id + " " + to + (to == ChangeStatus.APPROVED ? ", reissue " + reissued : ""));
        });
        return change(id).orElseThrow();
    }

    /** The requests waiting for a decision in the user's region, oldest first. */
    public List<Change> pending(ShebaoUser by) {
        return list(by, "c.status = 'PENDING'", "c.id", null);
    }

    /** The decided requests of the user's region, newest first (the history). */
    public List<Change> decided(ShebaoUser by) {
        return list(by, "c.status <> 'PENDING'", "c.id DESC", null);
    }

    /** An order's account history: every request and its decision, newest first. */
    public List<Change> history(ShebaoUser by, long orderId) {
        OrderRow o = order(by, orderId);
        return list(by, "c.order_id = :o", "c.id DESC", o.id());
    }

    private List<Change> list(ShebaoUser by, String where, String orderBy, Long orderId) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("account change");
        }
        return jdbc.sql(SELECT + " WHERE c.region_code LIKE :scope AND " + where + " ORDER BY " + orderBy + " LIMIT 200")
                .param("scope", by.region().scopePrefix() + "%").param("o", orderId == null ? -1L : orderId)
                .query(Change.class).list().stream().map(this::local).toList();
    }

    public Optional<Change> change(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(Change.class).optional().map(this::local);
    }

    /** The request with its moments as the platform's clock tells time (Asia/Shanghai), for the screens. */
    private Change local(Change c) {
        return new Change(c.id(), c.regionCode(), c.orderId(), c.personId(), c.oldAccount(), c.oldName(), c.oldBank(),
                c.newAccount(), c.newName(), c.newBank(), c.reason(), c.status(), c.requestedBy(), at(c.requestedAt()),
                c.decidedBy(), at(c.decidedAt()), c.reissued(), c.sameAccount());
    }

    private OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private static final String SELECT = """
            SELECT c.id, c.region_code, c.order_id, o.person_id, c.old_account, c.old_name, c.old_bank, c.new_account,
                   c.new_name, c.new_bank, c.reason, c.status, c.requested_by, c.requested_at, c.decided_by,
                   c.decided_at, c.reissued, c.same_account
              FROM payroll_account_change c JOIN payroll_order o ON o.id = c.order_id AND o.region_code = c.region_code""";

    /** The order's payments the bank returned that no approved request has scheduled for reissue yet. */
    private long unreissuedFailures(OrderRow o) {
        return jdbc.sql("""
                SELECT count(*) FROM payroll_payment p
                 WHERE p.order_id = :o AND p.region_code = :r AND p.status = 'FAILED'
                   AND NOT EXISTS (SELECT 1 FROM payroll_adjustment a
                                    WHERE a.reissue_of = p.id AND a.region_code = p.region_code)""")
                .param("o", o.id()).param("r", o.regionCode()).query(Long.class).single();
    }

    /** The order's bank, or, when it names none (found by the card prefix), the bank its last returned payment went through. */
    private String returnedThrough(OrderRow o) {
        return o.bankCode() != null ? o.bankCode() : jdbc.sql("""
                SELECT bank_code FROM payroll_payment WHERE order_id = :o AND region_code = :r AND status = 'FAILED'
                 ORDER BY id DESC LIMIT 1""").param("o", o.id()).param("r", o.regionCode()).query(String.class).single();
    }

    /** An order a finance user of its region may change (else 403; unknown: 404). */
    private OrderRow order(ShebaoUser by, long orderId) {
        OrderRow o = jdbc.sql("SELECT id, region_code, bank_account, account_name, bank_code FROM payroll_order WHERE id = :id")
                .param("id", orderId).query(OrderRow.class).optional()
                .orElseThrow(() -> new NotFoundException("payroll order " + orderId));
        if (!by.isStaff() || !by.has(Role.FINANCE) || !by.region().covers(new RegionCode(o.regionCode()))) {
            throw new AccessDeniedToRecordException("account change");
        }
        return o;
    }
}
