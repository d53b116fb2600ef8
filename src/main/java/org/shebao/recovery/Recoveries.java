package org.shebao.recovery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.PayrollRunCompleted;
import org.shebao.payroll.StandingOrders;
import org.shebao.settlement.Decision;
import org.shebao.settlement.WorklistItemDecided;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery cases (追回, issue 15 item 5): opening one per over-payment, the deductions the payroll runs take, and what
 * staff read (the list with totals, a person's cases, balances per region and fund). The other steps are in
 * {@link RecoverySteps}.
 *
 * <p>Books: opening takes the over-payment out of the account that paid it (the benefit's expense, or 1221 for a
 * pension pre-payment not settled yet) into the fund's receivable 1231 应收多发待遇 — the money was never the fund's
 * expense, it is owed back. A source that booked the receivable itself (death data, a pre-payment settlement, a
 * benefit stop) passes its voucher and nothing is booked twice. Each collection is booked against 1231: a deduction by
 * the payroll run's own voucher (its negative line, Dr 1002 less paid out / Cr 1231), a repayment Dr 1002 / Cr 1231, an
 * approved write-off Dr expense / Cr 1231 (the loss the fund bears after all).
 */
@Service
@RequiredArgsConstructor
public class Recoveries {
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final StandingOrders orders;
    private final RecoveryRows rows;

    /**
     * An over-payment to recover, as its source knows it.
     *
     * @param sourceRef what found it (unique: opening the same source again returns the case already open)
     * @param paidOrder the standing order that over-paid (null when none)
     * @param bookedAs  the voucher that already booked the receivable, or null: then opening books it
     */
    public record Opening(long personId, String personName, RegionCode region, Fund fund, Benefit benefit,
                          Cause cause, String sourceRef, String caseRef, Long paidOrder, List<String> clauses,
                          Money amount, String bookedAs, String by) {
        public Opening {
            Objects.requireNonNull(region);
            Objects.requireNonNull(fund);
            Objects.requireNonNull(cause);
            Objects.requireNonNull(sourceRef);
            if (amount == null || !amount.isPositive()) {
                throw InvalidInputException.of("amount", "error.recovery.amount");
            }
        }
    }

    /**
     * Opens the recovery of an over-payment, in the caller's transaction: the case, its first history entry and the
     * receivable (unless the source booked it). Idempotent per source: the case already open for it is returned.
     */
    @Transactional
    public Recovery open(Opening o) {
        Optional<Recovery> existing = bySource(o.sourceRef(), o.region());
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean unsettledPrepayment = o.paidOrder() != null && orders.order(o.paidOrder())
                .filter(f -> f.kind() == OrderKind.PREPAYMENT && !f.prepaymentSettled()).isPresent();
        String voucher = o.bookedAs();
        Long id = jdbc.sql("""
                INSERT INTO recovery_case (region_code, person_id, person_name, fund, cause, source_ref, case_ref,
                                           paid_order, clauses, amount, balance, status, booked_as, opened_by, opened_at)
                VALUES (:r, :p, :name, :fund, :cause, :src, :case, :order, :clauses, :a, :a, 'OPEN', :booked, :by, :now)
                ON CONFLICT (source_ref, region_code) DO NOTHING RETURNING id""")
                .param("r", o.region().value()).param("p", o.personId())
                .param("name", o.personName() == null || o.personName().isBlank() ? "—" : clip(o.personName(), 50))
                .param("fund", o.fund().name()).param("cause", o.cause().name()).param("src", o.sourceRef())
                .param("case", o.caseRef()).param("order", o.paidOrder())
                .param("clauses", String.join(",", o.clauses() == null ? List.of() : o.clauses()))
                .param("a", o.amount().amount()).param("booked", voucher == null ? "recovery-open:" + o.sourceRef() : voucher)
                .param("by", o.by()).param("now", rows.now()).query(Long.class).optional().orElse(null);
        if (id == null) { // opened at the same time by another request
            return bySource(o.sourceRef(), o.region()).orElseThrow();
        }
        Recovery r = rows.find(id).orElseThrow();
        if (voucher == null) {
            ledger.post(o.fund(), rows.today(), r.bookedAs(), o.by(), "多发待遇应收（追回案件 " + id + "）" + r.personName(),
                    List.of(new Ledger.Posting(RecoveryRows.receivable(o.fund()),
                            RecoveryRows.paidFrom(o.fund(), o.benefit(), unsettledPrepayment), o.amount())));
        }
        rows.step(r, StepKind.OPENED, o.amount(), o.amount(), r.bookedAs(), null, null, null, o.by());
        return r;
    }

    /** One deduction a source planned already (e.g. a settlement's schedule): the payroll's adjustment and month. */
    public record Planned(long adjustmentId, YearMonth month, Money amount) {
    }

    /**
     * Opens a recovery whose deductions the source has put on the payroll itself (a pre-payment settlement's
     * schedule, FJ-1.3): the case follows them (each counted when its run completes) and is DEDUCTING from
     * {@code deductOrder}; when they are all paid and something is left, the next month's deduction is scheduled.
     */
    @Transactional
    public Recovery openDeducting(Opening o, long deductOrder, List<Planned> planned) {
        Recovery r = open(o);
        int n = jdbc.sql("""
                UPDATE recovery_case SET status = 'DEDUCTING', deduct_order = :o, version = version + 1
                 WHERE id = :id AND region_code = :r AND status = 'OPEN'""")
                .param("o", deductOrder).param("id", r.id()).param("r", r.regionCode()).update();
        if (n == 1) {
            for (Planned p : planned) {
                jdbc.sql("""
                        INSERT INTO recovery_installment (case_id, region_code, month, adjustment_id, amount)
                        VALUES (:c, :r, :m, :a, :amount)""")
                        .param("c", r.id()).param("r", r.regionCode()).param("m", p.month().atDay(1))
                        .param("a", p.adjustmentId()).param("amount", p.amount().amount()).update();
            }
            rows.step(r, StepKind.DEDUCTION_STARTED, null, r.balance(), null, null, null,
                    planned.size() + " 期，自 " + planned.stream().map(Planned::month).min(YearMonth::compareTo)
                            .map(YearMonth::toString).orElse("—"), o.by());
        }
        return rows.find(r.id()).orElseThrow();
    }

    public Optional<Recovery> bySource(String sourceRef, RegionCode region) {
        return jdbc.sql(RecoveryRows.SELECT + " WHERE source_ref = :s AND region_code = :r")
                .param("s", sourceRef).param("r", region.value()).query(rows::map).optional();
    }

    // ------------------------------------------------------------------------------------------------ the payroll

    /**
     * A run completed (inside its transaction): each of the region's deductions it paid is counted once (the
     * installment's paid_run is the single winner), the case's balance goes down by it (booked by the run's own
     * voucher) and, while something is left, the next month's deduction is scheduled.
     */
    @EventListener
    void onRunCompleted(PayrollRunCompleted e) {
        Map<Long, Money> paid = orders.adjustmentsPaidBy(e.runId());
        if (paid.isEmpty()) {
            return;
        }
        record Taken(long caseId, long adjustmentId, Money amount) {
        }
        List<Taken> taken = jdbc.sql("""
                UPDATE recovery_installment SET paid_run = :run
                 WHERE region_code = :r AND paid_run IS NULL AND adjustment_id IN (:ids)
                RETURNING case_id, adjustment_id, amount""")
                .param("run", e.runId()).param("r", e.regionCode()).param("ids", List.copyOf(paid.keySet()))
                .query((rs, i) -> new Taken(rs.getLong("case_id"), rs.getLong("adjustment_id"),
                        new Money(rs.getBigDecimal("amount")))).list();
        for (Taken t : taken) {
            Recovery r = rows.find(t.caseId()).orElseThrow();
            Money amount = paid.get(t.adjustmentId()).negate();
            if (!rows.reduce(r, r.balance(), amount)) {
                throw new IllegalStateException("recovery " + r.id() + ": deduction " + amount + " above its balance");
            }
            Money left = r.balance().minus(amount);
            String voucher = "payroll-run:" + e.runId() + (r.fund() == Fund.PENSION ? "" : ":" + benefitOf(r));
            rows.step(r, StepKind.DEDUCTED, amount, left, voucher, null, null, e.month().toString(), "system");
            if (left.isZero()) {
                rows.step(r, StepKind.CLOSED, null, left, null, null, null, null, "system");
            } else if (r.deductOrder() != null && rows.pendingInstallment(r).isEmpty()) {
                Recovery now = rows.find(r.id()).orElseThrow();
                orders.order(r.deductOrder()).ifPresent(o -> rows.schedule(now, o.id(), left, o.monthlyAmount(),
                        e.month().plusMonths(1)));
            }
        }
    }

    private String benefitOf(Recovery r) {
        return r.deductOrder() == null ? r.fund().name()
                : orders.order(r.deductOrder()).map(o -> o.benefit().name()).orElse(r.fund().name());
    }

    // ---------------------------------------------------------------------------------- the settlement worklists

    /**
     * A settlement item decided "recovery opened" (N-1e, FJ-1.7) opens the recovery of its amount from the standing
     * order it names, in the deciding transaction; an item that is not a payment cannot be recovered (400, the
     * decision is not recorded).
     */
    @EventListener
    void onDecided(WorklistItemDecided d) {
        if (d.decision() != Decision.RECOVERY_OPENED) {
            return;
        }
        if (d.ref() == null || !d.ref().startsWith("payroll-order:") || d.amount() == null || !d.amount().isPositive()) {
            throw InvalidInputException.of("decision", "error.recovery.notAPayment");
        }
        long orderId = Long.parseLong(d.ref().substring("payroll-order:".length()));
        StandingOrders.OrderFacts o = orders.order(orderId)
                .orElseThrow(() -> InvalidInputException.of("decision", "error.recovery.notAPayment"));
        open(new Opening(o.personId(), o.accountName(), new RegionCode(o.regionCode()), o.benefit().fund(), o.benefit(),
                Cause.SETTLEMENT_DECISION, "settlement-item:" + d.itemId(), d.caseRef(), orderId,
                List.of(d.clauses().split(",")), d.amount(), null, d.decidedBy()));
    }

    // ------------------------------------------------------------------------------------------------- reading

    static final Role[] READERS = {Role.FINANCE, Role.AUDITOR, Role.REVIEWER, Role.CLERK, Role.ADMIN};

    /** A case with its history, write-off requests and the deduction waiting for a run. */
    public record Details(Recovery recovery, List<RecoveryStep> steps, List<WriteOff> writeOffs,
                          Money pendingDeduction, YearMonth pendingMonth) {
        public Optional<WriteOff> openWriteOff() {
            return writeOffs.stream().filter(WriteOff::open).findFirst();
        }
    }

    public Details details(ShebaoUser by, long id) {
        Recovery r = rows.visible(by, id, READERS);
        Optional<RecoveryRows.Pending> p = rows.pendingInstallment(r);
        return new Details(r, rows.steps(id), rows.writeOffs(id), p.map(RecoveryRows.Pending::amount).orElse(null),
                p.map(RecoveryRows.Pending::month).orElse(null));
    }

    /** The list's filter: status and cause (null: any), open only. */
    public record Filter(RecoveryStatus status, Cause cause, boolean openOnly) {
    }

    /** The cases of the filter with its totals (amount, balance, count), not only the page's. */
    public record Listing(List<Recovery> cases, long count, Money amount, Money balance) {
    }

    public Listing list(ShebaoUser by, Filter f, int limit) {
        requireReader(by);
        String where = " WHERE region_code LIKE :scope AND (CAST(:status AS TEXT) IS NULL OR status = :status)"
                + " AND (CAST(:cause AS TEXT) IS NULL OR cause = :cause)" + (f.openOnly() ? " AND status <> 'CLOSED'" : "");
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("scope", by.region().scopePrefix() + "%");
        p.put("status", f.status() == null ? null : f.status().name());
        p.put("cause", f.cause() == null ? null : f.cause().name());
        List<Recovery> cases = jdbc.sql(RecoveryRows.SELECT + where + " ORDER BY opened_at DESC, id DESC LIMIT :limit")
                .params(p).param("limit", limit).query(rows::map).list();
        return jdbc.sql("SELECT count(*) AS n, COALESCE(sum(amount), 0) AS a, COALESCE(sum(balance), 0) AS b"
                        + " FROM recovery_case" + where).params(p)
                .query((rs, i) -> new Listing(cases, rs.getLong("n"), new Money(rs.getBigDecimal("a")),
                        new Money(rs.getBigDecimal("b")))).single();
    }

    /** A person's recoveries, newest first (the person's page; staff of the case's region only see theirs). */
    public List<Recovery> ofPerson(ShebaoUser by, long personId) {
        requireReader(by);
        return jdbc.sql(RecoveryRows.SELECT + " WHERE person_id = :p AND region_code LIKE :scope ORDER BY id DESC")
                .param("p", personId).param("scope", by.region().scopePrefix() + "%").query(rows::map).list();
    }

    /** A person's open recoveries for the person's page: none for a user who may not read recoveries. */
    public List<Recovery> openOf(ShebaoUser by, long personId) {
        if (by == null || !by.isStaff() || !by.has(READERS)) {
            return List.of();
        }
        return ofPerson(by, personId).stream().filter(r -> !r.closed()).toList();
    }

    /** Balances per region and fund: cases open, amount, still owed. */
    public record RegionBalance(String regionCode, Fund fund, long open, Money amount, Money balance) {
    }

    public List<RegionBalance> balances(ShebaoUser by) {
        requireReader(by);
        return jdbc.sql("""
                SELECT region_code, fund, count(*) FILTER (WHERE status <> 'CLOSED') AS open,
                       sum(amount) AS amount, sum(balance) AS balance
                  FROM recovery_case WHERE region_code LIKE :scope GROUP BY region_code, fund ORDER BY region_code, fund""")
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> new RegionBalance(rs.getString("region_code"), Fund.valueOf(rs.getString("fund")),
                        rs.getLong("open"), new Money(rs.getBigDecimal("amount")), new Money(rs.getBigDecimal("balance"))))
                .list();
    }

    /** What a person still owes, over all their open cases (the person's page). */
    public Money owedBy(long personId) {
        return new Money(jdbc.sql("SELECT COALESCE(sum(balance), 0) FROM recovery_case WHERE person_id = :p")
                .param("p", personId).query(java.math.BigDecimal.class).single());
    }

    private static void requireReader(ShebaoUser by) {
        if (!by.isStaff() || !by.has(READERS)) {
            throw new AccessDeniedToRecordException("recovery");
        }
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    LocalDate today() {
        return rows.today();
    }
}
