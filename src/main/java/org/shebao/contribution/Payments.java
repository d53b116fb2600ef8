package org.shebao.contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.CreditCode;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Deadlines;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments of employers' bills and the arrears they leave: a file from the tax/bank collection channel
 * ({@link #importFile}: checked line by line, every bad line named, nothing written unless all are good; a file
 * imported once) or a payment recorded online ({@link #record}). Each payment carries the channel's reference
 * (流水号), unique, so the same payment is never counted twice, even from parallel requests. A payment is matched to
 * its employer's bill of the month: the part still due is applied to it (the bill becomes PART_PAID or PAID), what is
 * left over is an overpayment (or, with no bill, an unmatched payment); the part applied after the due date bears the
 * late fee that {@link LatePaymentRule} decides (waived under a deferral or N-5c / FJ-5c, citing them). The money
 * applied, and the fee charged, are booked per fund. Worklists for the collection section: underpaid bills, overpaid
 * and unmatched payments, arrears ({@link #worklist}).
 */
@Service
public class Payments {
    /** The measure that waives the late fee of a payment by lifted + 3 months (N-5c, FJ-5c). */
    static final String MEASURE = "LATE_PAYMENT_NO_LATE_FEE";
    /** A payment above this is taken for a typing error. */
    static final Money MAX_AMOUNT = Money.yuan(100_000_000);

    private final JdbcClient jdbc;
    private final Employers employers;
    private final Bills bills;
    private final EmployerDeferrals deferrals;
    private final LatePaymentRule rule;
    private final Measures measures;
    private final Deadlines deadlines;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final PersonPayments persons;
    private final LateFees lateFees;
    private final CreditBook credits;

    public Payments(JdbcClient jdbc, Employers employers, Bills bills, EmployerDeferrals deferrals,
                    Parameters parameters, Measures measures, Deadlines deadlines, Ledger ledger, AuditLog audit,
                    Clock clock, PersonPayments persons, LateFees lateFees, CreditBook credits) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.bills = bills;
        this.deferrals = deferrals;
        this.rule = new LatePaymentRule(new LateFeeRule(parameters));
        this.measures = measures;
        this.deadlines = deadlines;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.persons = persons;
        this.lateFees = lateFees;
        this.credits = credits;
    }

    /** A payment as it comes in, checked. */
    record Incoming(Employer employer, YearMonth month, Money amount, LocalDate paidOn, String reference,
                    PaymentChannel channel, Long fileId, Integer lineNo) {
    }

    /** What an imported file did: the file's id, its payments, in line order. */
    public record Imported(long fileId, int lines, Money total, List<Payment> payments) {
    }

    /** An online payment as sent: month (2020-03), amount in yuan, the channel's reference, the day (staff only). */
    public record OnlinePayment(String month, String amount, String reference, String paidOn) {
    }

    /**
     * Records one payment made online: by the employer's own user (paid today, the clock's day) or by finance, a clerk
     * or an administrator of its region (who may give an earlier day, from the bank's slip). Bad fields are named
     * (400, nothing written); a reference recorded before is a conflict (409).
     */
    @Transactional
    public Payment record(ShebaoUser by, long employerId, OnlinePayment p) {
        Employer employer = employers.employer(by, employerId);
        if (by.isStaff() && !by.has(Role.FINANCE, Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("payment");
        }
        Violations v = new Violations();
        String reference = reference(v, p.reference(), "reference");
        YearMonth month = month(v, p.month(), "month");
        Money amount = amount(v, p.amount(), "amount");
        LocalDate paidOn = paidOn(v, by, p.paidOn(), LocalDate.now(clock));
        v.throwIfAny();
        if (exists(reference, employer.regionCode())) {
            throw new ConflictException("reference", "error.payment.reference.exists", reference);
        }
        Bills.lock(jdbc, employerId);
        return apply(by, new Incoming(employer, month, amount, paidOn, reference, PaymentChannel.ONLINE, null, null));
    }

    /**
     * Imports a payment file of the collection channel (layout: {@link PaymentFiles}) by finance, a clerk or an
     * administrator of a region: every line checked (reference, employer of the region by its credit code, month,
     * amount, day), every bad line named with its number and reason and nothing written unless all are good; a file
     * imported before (the same bytes) or a reference recorded before is a conflict (409), nothing written.
     */
    @Transactional
    public Imported importFile(ShebaoUser by, String fileName, byte[] bytes) {
        if (!by.isStaff() || !by.has(Role.FINANCE, Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("payment file");
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "error.payment.empty");
        }
        String region = by.region().value();
        String sha = sha256(bytes);
        refuseImported(sha, region);
        List<FieldViolation> errors = new ArrayList<>();
        List<Incoming> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Optional<Employer>> byCode = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<PaymentFiles.Line> lines = PaymentFiles.read(bytes);
        if (lines.isEmpty()) {
            throw InvalidInputException.of("file", "error.payment.empty");
        }
        for (PaymentFiles.Line l : lines) {
            Violations v = new Violations();
            if (l.columns() != PaymentFiles.COLUMNS) {
                v.add("file", "error.payment.columns", l.columns());
            } else {
                String reference = reference(v, l.reference(), "reference");
                if (reference != null) {
                    Integer first = seen.putIfAbsent(reference, l.line());
                    if (first != null) {
                        v.add("reference", "error.payment.reference.duplicate", String.valueOf(first), reference);
                    } else if (exists(reference, region)) {
                        v.add("reference", "error.payment.reference.exists", reference);
                    }
                }
                Employer employer = employer(v, by, l.creditCode(), byCode);
                if (employer != null && !employer.regionCode().equals(region)) {
                    v.add("creditCode", "error.payment.otherRegion", employer.name());
                    employer = null;
                }
                YearMonth month = month(v, l.month(), "month");
                Money amount = amount(v, l.amount(), "amount");
                LocalDate paidOn = v.date(l.paidOn(), "paidOn", true);
                if (paidOn != null && paidOn.isAfter(today)) {
                    v.add("paidOn", "error.date.future", today);
                }
                if (v.isEmpty()) {
                    checked.add(new Incoming(employer, month, amount, paidOn, reference, PaymentChannel.FILE, null,
                            l.line()));
                }
            }
            for (FieldViolation f : v.list()) {
                errors.add(Declarations.lineViolation(l.line(), f.field(), f));
            }
        }
        if (!errors.isEmpty()) {
            // the same file imported meanwhile by another request makes its references "exist": that is a 409
            refuseImported(sha, region);
            throw new InvalidInputException(errors);
        }
        Money total = checked.stream().map(Incoming::amount).reduce(Money.ZERO, Money::plus);
        String name = fileName == null || fileName.isBlank() ? null
                : fileName.strip().length() > 255 ? fileName.strip().substring(0, 255) : fileName.strip();
        Optional<Long> fileId = jdbc.sql("""
                        INSERT INTO contribution_payment_file (region_code, sha256, file_name, line_count, total,
                               imported_by, imported_at)
                        VALUES (:r, :sha, :name, :n, :total, :by, :at)
                        ON CONFLICT (sha256, region_code) DO NOTHING RETURNING id""")
                .param("r", region).param("sha", sha).param("name", name).param("n", checked.size())
                .param("total", total.amount()).param("by", by.getUsername()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).optional();
        if (fileId.isEmpty()) {
            throw new ConflictException("file", "error.payment.fileImported");
        }
        // one employer at a time, in id order (two files touching the same employers cannot deadlock)
        new TreeSet<>(checked.stream().map(i -> i.employer().id()).toList()).forEach(e -> Bills.lock(jdbc, e));
        List<Payment> out = new ArrayList<>();
        for (Incoming i : checked) {
            out.add(apply(by, new Incoming(i.employer(), i.month(), i.amount(), i.paidOn(), i.reference(),
                    PaymentChannel.FILE, fileId.get(), i.lineNo())));
        }
        audit.record(by.getUsername(), AuditAction.PAYMENT_FILE_IMPORTED, "payment file " + fileId.get(),
                checked.size() + " payments, total " + total + (name == null ? "" : ", " + name));
        return new Imported(fileId.get(), checked.size(), total, out);
    }

    /** The employer's payments, newest first (its own user, or staff of its region). */
    public List<Payment> payments(ShebaoUser by, long employerId) {
        Employer employer = employers.employer(by, employerId);
        return jdbc.sql("SELECT * FROM contribution_payment WHERE employer_id = :e AND region_code = :r"
                        + " ORDER BY paid_on DESC, id DESC LIMIT 500")
                .param("e", employerId).param("r", employer.regionCode()).query(this::map).list();
    }

    /** The payments applied to a bill, oldest first. */
    public List<Payment> ofBill(ShebaoUser by, Bill bill) {
        employers.employer(by, bill.employerId());
        return jdbc.sql("SELECT * FROM contribution_payment WHERE bill_id = :b AND region_code = :r ORDER BY id")
                .param("b", bill.id()).param("r", bill.regionCode()).query(this::map).list();
    }

    // ---------------------------------------------------------------- worklists

    /** The collection section's worklists. */
    public enum Worklist {
        /** Bills partly paid. */
        UNDERPAID,
        /** Payments with more than their bill asked. */
        OVERPAID,
        /** Payments with no bill to go to. */
        UNMATCHED,
        /** Bills not paid in full after their due date (欠费). */
        ARREARS
    }

    /** A bill on a worklist. */
    public record BillItem(long billId, long employerId, String employerName, YearMonth month, BillStatus status,
                           Money totalDue, Money paid, Money outstanding, LocalDate dueOn, long daysOverdue) {
    }

    /** A payment on a worklist. */
    public record PaymentItem(long paymentId, long employerId, String employerName, YearMonth month, Money amount,
                              Money excess, LocalDate paidOn, String reference, PaymentChannel channel) {
    }

    /** A worklist: bills (underpaid, arrears) or payments (overpaid, unmatched), of the user's region and below. */
    public record Items(Worklist list, List<BillItem> bills, List<PaymentItem> payments) {
    }

    /** The items of one worklist in the staff user's region (and below), at most 500, oldest first. */
    public Items worklist(ShebaoUser by, Worklist list) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("worklist");
        }
        String scope = by.region().scopePrefix() + "%";
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> names = new HashMap<>();
        java.util.function.LongFunction<String> name = id -> names.computeIfAbsent(id,
                k -> employers.employer(by, k).name());
        return switch (list) {
            case UNDERPAID, ARREARS -> new Items(list, jdbc.sql("SELECT id, employer_id, year, month, status,"
                            + " total_due, paid, due_on FROM contribution_bill WHERE region_code LIKE :scope AND "
                            + (list == Worklist.UNDERPAID ? "status = 'PART_PAID'"
                                    : "status <> 'PAID' AND total_due > 0 AND due_on < :today")
                            + " ORDER BY due_on, id LIMIT 500")
                    .param("scope", scope).param("today", today)
                    .query((rs, i) -> {
                        LocalDate due = rs.getObject("due_on", LocalDate.class);
                        Money total = new Money(rs.getBigDecimal("total_due"));
                        Money paid = new Money(rs.getBigDecimal("paid"));
                        return new BillItem(rs.getLong("id"), rs.getLong("employer_id"), null,
                                YearMonth.of(rs.getInt("year"), rs.getInt("month")),
                                BillStatus.valueOf(rs.getString("status")), total, paid, total.minus(paid), due,
                                Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, today)));
                    }).list().stream().map(b -> new BillItem(b.billId(), b.employerId(), name.apply(b.employerId()),
                            b.month(), b.status(), b.totalDue(), b.paid(), b.outstanding(), b.dueOn(), b.daysOverdue()))
                    .toList(), List.of());
            case OVERPAID, UNMATCHED -> new Items(list, List.of(), jdbc.sql("SELECT * FROM contribution_payment"
                            + " WHERE region_code LIKE :scope AND excess > 0 AND "
                            + (list == Worklist.UNMATCHED ? "bill_id IS NULL" : "bill_id IS NOT NULL")
                            + " ORDER BY paid_on, id LIMIT 500")
                    .param("scope", scope).query(this::map).list().stream()
                    .map(p -> new PaymentItem(p.id(), p.employerId(), name.apply(p.employerId()), p.month(),
                            p.amount(), p.excess(), p.paidOn(), p.reference(), p.channel())).toList());
        };
    }

    // ---------------------------------------------------------------- matching, late fee, books

    /**
     * Matches one payment to its bill (the employer is locked), with its late fee, and books it. The money is divided
     * by {@link Allocation} (contributions first, then the late fees still owed, the rest to the employer's credit);
     * the late fee the payment brings about (days, rate, waiver with its clauses) is assessed as a late fee of its own.
     * A CREDIT payment is taken from the employer's credit (exactly, one winner) and never leaves an excess.
     */
    private Payment apply(ShebaoUser by, Incoming in) {
        Employer employer = in.employer();
        RegionCode region = new RegionCode(employer.regionCode());
        Optional<Bill> found = bills.find(employer.id(), employer.regionCode(), in.month());
        LateFeeDecision fee = null;
        MeasureStatus n5c = null;
        Bill bill = found.orElse(null);
        boolean fromCredit = in.channel() == PaymentChannel.CREDIT;
        Money outstanding = bill == null || !bill.outstanding().isPositive() ? Money.ZERO : bill.outstanding();
        Money allocated = in.amount().min(outstanding);
        if (allocated.isPositive()) {
            n5c = measures.status(MEASURE, region, bill.dueOn());
            fee = rule.decide(new LatePaymentRule.Facts(region, allocated, bill.dueOn(), in.paidOn(),
                    deferrals.covering(employer.id(), employer.regionCode(), in.month()).orElse(null),
                    n5c.inForce(), n5c.clauses(),
                    deadlines.of(Contributions.RULE, region, bill.dueOn()).orElse(null)));
            if (fee.days() == 0) {
                fee = null;
            }
        }
        Money newFee = fee == null ? Money.ZERO : fee.charged();
        List<Allocation.OpenFee> owed = fromCredit ? List.of() : lateFees.owed(employer.id(), employer.regionCode());
        if (newFee.isPositive() && !fromCredit) {
            owed = new ArrayList<>(owed);
            owed.add(new Allocation.OpenFee(null, newFee));
        }
        Allocation split = Allocation.of(in.amount(), outstanding, owed);
        if (fromCredit && split.toCredit().isPositive()) {
            throw new IllegalStateException("a credit is applied exactly: " + in.amount() + " to " + outstanding);
        }
        Money excess = split.toCredit();
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO contribution_payment (region_code, employer_id, year, month, amount, paid_on, channel,
                               reference, file_id, line_no, bill_id, allocated, fees_paid, excess, fee_due_on, fee_days,
                               fee_computed, fee_waived, fee_charged, fee_waiver, fee_sources, recorded_by, recorded_at)
                        VALUES (:r, :e, :y, :m, :amount, :paidOn, :channel, :ref, :file, :line, :bill, :allocated,
                                :feesPaid, :excess, :feeDueOn, :days, :computed, :waived, :charged, :waiver, :sources,
                                :by, :at)
                        ON CONFLICT (reference, region_code) DO NOTHING RETURNING id""")
                .param("r", employer.regionCode()).param("e", employer.id()).param("y", in.month().getYear())
                .param("m", in.month().getMonthValue()).param("amount", in.amount().amount())
                .param("paidOn", in.paidOn()).param("channel", in.channel().name()).param("ref", in.reference())
                .param("file", in.fileId(), java.sql.Types.BIGINT).param("line", in.lineNo(), java.sql.Types.INTEGER)
                .param("bill", bill == null ? null : bill.id(), java.sql.Types.BIGINT)
                .param("allocated", allocated.amount()).param("feesPaid", split.toFeesTotal().amount())
                .param("excess", excess.amount())
                .param("feeDueOn", fee == null ? null : fee.dueOn(), java.sql.Types.DATE)
                .param("days", fee == null ? null : (int) fee.days(), java.sql.Types.INTEGER)
                .param("computed", fee == null ? null : fee.computed().amount(), java.sql.Types.NUMERIC)
                .param("waived", fee == null ? null : fee.waived().amount(), java.sql.Types.NUMERIC)
                .param("charged", fee == null ? null : fee.charged().amount(), java.sql.Types.NUMERIC)
                .param("waiver", fee != null && fee.isWaived() ? fee.waiver().reason() : null, java.sql.Types.VARCHAR)
                .param("sources", fee == null ? null : String.join("；", fee.sources()), java.sql.Types.VARCHAR)
                .param("by", by.getUsername()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).optional();
        if (id.isEmpty()) { // recorded by a parallel request meanwhile: one winner
            throw new ConflictException("reference", "error.payment.reference.exists", in.reference());
        }
        if (fromCredit && !credits.take(employer.regionCode(), employer.id(), in.amount(), CreditBook.Movement.APPLIED,
                id.get(), null, by.getUsername())) {
            throw new ConflictException("amount", "error.credit.insufficient", in.amount().toString());
        }
        Map<Fund, List<Ledger.Posting>> postings = new LinkedHashMap<>();
        Long newFeeId = null;
        if (allocated.isPositive()) {
            Money paid = bill.paid().plus(allocated);
            BillStatus status = paid.compareTo(bill.totalDue()) >= 0 ? BillStatus.PAID : BillStatus.PART_PAID;
            jdbc.sql("""
                            UPDATE contribution_bill SET paid = :paid, status = :status, version = version + 1
                             WHERE id = :id AND region_code = :r""")
                    .param("paid", paid.amount()).param("status", status.name()).param("id", bill.id())
                    .param("r", bill.regionCode()).update();
            Map<Fund, Money> feeShares = book(postings, bill, allocated, newFee, fromCredit);
            if (fee != null) {
                newFeeId = lateFees.assess(by, employer, bill, id.get(), fee, feeShares);
            }
            if (status == BillStatus.PAID) {
                record(bill, in.paidOn(), PaidMonthRule.of(bill.month(), fee, n5c.inForce(),
                        deadlines.of(Contributions.RULE, region, bill.dueOn()).orElse(null)));
            }
        }
        for (Allocation.FeePart part : split.toFees()) {
            long feeId = part.feeId() == null ? newFeeId : part.feeId();
            lateFees.pay(by, employer.regionCode(), feeId, id.get(), part.amount(), in.paidOn(), postings);
        }
        if (excess.isPositive()) {
            credits.add(employer.regionCode(), employer.id(), excess, CreditBook.Movement.OVERPAID, id.get(), null,
                    null, by.getUsername(), in.paidOn());
            Account.Contributions p = Account.contributions(Fund.PENSION);
            postings.computeIfAbsent(Fund.PENSION, f -> new ArrayList<>())
                    .add(new Ledger.Posting(p.bank(), Account.PENSION_EMPLOYER_CREDITS, excess));
        }
        postings.forEach((fund, list) -> ledger.post(fund, in.paidOn(), "payment:" + id.get() + ":" + fund,
                by.getUsername(), (fromCredit ? "预收抵缴 " : "缴费 ") + in.month() + " 单位 " + employer.id()
                        + (newFee.isZero() ? "" : "，滞纳金 " + newFee)
                        + (split.toFees().isEmpty() ? "" : "，缴滞纳金 " + split.toFeesTotal())
                        + (excess.isZero() ? "" : "，多缴转预收 " + excess), list));
        audit.record(by.getUsername(), AuditAction.PAYMENT_RECORDED, "employer " + employer.id(),
                "payment " + id.get() + " " + in.reference() + ": " + in.month() + " " + in.amount() + " paid "
                        + in.paidOn() + (bill == null ? ", no bill" : ", applied " + allocated)
                        + (split.toFees().isEmpty() ? "" : ", late fees paid " + split.toFeesTotal())
                        + (excess.isZero() ? "" : ", to credit " + excess)
                        + (fee == null ? "" : ", late fee " + fee.charged() + (fee.isWaived() ? " (waived)" : "")));
        return jdbc.sql("SELECT * FROM contribution_payment WHERE id = :id AND region_code = :r")
                .param("id", id.get()).param("r", employer.regionCode()).query(this::map).single();
    }

    /**
     * Applies the employer's credit to its bills still owing (the employer is locked): to {@code only} when given (a
     * bill just assessed), else to every bill with something outstanding, oldest month first. Each application is a
     * CREDIT payment of the bill's month, counted as paid on the latest day money came into the credit
     * ({@link CreditBook#availableSince}; its late fee decided as any payment's). The payments made.
     */
    List<Payment> applyCredit(ShebaoUser by, Employer employer, Bill only) {
        List<Payment> out = new ArrayList<>();
        List<Bill> owing = only != null ? List.of(only) : bills.owing(employer.id(), employer.regionCode());
        LocalDate today = LocalDate.now(clock);
        for (Bill b : owing) {
            Money balance = credits.balance(employer.regionCode(), employer.id());
            Money amount = balance.min(b.outstanding());
            if (!amount.isPositive()) {
                continue;
            }
            String reference = "CR-" + b.id() + "-" + jdbc.sql("SELECT nextval('contribution_credit_movement_id_seq')")
                    .query(Long.class).single();
            LocalDate on = credits.availableSince(employer.regionCode(), employer.id()).filter(d -> !d.isAfter(today))
                    .orElse(today);
            out.add(apply(by, new Incoming(employer, b.month(), amount, on, reference, PaymentChannel.CREDIT, null,
                    null)));
        }
        return out;
    }

    /**
     * Adds to {@code postings} the part of a payment applied to a bill, in each fund: collection account (or, for the
     * employer's credit, 预收 in the pension fund's chart, each other fund's share transferred from the pension fund's
     * collection account to its own) against contributions receivable, split by the bill's amounts per insurance so
     * that the bill paid in full has paid each fund's part exactly (each fund's share of what the bill has received in
     * all, less its share before this payment); the late fee charged, split the same way, as late fees receivable
     * against late-fee income. Returns that split of the fee.
     */
    private Map<Fund, Money> book(Map<Fund, List<Ledger.Posting>> postings, Bill bill, Money allocated,
                                  Money feeCharged, boolean fromCredit) {
        Map<Fund, Money> totals = new LinkedHashMap<>();
        bill.byInsurance().forEach(t -> totals.merge(Bills.fundOf(t.insurance()), t.totalDue(), Money::plus));
        Map<Fund, Money> before = shares(totals, bill.totalDue(), bill.paid());
        Map<Fund, Money> after = shares(totals, bill.totalDue(), bill.paid().plus(allocated));
        Map<Fund, Money> applied = new LinkedHashMap<>();
        after.forEach((f, m) -> applied.put(f, m.minus(before.getOrDefault(f, Money.ZERO))));
        Map<Fund, Money> fees = shares(applied, allocated, feeCharged);
        for (Fund fund : totals.keySet()) {
            Account.Contributions a = Account.contributions(fund);
            Money money = applied.getOrDefault(fund, Money.ZERO);
            if (!money.isZero()) {
                if (!fromCredit) {
                    postings.computeIfAbsent(fund, f -> new ArrayList<>())
                            .add(new Ledger.Posting(a.bank(), a.receivable(), money));
                } else if (fund == Fund.PENSION) {
                    postings.computeIfAbsent(fund, f -> new ArrayList<>())
                            .add(new Ledger.Posting(Account.PENSION_EMPLOYER_CREDITS, a.receivable(), money));
                } else { // 划转: out of the pension fund's collection account into this fund's
                    postings.computeIfAbsent(Fund.PENSION, f -> new ArrayList<>())
                            .add(new Ledger.Posting(Account.PENSION_EMPLOYER_CREDITS,
                                    Account.contributions(Fund.PENSION).bank(), money));
                    postings.computeIfAbsent(fund, f -> new ArrayList<>())
                            .add(new Ledger.Posting(a.bank(), a.receivable(), money));
                }
            }
            Money fee = fees.getOrDefault(fund, Money.ZERO);
            if (!fee.isZero()) {
                postings.computeIfAbsent(fund, f -> new ArrayList<>())
                        .add(new Ledger.Posting(a.lateFeesReceivable(), a.lateFeeIncome(), fee));
            }
        }
        return fees;
    }

    /**
     * Item 7: a bill paid in full puts its month into each employee's rights record: the pension base used, the
     * personal pension share credited to the personal account, the employee's whole part of the bill, the day the
     * payment completing the bill was made and the rule its late fee decision makes of the month (in time, N-5c /
     * FJ-5c or a deferral: in its own month; late under the normal rules: a back payment). A month the bulk history
     * counts already, or another employer's bill paid first, stays as it is.
     */
    private void record(Bill bill, LocalDate paidOn, PaidMonthRule.Decision d) {
        bill.byPerson().forEach((personId, lines) -> {
            Bill.Line pension = lines.stream().filter(l -> l.insurance() == Insurance.PENSION).findFirst().orElse(null);
            if (pension == null || persons.paidMonths(personId, bill.month().getYear()).contains(bill.month().getMonthValue())) {
                return;
            }
            Money amount = lines.stream().map(Bill.Line::totalDue).reduce(Money.ZERO, Money::plus);
            String flags = d.rule() == PaidMonthRule.Rule.MEASURE && d.fee().waiver() != null
                    ? String.join(", ", d.fee().waiver().sources()) : "";
            persons.insert(personId, new PaidMonth(bill.month(), bill.regionCode(), pension.baseUsed(), amount,
                    pension.personalDue(), bill.dueOn(), paidOn, PaidMonth.Source.BILL, d.ownMonth(), d.rule(),
                    d.reason(), Money.ZERO, flags), null, bill.id()); // the late fee is the employer's
        });
    }

    /**
     * {@code amount} split over the parts in proportion to their weights (out of {@code whole}), 四舍五入 to the fen,
     * the last part taking what rounding left, so the parts add up to the amount exactly.
     */
    static Map<Fund, Money> shares(Map<Fund, Money> weights, Money whole, Money amount) {
        Map<Fund, Money> out = new LinkedHashMap<>();
        if (whole.isZero()) {
            return out;
        }
        Money left = amount;
        List<Fund> funds = new ArrayList<>(weights.keySet());
        for (int i = 0; i < funds.size(); i++) {
            Fund f = funds.get(i);
            Money part = i == funds.size() - 1 ? left : new Money(amount.amount().multiply(weights.get(f).amount())
                    .divide(whole.amount(), 2, RoundingMode.HALF_UP));
            out.put(f, part);
            left = left.minus(part);
        }
        return out;
    }

    // ---------------------------------------------------------------- checks

    /** The day paid: today, or for staff the day written (from the bank's slip), not after today. */
    static LocalDate paidOn(Violations v, ShebaoUser by, String raw, LocalDate today) {
        if (!by.isStaff() || raw == null || raw.isBlank()) {
            return today;
        }
        LocalDate paidOn = v.date(raw, "paidOn", true);
        if (paidOn != null && paidOn.isAfter(today)) {
            v.add("paidOn", "error.date.future", today);
        }
        return paidOn;
    }

    private boolean exists(String reference, String region) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contribution_payment WHERE reference = :ref AND region_code = :r)")
                .param("ref", reference).param("r", region).query(Boolean.class).single();
    }

    static String reference(Violations v, String raw, String field) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            v.add(field, "error.payment.reference.required");
            return null;
        }
        if (!s.matches("[A-Za-z0-9_-]{1,40}")) {
            v.add(field, "error.payment.reference.format", s.length() > 60 ? s.substring(0, 60) + "…" : s);
            return null;
        }
        return s;
    }

    private YearMonth month(Violations v, String raw, String field) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            v.add(field, "error.payment.month.required");
            return null;
        }
        YearMonth m = null;
        if (s.matches("\\d{4}-\\d{2}")) {
            int mm = Integer.parseInt(s.substring(5));
            if (mm >= 1 && mm <= 12) {
                m = YearMonth.of(Integer.parseInt(s.substring(0, 4)), mm);
            }
        }
        if (m == null) {
            v.add(field, "error.bill.month", s);
            return null;
        }
        YearMonth now = YearMonth.now(clock);
        if (m.isAfter(now)) {
            v.add(field, "error.payment.futureMonth", m.toString(), now.toString());
            return null;
        }
        return m;
    }

    static Money amount(Violations v, String raw, String field) {
        String s = raw == null ? "" : raw.strip().replace("，", ",").replace("元", "").strip();
        if (s.isEmpty()) {
            v.add(field, "error.payment.amount.required");
            return null;
        }
        if (s.startsWith("-")) {
            v.add(field, "error.payment.amount.positive", s);
            return null;
        }
        if (!s.matches("[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]{1,2})?|[0-9]+(\\.[0-9]{1,2})?")) {
            v.add(field, "error.payment.amount.format", s);
            return null;
        }
        BigDecimal a = new BigDecimal(s.replace(",", ""));
        if (a.signum() == 0) {
            v.add(field, "error.payment.amount.positive", s);
            return null;
        }
        if (a.compareTo(MAX_AMOUNT.amount()) > 0) {
            v.add(field, "error.payment.amount.absurd", a.toPlainString());
            return null;
        }
        return new Money(a);
    }

    Employer employer(Violations v, ShebaoUser by, String raw, Map<String, Optional<Employer>> cache) {
        CreditCode code;
        try {
            code = CreditCode.parse(raw, "creditCode");
        } catch (InvalidInputException e) {
            e.violations().forEach(f -> v.add("creditCode", f.code(), f.args().toArray()));
            return null;
        }
        Optional<Employer> e = cache.computeIfAbsent(code.value(), c -> {
            try {
                return employers.employerByCreditCode(by, code);
            } catch (AccessDeniedToRecordException outside) {
                return Optional.empty();
            }
        });
        if (e.isEmpty()) {
            v.add("creditCode", "error.payment.employerUnknown", code.value());
            return null;
        }
        return e.get();
    }

    /** The same file (by its SHA-256) imported before in the region: 409. */
    private void refuseImported(String sha, String region) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM contribution_payment_file WHERE sha256 = :s AND region_code = :r)")
                .param("s", sha).param("r", region).query(Boolean.class).single()) {
            throw new ConflictException("file", "error.payment.fileImported");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Payment map(ResultSet rs, int i) throws SQLException {
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        return new Payment(rs.getLong("id"), rs.getLong("employer_id"), rs.getString("region_code"),
                YearMonth.of(rs.getInt("year"), rs.getInt("month")), new Money(rs.getBigDecimal("amount")),
                rs.getObject("paid_on", LocalDate.class), PaymentChannel.valueOf(rs.getString("channel")),
                rs.getString("reference"), rs.getObject("file_id", Long.class), rs.getObject("line_no", Integer.class),
                rs.getObject("bill_id", Long.class), new Money(rs.getBigDecimal("allocated")),
                new Money(rs.getBigDecimal("fees_paid")), new Money(rs.getBigDecimal("excess")), rs.getObject("fee_due_on", LocalDate.class),
                rs.getObject("fee_days", Integer.class), Money.orNull(rs.getBigDecimal("fee_computed")),
                Money.orNull(rs.getBigDecimal("fee_waived")), Money.orNull(rs.getBigDecimal("fee_charged")),
                rs.getString("fee_waiver"), rs.getString("fee_sources"), rs.getString("recorded_by"),
                at.atZoneSameInstant(clock.getZone()).toOffsetDateTime());
    }
}
