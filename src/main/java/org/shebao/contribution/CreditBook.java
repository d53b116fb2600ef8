package org.shebao.contribution;

import java.time.Clock;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An employer's credit (预收：多缴待抵) as the database keeps it: the balance (never below zero: a CHECK, and every
 * take is {@code UPDATE … WHERE balance >= amount}, one winner) with every movement, and the history of the collection
 * items' states. Used in the callers' transactions.
 */
@Component
@RequiredArgsConstructor
class CreditBook {
    /** The kinds of movement (contribution_credit_movement.kind). */
    enum Movement { OVERPAID, MATCHED, APPLIED, REFUND, REFUND_REJECTED }

    private final JdbcClient jdbc;
    private final Clock clock;

    /** The employer's balance (zero when it never had a credit). */
    Money balance(String region, long employerId) {
        return jdbc.sql("SELECT balance FROM contribution_employer_credit WHERE employer_id = :e AND region_code = :r")
                .param("e", employerId).param("r", region).query(java.math.BigDecimal.class).optional()
                .map(Money::new).orElse(Money.ZERO);
    }

    /**
     * The latest day money came into the employer's credit (paid, received, given back), or empty: a credit applied
     * to a bill counts as paid on that day (or today, when earlier is not known), never on a day before the money was
     * there.
     */
    java.util.Optional<java.time.LocalDate> availableSince(String region, long employerId) {
        return jdbc.sql("""
                        SELECT max(available_on) FROM contribution_credit_movement
                         WHERE employer_id = :e AND region_code = :r AND amount > 0""")
                .param("e", employerId).param("r", region).query(java.time.LocalDate.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Adds to the balance (an excess, a matched receipt, a rejected refund given back), there since {@code on}. */
    void add(String region, long employerId, Money amount, Movement kind, Long paymentId, Long receiptId, Long refundId,
             String by, java.time.LocalDate on) {
        jdbc.sql("""
                        INSERT INTO contribution_employer_credit (employer_id, region_code, balance) VALUES (:e, :r, :a)
                        ON CONFLICT (employer_id, region_code)
                        DO UPDATE SET balance = contribution_employer_credit.balance + EXCLUDED.balance""")
                .param("e", employerId).param("r", region).param("a", amount.amount()).update();
        movement(region, employerId, amount, kind, paymentId, receiptId, refundId, by, on);
    }

    /** Takes from the balance when it holds the amount (true), else nothing (false). */
    boolean take(String region, long employerId, Money amount, Movement kind, Long paymentId, Long refundId,
                 String by) {
        int n = jdbc.sql("""
                        UPDATE contribution_employer_credit SET balance = balance - :a
                         WHERE employer_id = :e AND region_code = :r AND balance >= :a""")
                .param("e", employerId).param("r", region).param("a", amount.amount()).update();
        if (n == 1) {
            movement(region, employerId, amount.negate(), kind, paymentId, null, refundId, by,
                    java.time.LocalDate.now(clock));
        }
        return n == 1;
    }

    private void movement(String region, long employerId, Money amount, Movement kind, Long paymentId, Long receiptId,
                          Long refundId, String by, java.time.LocalDate on) {
        jdbc.sql("""
                        INSERT INTO contribution_credit_movement (region_code, employer_id, kind, amount, payment_id,
                               receipt_id, refund_id, available_on, recorded_by, recorded_at)
                        VALUES (:r, :e, :k, :a, :p, :rc, :rf, :on, :by, :at)""")
                .param("r", region).param("e", employerId).param("k", kind.name()).param("a", amount.amount())
                .param("p", paymentId, java.sql.Types.BIGINT).param("rc", receiptId, java.sql.Types.BIGINT)
                .param("rf", refundId, java.sql.Types.BIGINT).param("on", on).param("by", by).param("at", OffsetDateTime.now(clock))
                .update();
    }

    /** One state change of a late fee, a refund or a receipt, into the collection history. */
    void history(String region, String item, long itemId, String from, String to, Money amount, String by,
                 String note) {
        jdbc.sql("""
                        INSERT INTO contribution_collection_history (region_code, item, item_id, from_status, to_status,
                               amount, by_user, at, note)
                        VALUES (:r, :item, :id, :from, :to, :a, :by, :at, :note)""")
                .param("r", region).param("item", item).param("id", itemId).param("from", from, java.sql.Types.VARCHAR)
                .param("to", to).param("a", amount == null ? null : amount.amount(), java.sql.Types.NUMERIC)
                .param("by", by).param("at", OffsetDateTime.now(clock)).param("note", note, java.sql.Types.VARCHAR)
                .update();
    }
}
