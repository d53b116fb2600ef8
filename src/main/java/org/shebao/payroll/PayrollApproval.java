package org.shebao.payroll;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payroll approval, maker-checker (issue 15, item 3). A completed run is reviewed by a second finance user of its
 * region, not the one who started it: the checker reads its totals by kind and flag, the recipients whose net
 * payment changed from last month by more than {@value #THRESHOLD} (a dated parameter), and the recipients new this
 * month or no longer paid. The approval is one single-winner update (two checkers at once: one wins, the other is
 * told), it freezes the run (the database refuses any change to an approved run or its lines), and only an approved
 * run's bank file is released. The database refuses an approval by the maker as well (payroll_run_four_eyes).
 */
@Service
@RequiredArgsConstructor
public class PayrollApproval {
    /** The change from last month per recipient above which the checker is shown the recipient. */
    public static final String THRESHOLD = "payroll.approval.differenceThreshold";
    /** How many recipients of each list the review shows (the counts are complete). */
    static final int SHOWN = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Payroll payroll;
    private final PayrollExports exports;
    private final Parameters parameters;
    private final AuditLog audit;
    private final BankPayments payments;

    /** One recipient (a standing order) in the review: its net payment this month and last month (null: none). */
    public record Recipient(long orderId, long personId, String name, Money lastMonth, Money thisMonth) {
        public Money change() {
            return (thisMonth == null ? Money.ZERO : thisMonth).minus(lastMonth == null ? Money.ZERO : lastMonth);
        }
    }

    /** A list of recipients, its first {@value #SHOWN} and how many there are in all. */
    public record Recipients(List<Recipient> shown, long count) {
    }

    /**
     * What the checker reads: the run, its totals by kind and flag, last month's run (if the region had one), the
     * threshold in force (with its source and whether it is illustrative), the changes above it, the new and the
     * stopped recipients.
     */
    public record Review(PayrollRun run, List<PayrollTotal> totals, Money total, Optional<PayrollRun> previous,
                         ParameterValue threshold, Money limit, Recipients changes, Recipients newcomers, Recipients stopped) {
        public YearMonth previousMonth() {
            return run.month().minusMonths(1);
        }
    }

    /** The review of a completed run, for staff of its region (403 outside it; 409 while it is still running). */
    public Review review(ShebaoUser by, long runId) {
        PayrollRun run = payroll.run(by, runId);
        if (!run.completed()) {
            throw new ConflictException("run", "error.payroll.reviewNotCompleted");
        }
        RegionCode region = new RegionCode(run.regionCode());
        ParameterValue threshold = parameters.require(THRESHOLD, region, run.month().atDay(1));
        Money limit = parameters.money(THRESHOLD, region, run.month().atDay(1));
        List<PayrollTotal> totals = exports.totals(runId);
        Money total = totals.stream().map(PayrollTotal::amount).reduce(Money.ZERO, Money::plus);
        Optional<PayrollRun> previous = jdbc.sql("SELECT id FROM payroll_run WHERE region_code = :r AND month = :m"
                        + " AND status = 'COMPLETED'")
                .param("r", run.regionCode()).param("m", run.month().minusMonths(1).atDay(1)).query(Long.class)
                .optional().flatMap(payroll::run);
        long prev = previous.map(PayrollRun::id).orElse(-1L);
        return new Review(run, totals, total, previous, threshold, limit,
                recipients(run, prev, "c.amount IS NOT NULL AND p.amount IS NOT NULL AND abs(c.amount - p.amount) > :t",
                        "abs(c.amount - p.amount) DESC", limit),
                previous.isEmpty() ? new Recipients(List.of(), 0)
                        : recipients(run, prev, "p.amount IS NULL", "c.amount DESC", limit),
                previous.isEmpty() ? new Recipients(List.of(), 0)
                        : recipients(run, prev, "c.amount IS NULL", "p.amount DESC", limit));
    }

    /** The recipients of this run and the previous one (net per standing order) that meet a condition. */
    private Recipients recipients(PayrollRun run, long previousId, String condition, String order, Money limit) {
        String from = """
                WITH c AS (SELECT order_id, max(person_id) AS person_id, max(account_name) AS name, sum(amount) AS amount
                             FROM payroll_line WHERE run_id = :cur AND region_code = :r GROUP BY order_id),
                     p AS (SELECT order_id, max(person_id) AS person_id, max(account_name) AS name, sum(amount) AS amount
                             FROM payroll_line WHERE run_id = :prev AND region_code = :r GROUP BY order_id)
                """;
        String where = " FROM c FULL JOIN p USING (order_id) WHERE " + condition;
        long count = jdbc.sql(from + "SELECT count(*)" + where).param("cur", run.id()).param("prev", previousId)
                .param("r", run.regionCode()).param("t", limit.amount()).query(Long.class).single();
        List<Recipient> shown = jdbc.sql(from + """
                        SELECT order_id, COALESCE(c.person_id, p.person_id) AS person_id, COALESCE(c.name, p.name) AS name,
                               p.amount AS last_month, c.amount AS this_month""" + where + " ORDER BY " + order
                        + ", order_id LIMIT " + SHOWN)
                .param("cur", run.id()).param("prev", previousId).param("r", run.regionCode())
                .param("t", limit.amount())
                .query((rs, i) -> new Recipient(rs.getLong("order_id"), rs.getLong("person_id"), rs.getString("name"),
                        Money.orNull(rs.getBigDecimal("last_month")), Money.orNull(rs.getBigDecimal("this_month")))).list();
        return new Recipients(shown, count);
    }

    /**
     * Approves a completed run, as a finance user of its region who did not start it. Single winner: of two checkers
     * at once, one approves and the other is told it is already approved; nothing else is written.
     */
    public PayrollRun approve(ShebaoUser by, long runId) {
        PayrollRun run = financeRun(by, runId);
        if (!run.completed()) {
            throw new ConflictException("approval", "error.payroll.reviewNotCompleted");
        }
        if (run.startedBy().equals(by.getUsername())) {
            throw new ConflictException("approval", "error.payroll.makerCannotApprove");
        }
        boolean won = Boolean.TRUE.equals(tx.execute(s -> {
            int n = stamp(run, by, "approved", "status = 'COMPLETED' AND approved_at IS NULL AND started_by <> :by");
            if (n == 1) {
                audit.record(by.getUsername(), AuditAction.PAYROLL_RUN_APPROVED, "payroll-run:" + runId,
                        run.regionCode() + " " + run.month());
                payments.create(run); // what the bank files send, from the lines the approval froze
            }
            return n == 1;
        }));
        if (!won) {
            throw new ConflictException("approval", "error.payroll.alreadyApproved");
        }
        return payroll.run(runId).orElseThrow();
    }

    /**
     * Releases the bank file of an approved run to a finance user of its region: the first release is recorded on the
     * run, every one in the operation log. Before the approval: 409 and nothing is written.
     */
    public void release(ShebaoUser by, long runId, OutputStream out) throws IOException {
        PayrollRun run = releasable(by, runId);
        recordRelease(run, by, "");
        exports.bankFile(runId, out);
    }

    /**
     * Releases one paying bank's file of an approved run, in the bank's layout (issue 15, item 7), as
     * {@link #release(ShebaoUser, long, OutputStream)} does: recorded, 409 before the approval, 404 for a bank that has
     * no layout in force.
     */
    public void release(ShebaoUser by, long runId, BankLayout layout, OutputStream out) throws IOException {
        PayrollRun run = releasable(by, runId);
        recordRelease(run, by, " " + layout.code());
        payments.write(run, layout, out);
    }

    /** The run's payments by bank (written now if the run was approved before payments were). */
    public List<BankPayments.BankTotal> bankFiles(ShebaoUser by, long runId) {
        PayrollRun run = payroll.run(by, runId);
        if (!run.approved()) {
            return List.of();
        }
        tx.executeWithoutResult(s -> payments.create(run));
        return payments.byBank(run);
    }

    private void recordRelease(PayrollRun run, ShebaoUser by, String what) {
        tx.executeWithoutResult(s -> {
            stamp(run, by, "released", "released_at IS NULL");
            payments.create(run);
            audit.record(by.getUsername(), AuditAction.PAYROLL_BANK_FILE_RELEASED, "payroll-run:" + run.id(),
                    run.regionCode() + " " + run.month() + what);
        });
    }

    /** A run of the user's region (else 403; unknown: 404), for a finance user only (else 403). */
    private PayrollRun financeRun(ShebaoUser by, long runId) {
        PayrollRun run = payroll.run(by, runId);
        if (!by.has(Role.FINANCE)) {
            throw new AccessDeniedToRecordException("payroll approval and bank file");
        }
        return run;
    }

    /** Sets a run's {@code <step>_by} and {@code <step>_at} to the user and now, where the condition holds. */
    private int stamp(PayrollRun run, ShebaoUser by, String step, String condition) {
        return jdbc.sql("UPDATE payroll_run SET %1$s_by = :by, %1$s_at = :now WHERE id = :id AND region_code = :r AND %2$s"
                        .formatted(step, condition))
                .param("by", by.getUsername()).param("now", OffsetDateTime.now(clock)).param("id", run.id())
                .param("r", run.regionCode()).update();
    }

    /**
     * The run whose bank file a user asks for, once it is seen that they may have it: a finance user of its region
     * (else 403), an approved run (else 409: nothing leaves for the bank unapproved).
     */
    public PayrollRun releasable(ShebaoUser by, long runId) {
        PayrollRun run = financeRun(by, runId);
        if (!run.approved()) {
            throw new ConflictException("run", "error.payroll.notApproved");
        }
        return run;
    }

    /** The first release of a run's bank file: by whom and when, if released. */
    public Optional<Release> released(long runId) {
        return jdbc.sql("SELECT released_by, released_at FROM payroll_run WHERE id = :id AND released_at IS NOT NULL")
                .param("id", runId).query((rs, i) -> new Release(rs.getString("released_by"),
                        payroll.local(rs.getObject("released_at", OffsetDateTime.class)))).optional();
    }

    /** Who first took the bank file of a run, and when. */
    public record Release(String releasedBy, OffsetDateTime releasedAt) {
    }
}
