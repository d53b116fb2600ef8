package org.shebao.contribution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Late fees as assessments of their own (滞纳金核定), so they are collectable: assessed when a payment settles part of
 * a bill late ({@link LatePaymentRule} decides the fee and any waiver), booked when assessed (应收滞纳金 against
 * 滞纳金收入, per fund), paid by the employer's later money after its contributions ({@link Allocation}), the payment
 * booked from each fund's collection account against its late fees receivable. Every state change in the collection
 * history.
 */
@Component
@RequiredArgsConstructor
public class LateFees {
    private final JdbcClient jdbc;
    private final Employers employers;
    private final CreditBook history;
    private final Clock clock;

    /** The employer's late fees still owed, oldest first (for {@link Allocation}). */
    List<Allocation.OpenFee> owed(long employerId, String region) {
        return jdbc.sql("""
                        SELECT id, charged - paid AS owed FROM contribution_late_fee
                         WHERE employer_id = :e AND region_code = :r AND status IN ('OPEN', 'PART_PAID')
                         ORDER BY settled_on, id""")
                .param("e", employerId).param("r", region)
                .query((rs, i) -> new Allocation.OpenFee(rs.getLong("id"), new Money(rs.getBigDecimal("owed"))))
                .list();
    }

    /** Records the fee a payment brought about, as booked per fund ({@code shares}); its id. */
    long assess(ShebaoUser by, Employer employer, Bill bill, long paymentId, LateFeeDecision fee,
                Map<Fund, Money> shares) {
        LateFee.Status status = fee.charged().isPositive() ? LateFee.Status.OPEN : LateFee.Status.WAIVED;
        long id = jdbc.sql("""
                        INSERT INTO contribution_late_fee (region_code, employer_id, year, month, bill_id, payment_id,
                               overdue, due_on, settled_on, days, daily_rate, computed, waived, charged, waiver, sources,
                               pension_share, unemployment_share, work_injury_share, status, assessed_at)
                        VALUES (:r, :e, :y, :m, :bill, :payment, :overdue, :dueOn, :settledOn, :days, :rate, :computed,
                                :waived, :charged, :waiver, :sources, :pension, :unemployment, :injury, :status, :at)
                        RETURNING id""")
                .param("r", employer.regionCode()).param("e", employer.id()).param("y", bill.month().getYear())
                .param("m", bill.month().getMonthValue()).param("bill", bill.id()).param("payment", paymentId)
                .param("overdue", fee.overdue().amount()).param("dueOn", fee.dueOn()).param("settledOn", fee.paidOn())
                .param("days", (int) fee.days()).param("rate", fee.dailyRate()).param("computed", fee.computed().amount())
                .param("waived", fee.waived().amount()).param("charged", fee.charged().amount())
                .param("waiver", fee.isWaived() ? fee.waiver().reason() : null, java.sql.Types.VARCHAR)
                .param("sources", String.join("；", fee.sources()))
                .param("pension", shares.getOrDefault(Fund.PENSION, Money.ZERO).amount())
                .param("unemployment", shares.getOrDefault(Fund.UNEMPLOYMENT, Money.ZERO).amount())
                .param("injury", shares.getOrDefault(Fund.WORK_INJURY, Money.ZERO).amount())
                .param("status", status.name()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).single();
        history.history(employer.regionCode(), "LATE_FEE", id, null, status.name(), fee.charged(), by.getUsername(),
                fee.days() + "天×" + fee.dailyRate().toPlainString() + "×" + fee.overdue()
                        + (fee.isWaived() ? "，" + fee.waiver().reason() : ""));
        return id;
    }

