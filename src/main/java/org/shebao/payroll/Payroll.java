package org.shebao.payroll;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.shebao.policy.Implements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.micrometer.core.instrument.Metrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Parameters;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Monthly payroll runs. A run takes the standing orders of a region in chunks of order ids; each chunk's payment
 * lines, the suspensions it decides and the run's progress marker are written in one transaction, so a run killed
 * mid-way resumes where it stopped and writes every line exactly once. Any number of nodes work on the same run:
 * each takes chunks with {@code FOR UPDATE SKIP LOCKED}, and the row lock is the claim (issue 18, item 3). A month
 * already completed is refused.
 *
 * <p>Qualification certification (N-1c, SX-1c, FJ-1.1): an order whose certification lapsed before the month is
 * suspended, unless the measure NO_SUSPENSION_FOR_MISSED_CERTIFICATION is in force for the region on the month's
 * first day; then it is paid and the line carries the measure's flag and clauses.
 */
@Implements(measure = "NO_SUSPENSION_FOR_MISSED_CERTIFICATION", rule = "待遇发放：逾期未认证人员在措施期间照常发放并标识，之后暂停，重新认证后补发",
        ruleEn = "Payroll: recipients who missed certification are paid and flagged while the measure lasts, suspended after it")
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Payroll {
    private static final Logger log = LoggerFactory.getLogger(Payroll.class);
    static final String NO_SUSPENSION = "NO_SUSPENSION_FOR_MISSED_CERTIFICATION";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Measures measures;
    private final Ledger ledger;
    private final Parameters parameters;
    private final PayrollProperties settings;
    /** This node, as its chunks name it: process id and host. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    private Jurisdictions jurisdictions;
    private AuditLog audit;

    /** The operation log (absent where the payroll is replayed in a scenario). */
    @Autowired(required = false)
    void audit(AuditLog audit) {
        this.audit = audit;
    }

    private void audited(String actor, AuditAction action, String target, String detail) {
        if (audit != null) {
            audit.record(actor, action, target, detail);
        }
    }

    private org.springframework.context.ApplicationEventPublisher events;

    /**
     * Tells the modules that follow a run (recoveries' deductions) that it completed, inside the completing
     * transaction (absent where the payroll is replayed in a scenario).
     */
    @Autowired(required = false)
    void events(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Region names for the ledger's memos (absent where the payroll is replayed in a scenario: codes then). */
    @Autowired(required = false)
    void jurisdictions(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    private String regionName(String code) {
        return jurisdictions == null ? code : jurisdictions.nameOf(code);
    }

    // ---------------------------------------------------------------- runs

    public Optional<PayrollRun> run(long id) {
        return jdbc.sql(RUN_SELECT + " WHERE id = :id").param("id", id).query(this::mapRun).optional();
    }

    /** A run a staff user may see: one of their region or a region below it (else 403; unknown: 404). */
    public PayrollRun run(ShebaoUser by, long id) {
        PayrollRun run = run(id).orElseThrow(() -> new NotFoundException("payroll run " + id));
        if (!by.isStaff() || !by.region().covers(new RegionCode(run.regionCode()))) {
            throw new AccessDeniedToRecordException("payroll run");
        }
        return run;
    }

    public List<PayrollRun> runs(ShebaoUser by) {
        return jdbc.sql(RUN_SELECT + " WHERE region_code LIKE :scope ORDER BY month DESC, region_code LIMIT 50")
                .param("scope", by.region().scopePrefix() + "%").query(this::mapRun).list();
    }

    /** The runs of the current month of the user's region and below: {@code /payroll?thisMonth=true}, finance's home. */
    public List<PayrollRun> thisMonth(ShebaoUser by) {
        YearMonth month = YearMonth.now(clock);
        return runs(by).stream().filter(r -> r.month().equals(month)).toList();
    }

    /**
     * The runs of the user's region and below that wait for a checker's approval (completed, not approved): the
     * payroll list filtered ({@code /payroll?awaiting=true}) and the finance home page's count.
     */
    public List<PayrollRun> awaitingApproval(ShebaoUser by) {
        return runs(by).stream().filter(r -> r.completed() && !r.approved()).toList();
    }

    /** Why starting a month's run asks for confirmation (issue 17 item 6). */
    public enum MonthWarning {
        /** Before the current month: a month in the past. */
        PAST,
        /** After next month. */
        FUTURE,
        /** Not the month after the region's last completed run (a month skipped, or one before it). */
        OUT_OF_ORDER
    }

    /**
     * What the payroll page offers for a region: the month suggested (the month after the last completed run, but
     * not before the current month), the last completed month, and, for the month chosen, why it asks for
     * confirmation. A run already open (to resume) or completed (refused by {@link #open}) asks nothing.
     */
    public record MonthCheck(YearMonth current, YearMonth suggested, YearMonth lastCompleted, List<MonthWarning> warnings) {
        public boolean confirmationNeeded() {
            return !warnings.isEmpty();
        }
    }

    /** {@link MonthCheck} of {@code month} (null: only the suggestion) for a region the user may run. */
    public MonthCheck check(ShebaoUser by, RegionCode region, YearMonth month) {
        if (!by.has(Role.FINANCE, Role.ADMIN) || !by.region().covers(region)) {
            throw new AccessDeniedToRecordException("payroll");
        }
        YearMonth current = YearMonth.now(clock);
        YearMonth last = jdbc.sql("SELECT month FROM payroll_run WHERE region_code = :r AND status = 'COMPLETED'"
                        + " ORDER BY month DESC LIMIT 1")
                .param("r", region.value()).query(LocalDate.class).optional().map(YearMonth::from).orElse(null);
        List<MonthWarning> warnings = month == null || find(region, month).isPresent() ? List.of()
                : warnings(current, last, month);
        return new MonthCheck(current, suggested(current, last), last, warnings);
    }

    /** How many years back the payroll page's month list reaches (arrears and corrections of earlier years). */
    static final int MONTH_CHOICE_YEARS = 10;

    /**
     * The months the payroll page offers (issue 17 item 6: a month is chosen from a list), newest first: two months
     * ahead of {@code current} back to January ten years before; {@code chosen}, when outside, is added in its place.
     */
    public static List<YearMonth> monthChoices(YearMonth current, YearMonth chosen) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth first = YearMonth.of(current.getYear() - MONTH_CHOICE_YEARS, 1);
        for (YearMonth m = current.plusMonths(2); !m.isBefore(first); m = m.minusMonths(1)) {
            months.add(m);
        }
        if (chosen != null && !months.contains(chosen)) {
            months.add(chosen);
            months.sort(java.util.Comparator.reverseOrder());
        }
        return List.copyOf(months);
    }

    /** The month after the last completed run, but not before the current month. */
    static YearMonth suggested(YearMonth current, YearMonth lastCompleted) {
        return lastCompleted == null || lastCompleted.plusMonths(1).isBefore(current) ? current
                : lastCompleted.plusMonths(1);
    }

    /** Why a new run of {@code month} asks for confirmation, in the order shown. */
    static List<MonthWarning> warnings(YearMonth current, YearMonth lastCompleted, YearMonth month) {
        List<MonthWarning> warnings = new ArrayList<>();
        if (month.isBefore(current)) {
            warnings.add(MonthWarning.PAST);
        }
        if (month.isAfter(current.plusMonths(1))) {
            warnings.add(MonthWarning.FUTURE);
        }
        if (lastCompleted != null && !month.equals(lastCompleted.plusMonths(1))) {
            warnings.add(MonthWarning.OUT_OF_ORDER);
        }
        return List.copyOf(warnings);
    }

    /** The region's standing orders by status now: active, suspended (certification overdue), stopped. */
    public Map<OrderStatus, Long> orderCounts(RegionCode region) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus st : OrderStatus.values()) {
            counts.put(st, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM payroll_order WHERE region_code = :r GROUP BY status")
                .param("r", region.value())
                .query((rs, i) -> counts.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * Opens the run of a region and month (or finds it, to resume), for finance staff of that region. Refuses a
     * month already completed.
     */
    public PayrollRun open(ShebaoUser by, RegionCode region, YearMonth month) {
        if (!by.has(Role.FINANCE, Role.ADMIN) || !by.region().covers(region)) {
            throw new AccessDeniedToRecordException("payroll");
        }
        return open(region, month, by.getUsername());
    }

    /**
     * {@link #open(ShebaoUser, RegionCode, YearMonth)} once access is checked (and for replayed scenarios). A new run
     * is cut into chunks of {@code shebao.payroll.chunk-orders} of the region's standing orders, in the same
     * transaction: a parallel start of the same month waits for it and finds the run.
     */
    PayrollRun open(RegionCode region, YearMonth month, String startedBy) {
        Optional<PayrollRun> existing = find(region, month);
        if (existing.isPresent()) {
            if (existing.get().completed()) {
                throw new ConflictException("month", "error.payroll.closed", month.toString());
            }
            return existing.get();
        }
        boolean created = Boolean.TRUE.equals(tx.execute(s -> {
            Long id = jdbc.sql("""
                    INSERT INTO payroll_run (region_code, month, status, orders_total, started_by, started_at)
                    VALUES (:r, :m, 'RUNNING', (SELECT count(*) FROM payroll_order WHERE region_code = :r AND status <> 'STOPPED'),
                            :by, :now)
                    ON CONFLICT (region_code, month) DO NOTHING RETURNING id""")
                    .param("r", region.value()).param("m", month.atDay(1)).param("by", startedBy)
                    .param("now", OffsetDateTime.now(clock)).query(Long.class).optional().orElse(null);
            if (id == null) {
                return false;
            }
            cut(id, region);
            return true;
        }));
        PayrollRun run = find(region, month).orElseThrow();
        if (created) {
            audited(startedBy, AuditAction.PAYROLL_RUN_STARTED, "payroll " + region.value() + " " + month,
                    run.ordersTotal() + " orders");
        }
        return run;
    }

    /**
     * Cuts a new run into chunks of about {@code chunk-orders} orders: equal ranges of order ids between the region's
     * first and last order, as many as its orders fill (reading the index's ends and the count, not every order).
     */
    private void cut(long runId, RegionCode region) {
        jdbc.sql("""
                WITH span AS (
                    SELECT min(id) - 1 AS lo, max(id) AS hi, count(*) AS n FROM payroll_order
                     WHERE region_code = :r AND status <> 'STOPPED'
                ), cut AS (
                    SELECT lo, hi, ceil(n::numeric / :size)::int AS chunks FROM span WHERE n > 0
                )
                INSERT INTO payroll_chunk (run_id, region_code, no, after_id, upto_id)
                SELECT :run, :r, g, lo + ((hi - lo) * g) / chunks, lo + ((hi - lo) * (g + 1)) / chunks
                  FROM cut, generate_series(0, chunks - 1) g
                 WHERE lo + ((hi - lo) * g) / chunks < lo + ((hi - lo) * (g + 1)) / chunks""")
                .param("run", runId).param("r", region.value()).param("size", settings.chunkOrders()).update();
    }

    private Optional<PayrollRun> find(RegionCode region, YearMonth month) {
        return jdbc.sql(RUN_SELECT + " WHERE region_code = :r AND month = :m").param("r", region.value())
                .param("m", month.atDay(1)).query(this::mapRun).optional();
    }

    /**
     * Works on a run until no chunk is left to take, on this node; any number of nodes (and threads) may do so at
     * once, each chunk is taken by one of them. Returns true when this call completed the run (booked it); false when
     * the run was already completed, or other nodes still hold chunks (the one that finishes last completes it).
     */
    public boolean execute(long runId) {
        return execute(runId, Integer.MAX_VALUE);
    }

    /**
     * {@link #execute(long)} for at most {@code maxChunks} chunks: the crash benchmark and the tests stop a node
     * between two chunks with this.
     */
    public boolean execute(long runId, int maxChunks) {
        PayrollRun run = run(runId).orElseThrow(() -> new NotFoundException("payroll run " + runId));
        if (run.completed()) {
            return false;
        }
        LocalDate m = run.month().atDay(1);
        MeasureStatus noSuspension = measures.status(NO_SUSPENSION, new RegionCode(run.regionCode()), m);
        int grace = parameters.integer("pension.certification.graceMonths", new RegionCode(run.regionCode()), m);
        LocalDate cutoff = m.minusMonths(grace);
        String flag = noSuspension.inForce() ? NO_SUSPENSION + ":" + String.join(",", noSuspension.clauses()) : "";
        long t0 = System.nanoTime();
        int chunks = 0;
        while (chunks < maxChunks) {
            if (!Boolean.TRUE.equals(tx.execute(s -> chunk(run, m, cutoff, noSuspension.inForce(), flag)))) {
                break; // nothing left to take: done, or held by other nodes
            }
            chunks++;
        }
        if (chunks >= maxChunks) {
            return false;
        }
        Boolean finished = tx.execute(s -> finish(run));
        if (Boolean.TRUE.equals(finished)) {
            log.info("Payroll run {} ({} {}) completed; this node ({}) did {} chunks in {} ms", runId, run.regionCode(),
                    run.month(), node, chunks, (System.nanoTime() - t0) / 1_000_000);
        }
        return Boolean.TRUE.equals(finished);
    }

    /**
     * Takes the next chunk no one holds and pays it, in the caller's transaction: the chunk's row lock is the claim,
     * so a node killed mid-chunk rolls back with its connection and the chunk is taken again, as if untouched.
     * Returns false when no chunk is left to take.
     */
    private boolean chunk(PayrollRun run, LocalDate m, LocalDate cutoff, boolean noSuspension, String flag) {
        Optional<Chunk> next = jdbc.sql("""
                SELECT no, after_id, upto_id FROM payroll_chunk
                 WHERE run_id = :id AND region_code = :r AND done_at IS NULL
                 ORDER BY no LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("id", run.id()).param("r", run.regionCode()).query(Chunk.class).optional();
        if (next.isEmpty()) {
            return false;
        }
        Chunk c = next.get();
        // the kinds and amounts of the chunk's lines, gathered for its totals, stay in memory, not spilled to disk
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        ChunkDone done = pay(run, c, m, cutoff, noSuspension, flag);
        jdbc.sql("""
                UPDATE payroll_chunk SET orders = :orders, lines = :lines, done_by = :node, done_at = :now
                 WHERE run_id = :id AND no = :no AND region_code = :r""")
                .param("r", run.regionCode()).param("orders", done.orders()).param("lines", done.lines()).param("node", node)
                .param("now", OffsetDateTime.now(clock)).param("id", run.id()).param("no", c.no()).update();
        // payment lines per second, for operations (shebao_payroll_lines_total)
        Metrics.counter("shebao.payroll.lines", "region", run.regionCode()).increment(done.lines());
        return true;
    }

    /**
     * Completes the run and books it, once: the status change RUNNING → COMPLETED is the single winner (parallel
     * executions of the same run find it done and post nothing), and the ledger refuses a second entry of the same
     * source. The run's entry books each kind of line to its account (N-1e, FJ-1.7: pre-payments to their own);
     * pre-paid lines of orders already settled move on to pension expense in an entry of their own.
     */
    private boolean finish(PayrollRun run) {
        int won = jdbc.sql("""
                UPDATE payroll_run SET status = 'COMPLETED', finished_at = :now
                 WHERE id = :id AND status = 'RUNNING'
                   AND NOT EXISTS (SELECT 1 FROM payroll_chunk WHERE run_id = :id AND done_at IS NULL)""")
                .param("now", OffsetDateTime.now(clock)).param("id", run.id()).update();
        if (won == 0) {
            return false; // chunks are still held by other nodes, or another execution completed and booked it
        }
        audited(run.startedBy(), AuditAction.PAYROLL_RUN_COMPLETED, "payroll-run:" + run.id(),
                run.regionCode() + " " + run.month());
        String memo = regionName(run.regionCode()) + " " + run.month() + " 待遇发放";
        LocalDate on = run.month().atEndOfMonth();
        // each benefit's lines go to its own fund's books: one voucher per fund (the pension's keeps the run's source)
        Map<Benefit, List<Ledger.Posting>> perFund = new EnumMap<>(Benefit.class);
        for (BenefitTotal t : totalsByKind(run.id())) {
            perFund.computeIfAbsent(t.benefit(), b -> new ArrayList<>()).add(posting(t.benefit(), t.kind(), t.amount()));
        }
        ledger.post(Fund.PENSION, on, "payroll-run:" + run.id(), run.startedBy(), memo,
                perFund.getOrDefault(Benefit.PENSION, List.of()));
        for (Map.Entry<Benefit, List<Ledger.Posting>> e : perFund.entrySet()) {
            if (e.getKey() != Benefit.PENSION) {
                ledger.post(e.getKey().fund(), on, "payroll-run:" + run.id() + ":" + e.getKey().name(), run.startedBy(),
                        memo, e.getValue());
            }
        }
        boolean anySettled = jdbc.sql("SELECT EXISTS (SELECT 1 FROM payroll_order WHERE prepayment_settled AND region_code = :r)")
                .param("r", run.regionCode()).query(Boolean.class).single();
        Money settled = !anySettled ? Money.ZERO : new Money(jdbc.sql("""
                SELECT COALESCE(sum(l.amount), 0) FROM payroll_line l
                 WHERE l.run_id = :id AND l.kind = 'PREPAYMENT'
                   AND l.order_id IN (SELECT id FROM payroll_order WHERE prepayment_settled AND region_code = :r)""")
                .param("id", run.id()).param("r", run.regionCode()).query(BigDecimal.class).single());
        ledger.post(Fund.PENSION, on, "payroll-run:" + run.id() + ":settled", run.startedBy(),
                regionName(run.regionCode()) + " " + run.month() + " 已结算预发转列支",
                List.of(new Ledger.Posting(Account.PENSION_EXPENSE, Account.PENSION_PREPAYMENTS, settled)));
        if (events != null) {
            events.publishEvent(new PayrollRunCompleted(run.id(), run.regionCode(), run.month()));
        }
        return true;
    }

    /** One benefit's total of one kind of line in a run. */
    private record BenefitTotal(Benefit benefit, LineKind kind, Money amount) {
    }

    /** The account pair a kind of line of a benefit is booked to (N-1e, FJ-1.7: pre-payments to their own). */
    private static Ledger.Posting posting(Benefit benefit, LineKind kind, Money amount) {
        if (kind == LineKind.REISSUE) { // the expense was booked when first paid: the reissue settles the payable
            Account.Returns r = Account.returns(benefit.fund());
            return new Ledger.Posting(r.returned(), r.bank(), amount);
        }
        if (benefit != Benefit.PENSION) { // one expense account; deductions and recoveries collect the receivable
            Fund fund = benefit.fund();
            Account bank = Account.of(fund, "1002");
            return switch (kind) {
                case DEDUCTION, RECOVERY -> new Ledger.Posting(Account.of(fund, "1231"), bank, amount);
                default -> new Ledger.Posting(benefit.expense(), bank, amount);
            };
        }
        return switch (kind) {
            case REGULAR -> new Ledger.Posting(Account.PENSION_EXPENSE, Account.PENSION_BANK, amount);
            case PREPAYMENT -> new Ledger.Posting(Account.PENSION_PREPAYMENTS, Account.PENSION_BANK, amount);
            case ARREARS, SETTLEMENT, LUMP_SUM -> new Ledger.Posting(Account.PENSION_ARREARS_EXPENSE, Account.PENSION_BANK,
                    amount);
            // deductions and recoveries are negative lines: they collect what the receivable holds
            case DEDUCTION, RECOVERY -> new Ledger.Posting(Account.PENSION_RECEIVABLE, Account.PENSION_BANK, amount);
            case REISSUE -> throw new IllegalStateException("booked above");
        };
    }

    /** The run's totals by benefit and kind, summed from its chunks' totals (written with the lines, in the same transactions). */
    private List<BenefitTotal> totalsByKind(long runId) {
        return jdbc.sql("""
                SELECT benefit, kind, sum(amount) AS amount FROM payroll_chunk_total
                 WHERE run_id = :id GROUP BY benefit, kind ORDER BY benefit, kind""")
                .param("id", runId).query((rs, i) -> new BenefitTotal(Benefit.valueOf(rs.getString("benefit")),
                        LineKind.valueOf(rs.getString("kind")), new Money(rs.getBigDecimal("amount")))).list();
    }

    /** The orders of a chunk that the month concerns: in its range and region, in force that month, not stopped. */
    private static final String IN_CHUNK = """
            o.region_code = :r AND o.id > :from AND o.id <= :to AND o.status <> 'STOPPED'
            AND o.from_month <= :m AND (o.until_month IS NULL OR o.until_month >= :m)""";
    /**
     * Those paid this month (once lapsed ones are suspended): active, and certified, or paid without certification
     * while the measure is in force.
     */
    private static final String PAID = IN_CHUNK + " AND o.status = 'ACTIVE' AND (o.certified_until >= :cutoff OR :nosusp)";
    /**
     * Pays a chunk's orders, in the caller's transaction, over the chunk's range of the orders' primary key: first
     * suspends the lapsed (unless the measure is in force); then one statement, so one snapshot, pays the adjustments
     * due and the orders, writes their lines, and records the chunk's totals by kind from the lines it wrote (the run
     * is booked from these totals).
     */
    private ChunkDone pay(PayrollRun run, Chunk c, LocalDate m, LocalDate cutoff, boolean noSuspension, String flag) {
        Map<String, Object> chunk = Map.of("r", run.regionCode(), "from", c.afterId(), "to", c.uptoId(), "m", m,
                "cutoff", cutoff, "nosusp", noSuspension, "run", run.id(), "no", c.no(), "flag", flag);
        if (!noSuspension) {
            jdbc.sql("UPDATE payroll_order o SET status = 'SUSPENDED', suspended_from = :m WHERE " + IN_CHUNK
                    + " AND o.status = 'ACTIVE' AND o.certified_until < :cutoff").params(chunk).update();
        }
        return jdbc.sql("""
                WITH adjustments AS (
                    UPDATE payroll_adjustment a SET paid_run = :run
                      FROM payroll_order o
                     WHERE o.id = a.order_id AND o.region_code = a.region_code AND a.region_code = :r
                       AND a.month <= :m AND a.paid_run IS NULL AND %1$s
                    RETURNING a.order_id, a.region_code, o.person_id, a.kind, a.amount, a.flags, o.bank_account,
                              o.account_name, a.benefit_month
                ), lines AS (
                    INSERT INTO payroll_line (run_id, order_id, region_code, person_id, kind, amount, flags, bank_account,
                                              account_name, benefit_month)
                    SELECT :run, o.id, o.region_code, o.person_id, o.kind, o.monthly_amount,
                           CASE WHEN o.certified_until < :cutoff THEN trim(o.flags || ' ' || :flag) ELSE o.flags END,
                           o.bank_account, o.account_name, NULL::date
                      FROM payroll_order o WHERE %1$s
                    UNION ALL
                    SELECT :run, order_id, region_code, person_id, kind, amount, flags, bank_account, account_name,
                           benefit_month
                      FROM adjustments
                    RETURNING order_id, kind, amount
                ), totals AS (
                    INSERT INTO payroll_chunk_total (run_id, no, region_code, benefit, kind, lines, amount)
                    SELECT :run, :no, :r, o.benefit, l.kind, count(*), sum(l.amount)
                      FROM lines l JOIN payroll_order o ON o.id = l.order_id AND o.region_code = :r
                     GROUP BY o.benefit, l.kind
                    RETURNING lines
                )
                SELECT (SELECT count(*) FROM payroll_order o WHERE %2$s) AS orders,
                       (SELECT COALESCE(sum(lines), 0) FROM totals) AS lines""".formatted(PAID, IN_CHUNK))
                .params(chunk).query(ChunkDone.class).single();
    }

    /**
     * Runs still RUNNING: chunks left to take (a run just started on another node, or one a stopped node left), or
     * all chunks done but not yet completed (a node stopped between its last chunk and the booking).
     */
    public List<Long> runningRuns() {
        return jdbc.sql("SELECT id FROM payroll_run WHERE status = 'RUNNING' ORDER BY id").query(Long.class).list();
    }

    /** How a run's chunks stand: all, done, and the nodes that did them (the run's page, operations). */
    public ChunkProgress chunks(long runId) {
        return jdbc.sql("""
                SELECT count(*) AS chunks, count(done_at) AS done, count(DISTINCT done_by) AS nodes FROM payroll_chunk
                 WHERE run_id = :id AND no >= 0""")
                .param("id", runId).query(ChunkProgress.class).single();
    }

    private static final String RUN_SELECT = "SELECT id, region_code, month, status, orders_total, started_by, started_at,"
            + " finished_at, approved_by, approved_at, (SELECT COALESCE(sum(c.orders), 0) FROM payroll_chunk c WHERE c.run_id = r.id) AS orders_done"
            + " FROM payroll_run r";

    private PayrollRun mapRun(ResultSet rs, int i) throws SQLException {
        return new PayrollRun(rs.getLong("id"), rs.getString("region_code"),
                YearMonth.from(rs.getObject("month", LocalDate.class)), RunStatus.valueOf(rs.getString("status")),
                rs.getLong("orders_total"), rs.getLong("orders_done"), rs.getString("started_by"),
                local(rs.getObject("started_at", OffsetDateTime.class)), local(rs.getObject("finished_at", OffsetDateTime.class)),
                rs.getString("approved_by"), local(rs.getObject("approved_at", OffsetDateTime.class)));
    }

    /** A moment as the platform's clock tells time (Asia/Shanghai), for the screens. */
    OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    /** What one chunk did: orders picked, payment lines written. */
    private record ChunkDone(long orders, long lines) {
    }

    /** A chunk to take: its number and its range of order ids (after, upto]. */
    private record Chunk(int no, long afterId, long uptoId) {
    }

    /** A run's chunks: how many, how many done, by how many nodes. */
    public record ChunkProgress(long chunks, long done, long nodes) {
    }
}
