package org.shebao.contribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Parameters;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Employment;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly bill (核定) of an employer: every employee enrolled with it in the month who has a declared base (the
 * month's own line, else the yearly base), assessed by {@link AssessmentRule} for the insurances they are enrolled in,
 * with the employer's class (the 2020 relief) and work-injury risk class. One open bill per employer and month: asked
 * for twice, even at once, it is made once (a lock per employer, and a unique index behind it). An open bill is
 * recomputed in the transaction that changes a declaration it rests on ({@link Declarations}).
 * <p>
 * Who: the employer's own portal user or a clerk (or administrator) of its region assesses; staff of the region read.
 */
@Service
public class Bills {
    /** The first of the two keys of this module's advisory locks (issue 11); the second is the employer's id. */
    private static final int LOCK_CLASS = 11;

    private final JdbcClient jdbc;
    private final Employers employers;
    private final Enrollments enrollments;
    private final AssessmentRule rule;
    private final AuditLog audit;
    private final Clock clock;
    private final Parameters parameters;
    private final Ledger ledger;
    private final org.springframework.beans.factory.ObjectProvider<Payments> payments;

    /** The day of the month after the bill's month by which it is to be paid. */
    static final String DUE_DAY = "contribution.bill.dueDay";

    public Bills(JdbcClient jdbc, Employers employers, Enrollments enrollments, Parameters parameters, AuditLog audit,
                 Clock clock, Ledger ledger, org.springframework.beans.factory.ObjectProvider<Payments> payments) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.enrollments = enrollments;
        this.rule = new AssessmentRule(parameters);
        this.audit = audit;
        this.clock = clock;
        this.parameters = parameters;
        this.ledger = ledger;
        this.payments = payments;
    }

    /** The day a month's bill is due: {@code contribution.bill.dueDay} of the month after (or its last day). */
    LocalDate dueOn(RegionCode region, YearMonth month) {
        YearMonth next = month.plusMonths(1);
        try {
            int day = parameters.integer(DUE_DAY, region, month.atDay(1));
            return next.atDay(Math.min(day, next.lengthOfMonth()));
        } catch (Parameters.MissingParameterException e) {
            throw InvalidInputException.of("month", "error.bill.noParameters", month.toString());
        }
    }

    /** The result of asking for a bill: the bill, and whether this request made it. */
    public record Assessed(Bill bill, boolean created) {
    }

    /** An employee enrolled in the month without a declared base: not on the bill until one is declared. */
    public record Undeclared(long personId, String personName, String idNumberMasked) {
    }

    /** Serialises the writers of one employer's declarations and bills (until the transaction ends). */
    static void lock(JdbcClient jdbc, long employerId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:c, :e)) AS l")
                .param("c", LOCK_CLASS).param("e", (int) employerId).query(Integer.class).single();
    }

    /**
     * The month's bill: the one assessed before (whatever its status), or a new one assessed now, booked as
     * contributions receivable and income of each fund. Refused (nothing written) for a month still to come,
     * an employer not yet classified by size (the relief depends on it), or a month without rates in the parameters.
     */
    @Transactional
    public Assessed assess(ShebaoUser by, long employerId, YearMonth month) {
        Employer employer = employers.employer(by, employerId);
        if (by.isStaff() && !by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("bill");
        }
        if (month == null) {
            throw InvalidInputException.of("month", "error.required");
        }
        YearMonth now = YearMonth.now(clock);
        if (month.isAfter(now)) {
            throw InvalidInputException.of("month", "error.bill.future", month.toString(), now.toString());
        }
        lock(jdbc, employerId);
        Optional<Bill> open = find(employerId, employer.regionCode(), month);
        if (open.isPresent()) {
            return new Assessed(open.get(), false);
        }
        Computed c = compute(by, employer, month);
        LocalDate dueOn = dueOn(new RegionCode(employer.regionCode()), month);
        OffsetDateTime at = OffsetDateTime.now(clock);
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO contribution_bill (region_code, employer_id, year, month, status, size_class, risk_class,
                               relief_kind, relief_factor, relief_source, employees, employer_full, employer_relieved,
                               employer_due, personal_due, total_due, illustrative, computed_by, computed_at, due_on)
                        VALUES (:r, :e, :y, :m, 'OPEN', :size, :risk, :kind, :factor, :source, :n, :full, :relieved,
                                :due, :personal, :total, :illustrative, :by, :at, :dueOn)
                        ON CONFLICT (employer_id, year, month, region_code) DO NOTHING
                        RETURNING id""")
                .param("r", employer.regionCode()).param("e", employerId).param("y", month.getYear())
                .param("m", month.getMonthValue()).params(c.header()).param("by", by.getUsername()).param("at", at)
                .param("dueOn", dueOn).query(Long.class).optional();
        if (id.isEmpty()) { // made by another request in the meantime (without the lock: another node's older code)
            return new Assessed(find(employerId, employer.regionCode(), month).orElseThrow(), false);
        }
        insertLines(id.get(), employer.regionCode(), c.lines());
        audit.record(by.getUsername(), AuditAction.BILL_ASSESSED, "employer " + employerId,
                month + " bill " + id.get() + ": " + c.employees() + " employees, total due " + c.total());
        Bill made = find(employerId, employer.regionCode(), month).orElseThrow();
        book(by, made, Map.of());
        if (!payments.getObject().applyCredit(by, employer, made).isEmpty()) { // 预收抵缴: the credit goes first
            made = find(employerId, employer.regionCode(), month).orElseThrow();
        }
        return new Assessed(made, true);
    }

    /** The bill of the month, if assessed. */
    public Optional<Bill> bill(ShebaoUser by, long employerId, YearMonth month) {
        Employer employer = employers.employer(by, employerId);
        return find(employerId, employer.regionCode(), month);
    }

    /** The employer's bills, newest month first, without their lines. */
    public List<Bill> bills(ShebaoUser by, long employerId) {
        Employer employer = employers.employer(by, employerId);
        return jdbc.sql("""
                        SELECT * FROM contribution_bill WHERE employer_id = :e AND region_code = :r
                         ORDER BY year DESC, month DESC, id DESC""")
                .param("e", employerId).param("r", employer.regionCode())
                .query((rs, i) -> header(rs, List.of())).list();
    }

    /** The employees enrolled in the bill's month who have no declared base (so are not on it). */
    public List<Undeclared> undeclared(ShebaoUser by, Bill bill) {
        Set<Long> on = bill.byPerson().keySet();
        Map<Long, Undeclared> out = new LinkedHashMap<>();
        for (Employment e : enrollments.employmentsOf(by, bill.employerId(), bill.month().atDay(1),
                bill.month().atEndOfMonth())) {
            if (!on.contains(e.personId())) {
                out.putIfAbsent(e.personId(), new Undeclared(e.personId(), e.personName(), e.idNumber().masked()));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Recomputes the employer's open bills of these months (their declarations changed), in the caller's
     * transaction; the months recomputed.
     */
    List<YearMonth> recompute(ShebaoUser by, Employer employer, Collection<YearMonth> months) {
        List<YearMonth> done = new ArrayList<>();
        for (YearMonth month : months) {
            Optional<Bill> open = find(employer.id(), employer.regionCode(), month);
            if (open.isEmpty() || open.get().status() != BillStatus.OPEN) {
                continue; // a bill money has been applied to is settled as it stands
            }
            Bill before = open.get();
            Computed c = compute(by, employer, month);
            jdbc.sql("DELETE FROM contribution_bill_line WHERE bill_id = :b AND region_code = :r")
                    .param("b", before.id()).param("r", employer.regionCode()).update();
            jdbc.sql("""
                            UPDATE contribution_bill SET size_class = :size, risk_class = :risk, relief_kind = :kind,
                                   relief_factor = :factor, relief_source = :source, employees = :n,
                                   employer_full = :full, employer_relieved = :relieved, employer_due = :due,
                                   personal_due = :personal, total_due = :total, illustrative = :illustrative,
                                   computed_by = :by, computed_at = :at, version = version + 1
                             WHERE id = :id AND region_code = :r AND status = 'OPEN'""")
                    .params(c.header()).param("by", by.getUsername()).param("at", OffsetDateTime.now(clock))
                    .param("id", before.id()).param("r", employer.regionCode()).update();
            insertLines(before.id(), employer.regionCode(), c.lines());
            Map<Insurance, Money> was = new HashMap<>();
            before.byInsurance().forEach(t -> was.put(t.insurance(), t.totalDue()));
            book(by, find(employer.id(), employer.regionCode(), month).orElseThrow(), was);
            audit.record(by.getUsername(), AuditAction.BILL_RECOMPUTED, "employer " + employer.id(),
                    month + " bill " + before.id() + " recomputed after a declaration: total due "
                            + before.totalDue() + " -> " + c.total());
            done.add(month);
        }
        return done;
    }

    /**
     * Books a bill (核定) in each fund's books: contributions receivable against contribution income, by the bill's
     * total due per insurance, less what was booked for its earlier version ({@code booked}, empty for a new bill).
     * One voucher per fund and version of the bill.
     */
    private void book(ShebaoUser by, Bill bill, Map<Insurance, Money> booked) {
        Map<Insurance, Money> now = new HashMap<>();
        bill.byInsurance().forEach(t -> now.put(t.insurance(), t.totalDue()));
        for (Insurance i : Insurance.values()) {
            Money delta = now.getOrDefault(i, Money.ZERO).minus(booked.getOrDefault(i, Money.ZERO));
            if (delta.isZero()) {
                continue;
            }
            Fund fund = fundOf(i);
            Account.Contributions a = Account.contributions(fund);
            ledger.post(fund, LocalDate.now(clock), "bill:" + bill.id() + ":v" + bill.version() + ":" + fund,
                    by.getUsername(), (booked.isEmpty() ? "核定 " : "重新核定 ") + bill.month() + " 单位 "
                            + bill.employerId() + " " + i.label(),
                    List.of(new Ledger.Posting(a.receivable(), a.income(), delta)));
        }
    }

    /** The fund an insurance's money belongs to. */
    static Fund fundOf(Insurance insurance) {
        return switch (insurance) {
            case PENSION -> Fund.PENSION;
            case UNEMPLOYMENT -> Fund.UNEMPLOYMENT;
            case WORK_INJURY -> Fund.WORK_INJURY;
        };
    }

    // ---------------------------------------------------------------- internals

    private record Computed(Map<String, Object> header, List<Bill.Line> lines, int employees, Money total) {
    }

    private record Base(Money declared, Bill.BaseFrom from) {
    }

    private Computed compute(ShebaoUser by, Employer employer, YearMonth month) {
        EmployerSize size = employer.sizeClass();
        if (size == null) {
            throw InvalidInputException.of("month", "error.bill.noSizeClass");
        }
        RegionCode region = new RegionCode(employer.regionCode());
        Map<Long, Base> bases = bases(employer, month);
        Map<Long, List<Employment>> employees = new LinkedHashMap<>();
        for (Employment e : enrollments.employmentsOf(by, employer.id(), month.atDay(1), month.atEndOfMonth())) {
            employees.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(e);
        }
        Relief relief;
        List<Bill.Line> lines = new ArrayList<>();
        boolean illustrative = false;
        try {
            relief = rule.relief(size, region, month.atDay(1));
            for (Map.Entry<Long, List<Employment>> e : employees.entrySet()) {
                Base base = bases.get(e.getKey());
                if (base == null) {
                    continue;
                }
                Set<Insurance> insured = EnumSet.noneOf(Insurance.class);
                e.getValue().forEach(x -> insured.add(insuranceOf(x.insuranceType())));
                Assessment a = rule.assess(new AssessmentFacts(region, size, employer.workInjuryRiskClass(), insured,
                        base.declared()), month);
                illustrative |= a.base().illustrative();
                Employment who = e.getValue().get(0);
                for (Assessment.Line l : a.lines()) {
                    lines.add(new Bill.Line(who.personId(), who.personName(), who.idNumber().masked(), l.insurance(),
                            base.from(), base.declared(), a.base().used(), a.base().outcome(), l.employerRate(),
                            l.personalRate(), l.employerFull(), l.employerRelieved(), l.employerDue(), l.personalDue(),
                            l.reliefSource()));
                }
            }
        } catch (Parameters.MissingParameterException e) {
            throw InvalidInputException.of("month", "error.bill.noParameters", month.toString());
        }
        Money full = sum(lines, Bill.Line::employerFull);
        Money relieved = sum(lines, Bill.Line::employerRelieved);
        Money due = sum(lines, Bill.Line::employerDue);
        Money personal = sum(lines, Bill.Line::personalDue);
        Map<String, Object> h = new HashMap<>();
        h.put("size", size.name());
        h.put("risk", employer.workInjuryRiskClass());
        h.put("kind", relief.kind().name());
        h.put("factor", relief.factor());
        h.put("source", relief.source());
        int n = (int) lines.stream().map(Bill.Line::personId).distinct().count();
        h.put("n", n);
        h.put("full", full.amount());
        h.put("relieved", relieved.amount());
        h.put("due", due.amount());
        h.put("personal", personal.amount());
        h.put("total", due.plus(personal).amount());
        h.put("illustrative", illustrative);
        return new Computed(h, lines, n, due.plus(personal));
    }

    private static Money sum(List<Bill.Line> lines, java.util.function.Function<Bill.Line, Money> f) {
        return lines.stream().map(f).reduce(Money.ZERO, Money::plus);
    }

    static Insurance insuranceOf(InsuranceType t) {
        return switch (t) {
            case ENTERPRISE_PENSION, INSTITUTION_PENSION, RESIDENT_PENSION -> Insurance.PENSION;
            case UNEMPLOYMENT -> Insurance.UNEMPLOYMENT;
            case WORK_INJURY -> Insurance.WORK_INJURY;
        };
    }

    /** Each person's declared base for the month: the month's own current line, else the year's. */
    private Map<Long, Base> bases(Employer employer, YearMonth month) {
        Map<Long, Base> out = new HashMap<>();
        jdbc.sql("""
                        SELECT l.person_id, l.declared_base, d.month IS NOT NULL AS monthly
                          FROM contribution_declaration d
                          JOIN contribution_declaration_line l ON l.declaration_id = d.id AND l.region_code = d.region_code
                         WHERE d.employer_id = :e AND d.region_code = :r AND d.year = :y
                           AND (d.month = :m OR d.month IS NULL) AND d.superseded_at IS NULL""")
                .param("e", employer.id()).param("r", employer.regionCode()).param("y", month.getYear())
                .param("m", month.getMonthValue())
                .query((rs, i) -> {
                    Base b = new Base(new Money(rs.getBigDecimal("declared_base")),
                            rs.getBoolean("monthly") ? Bill.BaseFrom.MONTHLY : Bill.BaseFrom.YEARLY);
                    out.merge(rs.getLong("person_id"), b, (x, y) -> x.from() == Bill.BaseFrom.MONTHLY ? x : y);
                    return b;
                }).list();
        return out;
    }

    private void insertLines(long billId, String region, List<Bill.Line> lines) {
        for (Bill.Line l : lines) {
            jdbc.sql("""
                            INSERT INTO contribution_bill_line (bill_id, region_code, person_id, insurance, person_name,
                                   id_number_masked, base_from, declared_base, base_used, clamp, employer_rate, personal_rate,
                                   employer_full, employer_relieved, employer_due, personal_due, relief_source)
                            VALUES (:b, :r, :p, :i, :name, :masked, :from, :declared, :used, :clamp, :er, :pr, :full,
                                    :relieved, :due, :personal, :source)""")
                    .param("b", billId).param("r", region).param("p", l.personId()).param("i", l.insurance().name())
                    .param("name", l.personName()).param("masked", l.idNumberMasked()).param("from", l.baseFrom().name())
                    .param("declared", l.declaredBase().amount()).param("used", l.baseUsed().amount())
                    .param("clamp", l.clamp().name()).param("er", l.employerRate()).param("pr", l.personalRate())
                    .param("full", l.employerFull().amount()).param("relieved", l.employerRelieved().amount())
                    .param("due", l.employerDue().amount()).param("personal", l.personalDue().amount())
                    .param("source", l.relieved() ? l.reliefSource() : null).update();
        }
    }

    /** The employer's bills with something still to pay, oldest month first, with their lines. */
    List<Bill> owing(long employerId, String region) {
        return jdbc.sql("""
                        SELECT * FROM contribution_bill WHERE employer_id = :e AND region_code = :r
                           AND status <> 'PAID' AND total_due > 0 ORDER BY year, month""")
                .param("e", employerId).param("r", region).query((rs, i) -> header(rs, null)).list().stream()
                .map(b -> b.withLines(lines(b.id(), region))).toList();
    }

    /** The employer's bill of the month, whatever its status, with its lines. */
    Optional<Bill> find(long employerId, String region, YearMonth month) {
        return jdbc.sql("""
                        SELECT * FROM contribution_bill WHERE employer_id = :e AND region_code = :r AND year = :y
                           AND month = :m""")
                .param("e", employerId).param("r", region).param("y", month.getYear()).param("m", month.getMonthValue())
                .query((rs, i) -> header(rs, null)).optional()
                .map(b -> b.withLines(lines(b.id(), region)));
    }

    private List<Bill.Line> lines(long billId, String region) {
        return jdbc.sql("""
                        SELECT * FROM contribution_bill_line WHERE bill_id = :b AND region_code = :r
                         ORDER BY person_name, person_id,
                                  CASE insurance WHEN 'PENSION' THEN 1 WHEN 'UNEMPLOYMENT' THEN 2 ELSE 3 END""")
                .param("b", billId).param("r", region)
                .query((rs, i) -> new Bill.Line(rs.getLong("person_id"), rs.getString("person_name"),
                        rs.getString("id_number_masked"), Insurance.valueOf(rs.getString("insurance")),
                        Bill.BaseFrom.valueOf(rs.getString("base_from")), new Money(rs.getBigDecimal("declared_base")),
                        new Money(rs.getBigDecimal("base_used")), BaseDecision.Outcome.valueOf(rs.getString("clamp")),
                        rs.getBigDecimal("employer_rate").stripTrailingZeros(),
                        rs.getBigDecimal("personal_rate").stripTrailingZeros(),
                        new Money(rs.getBigDecimal("employer_full")), new Money(rs.getBigDecimal("employer_relieved")),
                        new Money(rs.getBigDecimal("employer_due")), new Money(rs.getBigDecimal("personal_due")),
                        rs.getString("relief_source"))).list();
    }

    Bill header(ResultSet rs, List<Bill.Line> lines) throws SQLException {
        OffsetDateTime at = rs.getObject("computed_at", OffsetDateTime.class);
        return new Bill(rs.getLong("id"), rs.getLong("employer_id"), rs.getString("region_code"),
                YearMonth.of(rs.getInt("year"), rs.getInt("month")), BillStatus.valueOf(rs.getString("status")),
                EmployerSize.valueOf(rs.getString("size_class")), rs.getInt("risk_class"),
                Relief.Kind.valueOf(rs.getString("relief_kind")), rs.getBigDecimal("relief_factor").stripTrailingZeros(),
                rs.getString("relief_source"), rs.getInt("employees"), new Money(rs.getBigDecimal("employer_full")),
                new Money(rs.getBigDecimal("employer_relieved")), new Money(rs.getBigDecimal("employer_due")),
                new Money(rs.getBigDecimal("personal_due")), new Money(rs.getBigDecimal("total_due")),
                rs.getBoolean("illustrative"), rs.getString("computed_by"),
                at.atZoneSameInstant(clock.getZone()).toOffsetDateTime(), rs.getInt("version"),
                new Money(rs.getBigDecimal("paid")), rs.getObject("due_on", LocalDate.class), lines);
    }
}
