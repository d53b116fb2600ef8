package org.shebao.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergency;
import org.shebao.policy.EmergencyLifted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The settlement worklists of lifted emergencies (issue 15, item 1; N-1e, FJ-1.7). Entering {@code liftedOn} opens
 * them: every {@link WorklistSource} names its items, and each becomes one row per region, kind and reference (opening
 * again adds only what is new). Staff of the region (finance, audit, review) close an item by a decision, once: the
 * first decision wins, a second is told. Progress per region and kind; every item exported to Excel.
 */
@Service
public class Worklists {
    private static final Logger log = LoggerFactory.getLogger(Worklists.class);
    static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Emergencies emergencies;
    private final AuditLog audit;
    private final Map<String, WorklistSource> sources;
    private final org.springframework.context.ApplicationEventPublisher events;

    Worklists(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Emergencies emergencies, AuditLog audit,
              List<WorklistSource> sources, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.emergencies = emergencies;
        this.audit = audit;
        this.sources = sources.stream().collect(Collectors.toMap(WorklistSource::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two worklist sources of kind " + a.kind());
                }, java.util.TreeMap::new));
    }

    /** The kinds of worklist the platform's modules provide, by code. */
    public List<String> kinds() {
        return List.copyOf(sources.keySet());
    }

    /** The clauses a kind comes from. */
    public List<String> clauses(String kind) {
        WorklistSource s = sources.get(kind);
        return s == null ? List.of() : s.clauses();
    }

    /** An emergency was lifted: open its worklists. */
    @ApplicationModuleListener
    void onLifted(EmergencyLifted e) {
        open(emergencies.get(e.emergencyId()));
    }

    /**
     * Every day, the worklists of every lifted emergency are opened again: items whose deadline (derived from the
     * lifted date) has passed since join them. Opening is idempotent, so nodes running it at once add each item once.
     */
    @Scheduled(cron = "${shebao.settlement.reopen-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    public void reopen() {
        emergencies.all().stream().filter(e -> e.liftedOn() != null).forEach(this::open);
    }

    /** Opens the worklists of a lifted emergency (items already open are kept). Returns how many items are new. */
    public int open(Emergency emergency) {
        if (emergency.liftedOn() == null) {
            return 0;
        }
        int added = 0;
        for (WorklistSource source : sources.values()) {
            List<WorklistCandidate> items = source.candidates(emergency).stream()
                    .filter(c -> emergency.region().covers(new org.shebao.common.RegionCode(c.regionCode()))).toList();
            String clauses = String.join(",", source.clauses());
            Integer n = tx.execute(s -> items.stream().mapToInt(c -> jdbc.sql("""
                    INSERT INTO settlement_item (region_code, emergency_id, kind, ref, case_ref, label, clauses, amount,
                                                 opened_at)
                    VALUES (:r, :e, :k, :ref, :case, :label, :clauses, :amount, :now)
                    ON CONFLICT (emergency_id, kind, ref, region_code) DO NOTHING""")
                    .param("r", c.regionCode()).param("e", emergency.id()).param("k", source.kind())
                    .param("ref", c.ref()).param("case", c.caseRef()).param("label", c.label())
                    .param("clauses", clauses).param("amount", c.amount() == null ? null : c.amount().amount())
                    .param("now", OffsetDateTime.now(clock)).update()).sum());
            added += n == null ? 0 : n;
        }
        log.info("Settlement worklists of emergency {} ({}, lifted {}): {} new items", emergency.id(),
                emergency.region().value(), emergency.liftedOn(), added);
        return added;
    }

    private static void requireStaff(ShebaoUser by, Role... roles) {
        if (!by.isStaff() || !by.has(roles)) {
            throw new AccessDeniedToRecordException("settlement worklist");
        }
    }

    private static final Role[] READERS = {Role.FINANCE, Role.AUDITOR, Role.REVIEWER, Role.ADMIN};
    private static final Role[] DECIDERS = {Role.FINANCE, Role.AUDITOR, Role.REVIEWER};
    private static final String SELECT = """
            SELECT id, region_code, emergency_id, kind, ref, case_ref, label, clauses, amount, opened_at, decision,
                   decided_by, decided_at, note FROM settlement_item""";

    /** The items of the user's region and below, of one kind (or all: null), open only or all; oldest first. */
    public List<WorklistItem> items(ShebaoUser by, String kind, boolean openOnly, int limit) {
        requireStaff(by, READERS);
        return jdbc.sql(SELECT + " WHERE region_code LIKE :scope AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)"
                        + (openOnly ? " AND decision IS NULL" : "") + " ORDER BY kind, region_code, id LIMIT :limit")
                .param("scope", by.region().scopePrefix() + "%").param("kind", kind).param("limit", limit)
                .query(this::item).list();
    }

    /** Every item of the user's region and below, one by one (the Excel export). */
    public void each(ShebaoUser by, java.util.function.Consumer<WorklistItem> sink) {
        requireStaff(by, READERS);
        jdbc.sql(SELECT + " WHERE region_code LIKE :scope ORDER BY kind, region_code, id")
                .param("scope", by.region().scopePrefix() + "%").query(this::item).stream().forEach(sink);
    }

    /** How far each region's worklist of each kind is: items, decided, amount still open. */
    public record Progress(String regionCode, String kind, long items, long decided, Money openAmount) {
        public int percent() {
            return items == 0 ? 100 : (int) (decided * 100 / items);
        }
    }

    public List<Progress> progress(ShebaoUser by) {
        requireStaff(by, READERS);
        return jdbc.sql("""
                        SELECT region_code, kind, count(*) AS items, count(decision) AS decided,
                               COALESCE(sum(amount) FILTER (WHERE decision IS NULL), 0) AS open_amount
                          FROM settlement_item WHERE region_code LIKE :scope GROUP BY region_code, kind
                         ORDER BY region_code, kind""")
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> new Progress(rs.getString("region_code"), rs.getString("kind"), rs.getLong("items"),
                        rs.getLong("decided"), new Money(rs.getBigDecimal("open_amount")))).list();
    }

    /**
     * Closes an item by a decision, as finance, audit or review staff of its region: once (a second decision is
     * refused, 409); a correction or a recovery needs a note saying what (400); nothing is written when refused.
     */
    public WorklistItem decide(ShebaoUser by, long id, String decision, String note) {
        requireStaff(by, DECIDERS);
        WorklistItem item = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::item).optional()
                .orElseThrow(() -> new NotFoundException("settlement item " + id));
        if (!by.region().covers(new org.shebao.common.RegionCode(item.regionCode()))) {
            throw new AccessDeniedToRecordException("settlement item");
        }
        Decision d = Arrays.stream(Decision.values()).filter(x -> x.name().equals(decision == null ? "" : decision.strip()))
                .findFirst().orElseThrow(() -> InvalidInputException.of("decision", "error.settlement.decision"));
        String text = note == null ? "" : note.strip();
        if (d != Decision.CONFIRMED && text.isEmpty()) {
            throw InvalidInputException.of("note", "error.settlement.noteRequired");
        }
        if (text.length() > NOTE_MAX) {
            throw InvalidInputException.of("note", "error.settlement.noteTooLong", NOTE_MAX);
        }
        boolean won = Boolean.TRUE.equals(tx.execute(s -> {
            int n = jdbc.sql("""
                    UPDATE settlement_item SET decision = :d, decided_by = :by, decided_at = :now, note = :note
                     WHERE id = :id AND region_code = :r AND decision IS NULL""")
                    .param("d", d.name()).param("by", by.getUsername()).param("now", OffsetDateTime.now(clock))
                    .param("note", text.isEmpty() ? null : text).param("id", id).param("r", item.regionCode()).update();
            if (n == 1) {
                audit.record(by.getUsername(), AuditAction.SETTLEMENT_DECIDED, "settlement-item:" + id,
                        item.kind() + " " + item.ref() + " " + d.name());
                // a recovery decided here is opened in the same transaction (issue 15 item 5)
                events.publishEvent(new WorklistItemDecided(id, item.regionCode(), item.kind(), item.ref(),
                        item.caseRef(), String.join(",", item.clauses()), item.amount(), d,
                        text.isEmpty() ? null : text, by.getUsername()));
            }
            return n == 1;
        }));
        if (!won) {
            throw new ConflictException("decision", "error.settlement.alreadyDecided");
        }
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::item).single();
    }

    private WorklistItem item(ResultSet rs, int i) throws SQLException {
        String decision = rs.getString("decision");
        return new WorklistItem(rs.getLong("id"), rs.getString("region_code"), rs.getLong("emergency_id"),
                rs.getString("kind"), rs.getString("ref"), rs.getString("case_ref"), rs.getString("label"),
                List.of(rs.getString("clauses").split(",")), Money.orNull(rs.getBigDecimal("amount")),
                local(rs.getObject("opened_at", OffsetDateTime.class)),
                decision == null ? null : Decision.valueOf(decision), rs.getString("decided_by"),
                local(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("note"));
    }

    private OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
