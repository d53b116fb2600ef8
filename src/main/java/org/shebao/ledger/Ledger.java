package org.shebao.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry journal. A posting debits one account and credits another by the same positive amount (a
 * negative amount is posted the other way round), so every trial balance balances.
 */
@Service
public class Ledger {
    /** Accounts of the chart (ledger_account). */
    public static final String BANK = "1002";
    public static final String PREPAYMENTS = "1221";
    public static final String RECEIVABLE_OVERPAID = "1231";
    public static final String PENSION_EXPENSE = "5001";
    public static final String ARREARS_EXPENSE = "5002";

    /** One posting: debit, credit, amount (yuan), memo. */
    public record Posting(String debit, String credit, BigDecimal amount, String memo) {
    }

    /** An account's totals. */
    public record Balance(String account, String name, BigDecimal debits, BigDecimal credits) {
        public BigDecimal net() {
            return debits.subtract(credits);
        }
    }

    /** A journal entry as stored. */
    public record Entry(long id, LocalDate postedOn, String debit, String credit, BigDecimal amount, String memo,
                        String source) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Posts the entries of one business event (its {@code source}, e.g. payroll-run:12) in one transaction. */
    @Transactional
    public int post(LocalDate on, String source, String by, List<Posting> postings) {
        int n = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Posting p : postings) {
            if (p.amount().signum() == 0) {
                continue;
            }
            boolean negative = p.amount().signum() < 0;
            jdbc.sql("""
                    INSERT INTO ledger_entry (posted_on, debit, credit, amount, memo, source, posted_by, posted_at)
                    VALUES (:on, :d, :c, :a, :memo, :src, :by, :now)""")
                    .param("on", on).param("d", negative ? p.credit() : p.debit())
                    .param("c", negative ? p.debit() : p.credit()).param("a", p.amount().abs())
                    .param("memo", p.memo()).param("src", source).param("by", by).param("now", now).update();
            n++;
        }
        return n;
    }

    public List<Entry> entries(String source) {
        return jdbc.sql("SELECT id, posted_on, debit, credit, amount, memo, source FROM ledger_entry WHERE source = :s ORDER BY id")
                .param("s", source)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7))).list();
    }

    /** Debits and credits per account; their sums over all accounts are equal. */
    public List<Balance> trialBalance() {
        return jdbc.sql("""
                SELECT a.code, a.name,
                       COALESCE((SELECT sum(amount) FROM ledger_entry WHERE debit = a.code), 0),
                       COALESCE((SELECT sum(amount) FROM ledger_entry WHERE credit = a.code), 0)
                  FROM ledger_account a ORDER BY a.code""")
                .query((rs, i) -> new Balance(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }
}
