package org.shebao.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Sha256;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Internal audit (稽核内审, issue 15, item 2; N-1e, FJ-1.7). An auditor of a region draws a random sample of the
 * flagged cases or payments of one measure in the region (and below): a size, or a share rounded up; the seed, the
 * population's size and the digest of its keys are recorded so that the draw can be repeated and checked
 * ({@link AuditDraw}). Each sampled item gets one second review: correct, or an error with its amount and a note. The
 * report per region gives the error rate (errors / reviewed) and the amounts. The auditor only reads the cases and
 * payments: no method here writes to them, and the modules' own write paths refuse the auditor's role.
 */
@Service
public class InternalAudit {
    static final int NOTE_MAX = 500;
    static final int SIZE_MAX = 10_000;
    private static final Role[] READERS = {Role.AUDITOR, Role.ADMIN};

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, AuditPopulation> populations;
    private final SecureRandom seeds = new SecureRandom();

    InternalAudit(JdbcClient jdbc, TransactionTemplate tx, Clock clock, AuditLog audit,
                  List<AuditPopulation> populations) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.populations = populations.stream().collect(Collectors.toMap(AuditPopulation::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two audit populations of kind " + a.kind());
                }, TreeMap::new));
    }

    /** The kinds of population, by code. */
    public List<String> populations() {
        return List.copyOf(populations.keySet());
    }

    /** The measures the user's region has flagged items of, per population. */
    public Map<String, List<String>> measures(ShebaoUser by) {
        require(by, READERS);
        Map<String, List<String>> out = new TreeMap<>();
        populations.forEach((k, p) -> out.put(k, List.copyOf(new TreeSet<>(p.measures(by.region())))));
        return out;
    }

    /** What an auditor asks: the population, the measure, a size or a share (one of them), and a seed (or none). */
    public record Request(String population, String measure, String size, String share, String seed) {
    }

    /**
     * Draws a sample, as an auditor. Refused with the field at fault (400), nothing written: an unknown population or
     * measure, neither or both of size and share, a size that is not a whole number from 1, a share not above 0 or
     * above 1, a seed that is not a whole number, an empty population, a size larger than the population.
     */
    public AuditSample draw(ShebaoUser by, Request r) {
        require(by, Role.AUDITOR);
        Violations v = new Violations();
        String kind = strip(r.population());
        AuditPopulation population = populations.get(kind);
        if (population == null) {
            v.add("population", kind.isEmpty() ? "error.required" : "error.audit.population");
        }
        String measure = strip(r.measure());
        if (measure.isEmpty()) {
            v.add("measure", "error.required");
        } else if (!measure.matches("[A-Z][A-Z0-9_]{1,59}")) {
            v.add("measure", "error.audit.measure");
        }
        String rawSize = strip(r.size());
        String rawShare = strip(r.share());
        Integer size = null;
        BigDecimal share = null;
        if (rawSize.isEmpty() == rawShare.isEmpty()) {
            v.add("size", "error.audit.sizeOrShare");
        } else if (!rawSize.isEmpty()) {
            if (!rawSize.matches("\\d{1,9}") || Integer.parseInt(rawSize) < 1 || Integer.parseInt(rawSize) > SIZE_MAX) {
                v.add("size", "error.audit.size", rawSize, SIZE_MAX);
            } else {
                size = Integer.parseInt(rawSize);
            }
        } else {
            try {
                share = new BigDecimal(rawShare);
                if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0 || share.scale() > 4) {
                    share = null;
                }
            } catch (NumberFormatException e) {
                share = null;
            }
            if (share == null) {
                v.add("share", "error.audit.share", rawShare);
            }
        }
        String rawSeed = strip(r.seed());
        long seed = 0;
        if (rawSeed.isEmpty()) {
            seed = seeds.nextLong();
        } else if (!rawSeed.matches("-?\\d{1,18}")) {
            v.add("seed", "error.audit.seed", rawSeed);
        } else {
            seed = Long.parseLong(rawSeed);
        }
        v.throwIfAny();

        List<AuditCandidate> ordered = AuditDraw.ordered(population.members(by.region(), measure).stream()
                .filter(c -> by.region().covers(new RegionCode(c.regionCode()))).toList());
        if (ordered.isEmpty()) {
            throw InvalidInputException.of("measure", "error.audit.emptyPopulation");
        }
        int n = size != null ? size : AuditDraw.sizeOf(share, ordered.size());
        if (n > ordered.size()) {
            throw InvalidInputException.of("size", "error.audit.sizeTooLarge", n, ordered.size());
        }
        List<AuditCandidate> drawn = AuditDraw.draw(ordered, n, seed);
        String hash = digest(ordered);
        Integer requestedSize = size;
        BigDecimal requestedShare = share;
        long usedSeed = seed;
        Long id = tx.execute(s -> {
            long sample = jdbc.sql("""
                    INSERT INTO settlement_audit_sample (region_code, population, measure, population_size,
                           population_hash, requested_size, requested_share, sample_size, seed, drawn_by, drawn_at)
                    VALUES (:r, :p, :m, :ps, :hash, :size, :share, :n, :seed, :by, :now) RETURNING id""")
                    .param("r", by.region().value()).param("p", population.kind()).param("m", measure)
                    .param("ps", ordered.size()).param("hash", hash).param("size", requestedSize)
                    .param("share", requestedShare).param("n", n).param("seed", usedSeed)
                    .param("by", by.getUsername()).param("now", OffsetDateTime.now(clock)).query(Long.class).single();
            int position = 0;
            for (AuditCandidate c : drawn) {
                position++;
                jdbc.sql("""
                        INSERT INTO settlement_audit_item (sample_id, region_code, item_region, position, ref, case_ref,
                                                           label, clauses, amount)
                        VALUES (:s, :r, :ir, :pos, :ref, :case, :label, :clauses, :amount)""")
                        .param("s", sample).param("r", by.region().value()).param("ir", c.regionCode())
                        .param("pos", position).param("ref", c.ref()).param("case", c.caseRef())
                        .param("label", c.label()).param("clauses", String.join(",", c.clauses()))
                        .param("amount", c.amount() == null ? null : c.amount().amount()).update();
            }
            audit.record(by.getUsername(), AuditAction.AUDIT_SAMPLE_DRAWN, "audit-sample:" + sample,
                    population.kind() + " " + measure + " " + n + "/" + ordered.size() + " seed " + usedSeed);
            return sample;
        });
        return sample(by, id);
    }

    /** The samples of the user's region and below, newest first. */
    public List<AuditSample> samples(ShebaoUser by) {
        require(by, READERS);
        return jdbc.sql(SAMPLE_SELECT + " WHERE s.region_code LIKE :scope ORDER BY s.id DESC")
                .param("scope", by.region().scopePrefix() + "%").query(this::sample).list();
    }

    public AuditSample sample(ShebaoUser by, long id) {
        require(by, READERS);
        AuditSample s = jdbc.sql(SAMPLE_SELECT + " WHERE s.id = :id").param("id", id).query(this::sample).optional()
                .orElseThrow(() -> new NotFoundException("audit sample " + id));
        if (!by.region().covers(new RegionCode(s.regionCode()))) {
            throw new AccessDeniedToRecordException("audit sample");
        }
        return s;
    }

    /** The sample's items in the order drawn. */
    public List<AuditItem> items(ShebaoUser by, long sampleId) {
        AuditSample s = sample(by, sampleId);
        return jdbc.sql(ITEM_SELECT + " WHERE sample_id = :s AND region_code = :r ORDER BY position")
                .param("s", s.id()).param("r", s.regionCode()).query(this::item).list();
    }

    /**
     * The second review of a sampled item, as an auditor of the sample's region: once (a second is refused, 409); an
     * error needs its amount (yuan, 0 or more, to the fen) and a note (400); nothing written when refused.
     */
    public AuditItem review(ShebaoUser by, long itemId, String finding, String errorAmount, String note) {
        require(by, Role.AUDITOR);
        AuditItem item = jdbc.sql(ITEM_SELECT + " WHERE id = :id").param("id", itemId).query(this::item).optional()
                .orElseThrow(() -> new NotFoundException("audit item " + itemId));
        AuditSample s = sample(by, item.sampleId());
        Finding f = Arrays.stream(Finding.values()).filter(x -> x.name().equals(strip(finding))).findFirst()
                .orElseThrow(() -> InvalidInputException.of("finding", "error.audit.finding"));
        String text = strip(note);
        Violations v = new Violations();
        Money amount = null;
        String raw = strip(errorAmount);
        if (f == Finding.ERROR) {
            if (raw.isEmpty()) {
                v.add("errorAmount", "error.audit.errorAmountRequired");
            } else {
                try {
                    amount = Money.exact(new BigDecimal(raw));
                    if (amount.isNegative() || amount.amount().compareTo(new BigDecimal("999999999999.99")) > 0) {
                        amount = null;
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    amount = null;
                }
                if (amount == null) {
                    v.add("errorAmount", "error.audit.errorAmount", raw);
                }
            }
            if (text.isEmpty()) {
                v.add("note", "error.audit.noteRequired");
            }
        } else if (!raw.isEmpty()) {
            v.add("errorAmount", "error.audit.errorAmountOnlyForError");
        }
        if (text.length() > NOTE_MAX) {
            v.add("note", "error.audit.noteTooLong", NOTE_MAX);
        }
        v.throwIfAny();
        Money errorMoney = amount;
        boolean won = Boolean.TRUE.equals(tx.execute(t -> {
            int n = jdbc.sql("""
                    UPDATE settlement_audit_item SET finding = :f, error_amount = :amount, note = :note,
                           reviewed_by = :by, reviewed_at = :now
                     WHERE id = :id AND region_code = :r AND finding IS NULL""")
                    .param("f", f.name()).param("amount", errorMoney == null ? null : errorMoney.amount())
                    .param("note", text.isEmpty() ? null : text).param("by", by.getUsername())
                    .param("now", OffsetDateTime.now(clock)).param("id", itemId).param("r", s.regionCode()).update();
            if (n == 1) {
                audit.record(by.getUsername(), AuditAction.AUDIT_ITEM_REVIEWED, "audit-item:" + itemId,
                        item.ref() + " " + f.name() + (errorMoney == null ? "" : " " + errorMoney));
            }
            return n == 1;
        }));
        if (!won) {
            throw new ConflictException("finding", "error.audit.alreadyReviewed");
        }
        return jdbc.sql(ITEM_SELECT + " WHERE id = :id AND region_code = :r").param("id", itemId)
                .param("r", s.regionCode()).query(this::item).single();
    }

    /**
     * One line of the report: a region (the items' own) and a measure, over every sample of the user's region and
     * below: items sampled, reviewed, found in error, the amount sampled and the amount in error, and the error rate,
     * errors / reviewed (null before any review).
     */
    public record ReportLine(String regionCode, String population, String measure, long sampled, long reviewed,
                             long errors, Money sampledAmount, Money errorAmount, BigDecimal errorRate) {
        /** The line, its error rate as a percentage with one decimal (null while none is reviewed). */
        static ReportLine of(String regionCode, String population, String measure, long sampled, long reviewed,
                             long errors, Money sampledAmount, Money errorAmount) {
            return new ReportLine(regionCode, population, measure, sampled, reviewed, errors, sampledAmount,
                    errorAmount, reviewed == 0 ? null : BigDecimal.valueOf(errors * 100)
                    .divide(BigDecimal.valueOf(reviewed), 1, RoundingMode.HALF_UP));
        }
    }

    public List<ReportLine> report(ShebaoUser by) {
        require(by, READERS);
        return jdbc.sql("""
                        SELECT i.item_region, s.population, s.measure, count(*) AS sampled,
                               count(i.finding) AS reviewed, count(*) FILTER (WHERE i.finding = 'ERROR') AS errors,
                               COALESCE(sum(i.amount), 0) AS sampled_amount,
                               COALESCE(sum(i.error_amount), 0) AS error_amount
                          FROM settlement_audit_item i
                          JOIN settlement_audit_sample s ON s.id = i.sample_id AND s.region_code = i.region_code
                         WHERE i.region_code LIKE :scope
                         GROUP BY i.item_region, s.population, s.measure
                         ORDER BY i.item_region, s.population, s.measure""")
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> ReportLine.of(rs.getString("item_region"), rs.getString("population"),
                        rs.getString("measure"), rs.getLong("sampled"), rs.getLong("reviewed"), rs.getLong("errors"),
                        new Money(rs.getBigDecimal("sampled_amount")), new Money(rs.getBigDecimal("error_amount"))))
                .list();
    }

    /** Every sampled item of the user's region and below with its sample, one by one (the Excel export). */
    public void each(ShebaoUser by, Consumer<Map.Entry<AuditSample, AuditItem>> sink) {
        require(by, READERS);
        Map<Long, AuditSample> samples = samples(by).stream()
                .collect(Collectors.toMap(AuditSample::id, Function.identity()));
        jdbc.sql(ITEM_SELECT + " WHERE region_code LIKE :scope ORDER BY sample_id, position")
                .param("scope", by.region().scopePrefix() + "%").query(this::item).stream()
                .forEach(i -> sink.accept(Map.entry(samples.get(i.sampleId()), i)));
    }

    // ---------------------------------------------------------------- internals

    private static final String SAMPLE_SELECT = """
            SELECT s.*, (SELECT count(*) FROM settlement_audit_item i WHERE i.sample_id = s.id
                            AND i.region_code = s.region_code AND i.finding IS NOT NULL) AS reviewed,
                        (SELECT count(*) FROM settlement_audit_item i WHERE i.sample_id = s.id
                            AND i.region_code = s.region_code AND i.finding = 'ERROR') AS errors
              FROM settlement_audit_sample s""";
    private static final String ITEM_SELECT = """
            SELECT id, sample_id, item_region, position, ref, case_ref, label, clauses, amount, finding, error_amount,
                   note, reviewed_by, reviewed_at FROM settlement_audit_item""";

    private static void require(ShebaoUser by, Role... roles) {
        if (!by.isStaff() || !by.has(roles)) {
            throw new AccessDeniedToRecordException("internal audit");
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The digest of the population's keys in their order: what the draw ran over, to check a repeat against. */
    static String digest(List<AuditCandidate> ordered) {
        return Sha256.hex(ordered.stream().map(c -> c.ref() + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8));
    }

    private AuditSample sample(ResultSet rs, int i) throws SQLException {
        return new AuditSample(rs.getLong("id"), rs.getString("region_code"), rs.getString("population"),
                rs.getString("measure"), rs.getInt("population_size"), rs.getString("population_hash"),
                (Integer) rs.getObject("requested_size"), rs.getBigDecimal("requested_share"), rs.getInt("sample_size"),
                rs.getLong("seed"), rs.getString("drawn_by"), local(rs.getObject("drawn_at", OffsetDateTime.class)),
                rs.getInt("reviewed"), rs.getInt("errors"));
    }

    private AuditItem item(ResultSet rs, int i) throws SQLException {
        String finding = rs.getString("finding");
        String clauses = rs.getString("clauses");
        return new AuditItem(rs.getLong("id"), rs.getLong("sample_id"), rs.getString("item_region"),
                rs.getInt("position"), rs.getString("ref"), rs.getString("case_ref"), rs.getString("label"),
                clauses.isEmpty() ? List.of() : List.of(clauses.split(",")), Money.orNull(rs.getBigDecimal("amount")),
                finding == null ? null : Finding.valueOf(finding), Money.orNull(rs.getBigDecimal("error_amount")),
                rs.getString("note"), rs.getString("reviewed_by"),
                local(rs.getObject("reviewed_at", OffsetDateTime.class)));
    }

    private OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
