package org.shebao.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.Money;

/**
 * The books of each fund: journal entries of several lines, balanced per entry (the database checks it at commit),
 * one entry per business event: the event's {@code source} (e.g. {@code payroll-run:12}) is unique, so posting the
 * same event twice, even from parallel requests, books it once. Entries are never changed: a correction is a new
 * entry.
 */
@Service
@RequiredArgsConstructor
public class Ledger {
    /** One movement from one account to another, as the callers think of it; expanded into lines when posted. */
    public record Posting(Account debit, Account credit, Money amount) {
    }

    /** A posted line. */
    public record Line(long journalId, int lineNo, String account, String accountName, Money debit,
                       Money credit, String memo) {
    }

    /** A posted entry with its lines. */
    public record Journal(long id, Fund fund, LocalDate postedOn, String source, String memo, String postedBy,
                          OffsetDateTime postedAt, List<Line> lines) {
        public Money total() {
            return lines.stream().map(Line::debit).reduce(Money.ZERO, Money::plus);
        }
    }

    /** An account's totals in its fund's trial balance; {@code balance} is debits − credits. */
    public record Balance(Fund fund, String account, String name, String nameEn, String kind, Money debits,
                          Money credits) {
        public Money balance() {
            return debits.minus(credits);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    /**
     * Posts one business event as one entry of the fund: each posting adds its amount to the debit account and to
     * the credit account (a negative amount the other way round), netted per account into one line each. Returns
     * false, posting nothing, when the source was posted already; an entry that nets to nothing is not posted.
     */
    @Transactional
    public boolean post(Fund fund, LocalDate on, String source, String by, String memo, List<Posting> postings) {
        Map<Account, Money> net = new LinkedHashMap<>();
        for (Posting p : postings) {
            if (p.debit().fund() != fund || p.credit().fund() != fund) {
                throw new IllegalArgumentException("posting outside the fund " + fund + ": " + p);
            }
            net.merge(p.debit(), p.amount(), Money::plus);
            net.merge(p.credit(), p.amount().negate(), Money::plus);
        }
        net.values().removeIf(Money::isZero);
        if (net.isEmpty()) {
            return false;
        }
        Long id = jdbc.sql("""
                INSERT INTO ledger_journal (fund, posted_on, source, memo, posted_by, posted_at)
                VALUES (:fund, :on, :src, :memo, :by, :now) ON CONFLICT (source) DO NOTHING RETURNING id""")
                .param("fund", fund.name()).param("on", on).param("src", source).param("memo", clip(memo))
                .param("by", by).param("now", OffsetDateTime.now(clock)).query(Long.class).optional().orElse(null);
        if (id == null) {
            return false;
        }
        int no = 0;
        for (Map.Entry<Account, Money> e : net.entrySet()) {
            Money v = e.getValue();
            jdbc.sql("""
                    INSERT INTO ledger_line (journal_id, line_no, fund, account, debit, credit, memo)
                    VALUES (:j, :n, :fund, :acc, :d, :c, :memo)""")
                    .param("j", id).param("n", ++no).param("fund", fund.name()).param("acc", e.getKey().code())
                    .param("d", (v.isPositive() ? v : Money.ZERO).amount())
                    .param("c", (v.isNegative() ? v.negate() : Money.ZERO).amount())
                    .param("memo", clip(memo)).update();
        }
        audit.record(by, AuditAction.LEDGER_POSTED, source,
                fund + " voucher " + id + ": " + net.entrySet().stream().map(e -> e.getKey().code() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        return true;
    }

    /** The entry of a source, if posted. */
    public Optional<Journal> journal(String source) {
        return journals(null, source, null, null, 1).stream().findFirst().filter(j -> j.source().equals(source));
    }

    /**
     * Entries newest first: of a fund (or all), whose source starts with {@code sourcePrefix} (or all), posted
     * between the days (either may be null), at most {@code limit}.
     */
    public List<Journal> journals(Fund fund, String sourcePrefix, LocalDate from, LocalDate to, int limit) {
        List<Head> heads = jdbc.sql("""
                SELECT id, fund, posted_on, source, memo, posted_by, posted_at FROM ledger_journal
                 WHERE (:fund = '' OR fund = :fund) AND source LIKE :prefix
                   AND posted_on >= :from AND posted_on <= :to
                 ORDER BY posted_on DESC, id DESC LIMIT :limit""")
                .param("fund", fund == null ? "" : fund.name())
                .param("prefix", (sourcePrefix == null ? "" : sourcePrefix.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_")) + "%")
                .param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to).param("limit", limit)
                .query(Head.class).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.journal_id, l.line_no, l.account, a.name AS account_name, l.debit, l.credit, l.memo
                  FROM ledger_line l
                  JOIN ledger_account a ON a.fund = l.fund AND a.code = l.account
                 WHERE l.journal_id IN (:ids) ORDER BY l.journal_id, l.line_no""")
                .param("ids", heads.stream().map(Head::id).toList())
                .query(Line.class)
                .list().forEach(l -> lines.computeIfAbsent(l.journalId(), k -> new ArrayList<>()).add(l));
        return heads.stream().map(h -> new Journal(h.id(), h.fund(), h.postedOn(), h.source(), h.memo(), h.postedBy(),
                h.postedAt(), lines.getOrDefault(h.id(), List.of()))).toList();
    }

    /** A journal entry's head as stored, before its lines are added. */
    private record Head(long id, Fund fund, LocalDate postedOn, String source, String memo, String postedBy,
                        OffsetDateTime postedAt) {
    }

    /** A fund's trial balance: every account of its chart with its debits and credits (up to a day, or all). */
    public List<Balance> trialBalance(Fund fund, LocalDate upTo) {
        return jdbc.sql("""
                SELECT a.fund, a.code, a.name, a.name_en, a.kind,
                       COALESCE(sum(l.debit), 0) AS debits, COALESCE(sum(l.credit), 0) AS credits
                  FROM ledger_account a
                  LEFT JOIN ledger_line l ON l.fund = a.fund AND l.account = a.code
                   AND l.journal_id IN (SELECT id FROM ledger_journal WHERE posted_on <= :upTo)
                 WHERE a.fund = :fund
                 GROUP BY a.fund, a.code, a.name, a.name_en, a.kind ORDER BY a.code""")
                .param("fund", fund.name()).param("upTo", upTo == null ? LocalDate.of(9999, 12, 31) : upTo)
                .query((rs, i) -> new Balance(Fund.valueOf(rs.getString("fund")), rs.getString("code"),
                        rs.getString("name"), rs.getString("name_en"), rs.getString("kind"),
                        new Money(rs.getBigDecimal("debits")), new Money(rs.getBigDecimal("credits")))).list();
    }

    /** An account's balance (debits − credits). */
    public Money balance(Account account) {
        return new Money(jdbc.sql("SELECT COALESCE(sum(debit - credit), 0) FROM ledger_line WHERE fund = :f AND account = :a")
                .param("f", account.fund().name()).param("a", account.code()).query(BigDecimal.class).single());
    }

    /** The lines of one account, newest first, with their entry's source (the drill-down). */
    public List<Map<String, Object>> accountLines(Fund fund, String account, int limit) {
        return jdbc.sql("""
                SELECT j.id AS journal_id, j.posted_on, j.source, l.debit, l.credit, l.memo FROM ledger_line l
                  JOIN ledger_journal j ON j.id = l.journal_id
                 WHERE l.fund = :f AND l.account = :a ORDER BY j.posted_on DESC, j.id DESC LIMIT :limit""")
                .param("f", fund.name()).param("a", account).param("limit", limit).query().listOfRows();
    }

    /** The fund's name as users read it. */
    public String fundName(Fund fund, boolean english) {
        return jdbc.sql("SELECT " + (english ? "name_en" : "name") + " FROM ledger_fund WHERE code = :f")
                .param("f", fund.name()).query(String.class).single();
    }

    private static String clip(String memo) {
        return memo == null ? "" : memo.length() <= 200 ? memo : memo.substring(0, 199) + "…";
    }
}