    /**
     * Pays {@code amount} of a late fee from a payment: the fee's paid amount moves on only from what it was (one
     * winner), and each fund's collection account takes its share of the fee against its late fees receivable
     * (added to {@code postings}; each fund's part of what the fee has received in all, less its part before).
     */
    void pay(ShebaoUser by, String region, long feeId, long paymentId, Money amount, LocalDate paidOn,
             Map<Fund, List<Ledger.Posting>> postings) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT charged, paid, status, pension_share, unemployment_share, work_injury_share
                          FROM contribution_late_fee WHERE id = :id AND region_code = :r""")
                .param("id", feeId).param("r", region).query().singleRow();
        Money charged = new Money((BigDecimal) row.get("charged"));
        Money paid = new Money((BigDecimal) row.get("paid"));
        Money after = paid.plus(amount);
        LateFee.Status status = after.compareTo(charged) >= 0 ? LateFee.Status.PAID : LateFee.Status.PART_PAID;
        int n = jdbc.sql("""
                        UPDATE contribution_late_fee SET paid = :after, status = :status, version = version + 1
                         WHERE id = :id AND region_code = :r AND paid = :before AND status IN ('OPEN', 'PART_PAID')""")
                .param("after", after.amount()).param("status", status.name()).param("id", feeId).param("r", region)
                .param("before", paid.amount()).update();
        if (n != 1) {
            throw new ConflictException("amount", "error.lateFee.changed");
        }
        jdbc.sql("""
                        INSERT INTO contribution_late_fee_paid (region_code, late_fee_id, payment_id, amount, paid_on)
                        VALUES (:r, :f, :p, :a, :on)""")
                .param("r", region).param("f", feeId).param("p", paymentId).param("a", amount.amount())
                .param("on", paidOn).update();
        history.history(region, "LATE_FEE", feeId, (String) row.get("status"), status.name(), amount,
                by.getUsername(), "缴费 " + paymentId);
        Map<Fund, Money> weights = new LinkedHashMap<>();
        put(weights, Fund.PENSION, (BigDecimal) row.get("pension_share"));
        put(weights, Fund.UNEMPLOYMENT, (BigDecimal) row.get("unemployment_share"));
        put(weights, Fund.WORK_INJURY, (BigDecimal) row.get("work_injury_share"));
        Map<Fund, Money> before = Payments.shares(weights, charged, paid);
        Payments.shares(weights, charged, after).forEach((fund, m) -> {
            Money part = m.minus(before.getOrDefault(fund, Money.ZERO));
            if (!part.isZero()) {
                Account.Contributions a = Account.contributions(fund);
                postings.computeIfAbsent(fund, f -> new ArrayList<>())
                        .add(new Ledger.Posting(a.bank(), a.lateFeesReceivable(), part));
            }
        });
    }

    private static void put(Map<Fund, Money> weights, Fund fund, BigDecimal share) {
        if (share.signum() > 0) {
            weights.put(fund, new Money(share));
        }
    }

    /** The employer's late fees, newest month first (its own user, or staff of its region). */
    public List<LateFee> ofEmployer(ShebaoUser by, long employerId) {
        Employer employer = employers.employer(by, employerId);
        return jdbc.sql("""
                        SELECT * FROM contribution_late_fee WHERE employer_id = :e AND region_code = :r
                         ORDER BY year DESC, month DESC, id DESC LIMIT 500""")
                .param("e", employerId).param("r", employer.regionCode())
                .query((rs, i) -> map(rs, employer.name())).list();
    }

    /** The late fees of the staff user's region (and below): owed ones, or all, oldest first, at most 500. */
    public List<LateFee> ofRegion(ShebaoUser by, boolean owedOnly) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("late fees");
        }
        Map<Long, String> names = new java.util.HashMap<>();
        return jdbc.sql("SELECT * FROM contribution_late_fee WHERE region_code LIKE :scope"
                        + (owedOnly ? " AND status IN ('OPEN', 'PART_PAID')" : "")
                        + " ORDER BY settled_on, id LIMIT 500")
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> map(rs, names.computeIfAbsent(rs.getLong("employer_id"),
                        e -> employers.nameOf(e).orElse("")))).list();
    }

    private LateFee map(ResultSet rs, String employerName) throws SQLException {
        String sources = rs.getString("sources");
        return new LateFee(rs.getLong("id"), rs.getLong("employer_id"), employerName, rs.getString("region_code"),
                YearMonth.of(rs.getInt("year"), rs.getInt("month")), rs.getLong("bill_id"), rs.getLong("payment_id"),
                new Money(rs.getBigDecimal("overdue")), rs.getObject("due_on", LocalDate.class),
                rs.getObject("settled_on", LocalDate.class), rs.getInt("days"), rs.getBigDecimal("daily_rate"),
                new Money(rs.getBigDecimal("computed")), new Money(rs.getBigDecimal("waived")),
                new Money(rs.getBigDecimal("charged")), rs.getString("waiver"), List.of(sources.split("；")),
                new Money(rs.getBigDecimal("paid")), LateFee.Status.valueOf(rs.getString("status")));
    }
}
