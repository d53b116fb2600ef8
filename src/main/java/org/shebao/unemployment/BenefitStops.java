package org.shebao.unemployment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.CaseQueries;
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
import org.shebao.common.RegionCode;
import org.shebao.ledger.Ledger;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.payroll.Benefit;
import org.shebao.recovery.Cause;
import org.shebao.recovery.Recoveries;
import org.shebao.registry.Enrollment;
import org.shebao.registry.Enrollments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stopping unemployment benefit (失业保险条例 第十五条): a stop with its reason and the day of the event ends the
 * standing order with the event's month; what the payroll paid for later benefit months becomes recovery items,
 * booked to the unemployment fund's receivable. A re-employment in the registry (a new open employee enrollment that
 * began after the separation) stops the claim by itself: on demand, or by the scheduled check.
 */
@Service
@RequiredArgsConstructor
public class BenefitStops {
    /** Who the scheduled check acts as, in the claim's history and the books. */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries queries;
    private final UnemploymentClaims claims;
    private final StandingOrders orders;
    private final Recoveries recoveries;
    private final Enrollments enrollments;
    private final Ledger ledger;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    /** A stop entered by staff of the claim's region (clerk, reviewer): the reason and the day of the event. */
    @Transactional
    public Claim stop(ShebaoUser by, long caseId, String rawReason, String rawOn) {
        if (!by.has(Role.CLERK, Role.REVIEWER, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("unemployment claim");
        }
        queries.get(by, caseId);
        Violations v = new Violations();
        StopReason reason = v.oneOf(rawReason, StopReason.class, "reason");
        LocalDate on = v.date(rawOn, "stoppedOn", true);
        LocalDate today = LocalDate.now(clock);
        if (on != null && on.isAfter(today)) {
            v.add("stoppedOn", "error.date.future", today);
        }
        v.throwIfAny();
        return stop(caseId, reason, on, by.getUsername(), by.displayName());
    }

    /**
     * Checks the claim's person in the registry for a re-employment and stops the claim when there is one. Returns
     * the stopped claim, or empty when the person is not re-employed (or the claim is not paying).
     */
    @Transactional
    public Optional<Claim> checkReemployment(ShebaoUser by, long caseId) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("unemployment claim");
        }
        queries.get(by, caseId);
        return checkReemployment(caseId, by.getUsername(), by.displayName());
    }

    /**
     * The scheduled check: every paying claim, each in a transaction of its own (one that cannot be stopped yet, its
     * arrears not paid, waits for the next check without holding the others). Returns how many it stopped.
     */
    public int checkAllReemployments() {
        List<Long> paying = jdbc.sql("SELECT case_id FROM unemployment_claim WHERE status = 'PAYING' ORDER BY case_id")
                .query(Long.class).list();
        int stopped = 0;
        for (long caseId : paying) {
            try {
                if (Boolean.TRUE.equals(tx.execute(t -> checkReemployment(caseId, SYSTEM).isPresent()))) {
                    stopped++;
                }
            } catch (ConflictException e) {
                // its arrears are still to be paid: the next check stops it
            }
        }
        return stopped;
    }

    @Transactional
    public Optional<Claim> checkReemployment(long caseId, String actor) {
        return checkReemployment(caseId, actor, actor);
    }

    private Optional<Claim> checkReemployment(long caseId, String actor, String actorName) {
        Claim c = claims.find(caseId).orElseThrow(() -> new NotFoundException("unemployment claim " + caseId));
        if (c.status() != ClaimStatus.PAYING) {
            return Optional.empty();
        }
        Optional<Enrollment> job = enrollments.reemploymentAfter(c.personId(), c.separatedOn());
        if (job.isEmpty()) {
            return Optional.empty();
        }
        Enrollment e = job.get();
        LocalDate started = e.employmentStart() != null ? e.employmentStart() : e.firstInsuredOn();
        LocalDate today = LocalDate.now(clock);
        return Optional.of(stop(caseId, StopReason.REEMPLOYED, started.isAfter(today) ? today : started, actor,
                (SYSTEM.equals(actor) ? "系统核查" : actorName) + "（" + (e.employerName() == null ? "" : e.employerName())
                        + " 参保登记）"));
    }

    /** {@code username} goes to the record and the operation log, {@code shownAs} to the claim's history. */
    private Claim stop(long caseId, StopReason reason, LocalDate on, String username, String shownAs) {
        Claim c = jdbc.sql(UnemploymentClaims.SELECT + " WHERE case_id = :c FOR UPDATE").param("c", caseId)
                .query(UnemploymentClaims::map).optional()
                .orElseThrow(() -> new NotFoundException("unemployment claim " + caseId));
        if (c.status() != ClaimStatus.PAYING) {
            throw new ConflictException("reason", "error.unemployment.stop.already");
        }
        if (!on.isAfter(c.separatedOn())) {
            throw InvalidInputException.of("stoppedOn", "error.unemployment.stop.beforeSeparation", c.separatedOn());
        }
        Map<YearMonth, Money> paid = new TreeMap<>(orders.paidPerMonth(c.orderId(), LineKind.REGULAR));
        orders.paidPerMonth(c.orderId(), LineKind.ARREARS).forEach((m, a) -> paid.merge(m, a, Money::plus));
        StopRule.Stop s = StopRule.decide(on, paid);
        // arrears of months up to the stop not paid yet would never be paid once the order ends before their payroll
        Optional<YearMonth> pending = orders.firstUnpaidAdjustment(c.orderId());
        if (pending.isPresent() && pending.get().isAfter(s.lastMonth())) {
            throw new ConflictException("stoppedOn", "error.unemployment.stop.arrearsPending", pending.get());
        }
        String who = shownAs.length() > 64 ? shownAs.substring(0, 64) : shownAs;
        if (s.lastMonth().isBefore(c.lastMonth())) {
            YearMonth last = s.lastMonth().isBefore(c.firstMonth()) ? c.firstMonth().minusMonths(1) : s.lastMonth();
            orders.endOrder(c.orderId(), last);
            if (c.medicalOrderId() != null) {
                orders.endOrder(c.medicalOrderId(), last);
            }
        }
        // 社会保险法 第四十八条: the premiums of months after the stop were paid for no claimant: the medical insurance
        // agency owes them back to the fund
        Money premiums = Money.ZERO;
        if (c.medicalOrderId() != null) {
            Map<YearMonth, Money> premiumPaid = new TreeMap<>(orders.paidPerMonth(c.medicalOrderId(), LineKind.REGULAR));
            orders.paidPerMonth(c.medicalOrderId(), LineKind.ARREARS).forEach((m, a) -> premiumPaid.merge(m, a, Money::plus));
            premiums = premiumPaid.entrySet().stream().filter(e -> e.getKey().isAfter(s.lastMonth()))
                    .map(Map.Entry::getValue).reduce(Money.ZERO, Money::plus);
        }
        for (Map.Entry<YearMonth, Money> m : s.toRecover().entrySet()) {
            orders.addRecovery(c.orderId(), c.personId(), m.getKey(), m.getValue(),
                    "停发后多发失业保险金追回（" + reason.source() + "）");
        }
        jdbc.sql("""
                UPDATE unemployment_claim SET status = 'STOPPED', stop_reason = :r, stopped_on = :on, stopped_by = :by,
                       version = version + 1 WHERE case_id = :c AND status = 'PAYING'""")
                .param("r", reason.name()).param("on", on).param("by", username).param("c", caseId).update();
        claims.event(caseId, c.regionCode(), "STOPPED_" + reason.name(), on + "；停发自 " + s.lastMonth().plusMonths(1)
                + "（" + reason.source() + "）", who);
        if (s.total().isPositive()) {
            ledger.post(Fund.UNEMPLOYMENT, LocalDate.now(clock), "unemployment-stop:" + caseId, username,
                    "停发后多发失业保险金追回 " + c.caseReference(), List.of(new Ledger.Posting(
                            Account.UNEMPLOYMENT_RECEIVABLE, Account.UNEMPLOYMENT_EXPENSE, s.total())));
            claims.event(caseId, c.regionCode(), "RECOVERY", s.toRecover().keySet() + "，合计 " + s.total(), who);
            // the months paid after the stop are a recovery case, booked by the stop's voucher above
            recoveries.open(new Recoveries.Opening(c.personId(), orders.order(c.orderId())
                    .map(StandingOrders.OrderFacts::accountName).orElse(null), new RegionCode(c.regionCode()),
                    Fund.UNEMPLOYMENT, Benefit.UNEMPLOYMENT, Cause.BENEFIT_STOPPED, "unemployment-stop:" + caseId,
                    c.caseReference(), c.orderId(), List.of(reason.source()), s.total(), "unemployment-stop:" + caseId,
                    username));
        }
        if (premiums.isPositive()) {
            ledger.post(Fund.UNEMPLOYMENT, LocalDate.now(clock), "unemployment-stop-premium:" + caseId, username,
                    "停发后多代缴的基本医疗保险费应向医保经办机构收回 " + c.caseReference(), List.of(new Ledger.Posting(
                            Account.UNEMPLOYMENT_RECEIVABLE, Account.UNEMPLOYMENT_MEDICAL_EXPENSE, premiums)));
            claims.event(caseId, c.regionCode(), "PREMIUM_RECOVERY", "合计 " + premiums + "（社会保险法 第四十八条）", who);
        }
        audit.record(username, AuditAction.AWARD_DECIDED, "case " + c.caseReference(),
                "unemployment stopped " + reason + " on " + on + ", recovery " + s.total());
        return claims.find(caseId).orElseThrow();
    }
}
