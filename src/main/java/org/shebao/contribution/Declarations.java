package org.shebao.contribution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.FieldViolation;
import org.shebao.common.IdNumber;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Parameters;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.shebao.registry.Employment;
import org.shebao.registry.Enrollments;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shebao.policy.Implements;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.registry.EnrollmentDateRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wage-base declarations (缴费基数申报) of an employer for its own employees: a yearly base per employee, and monthly
 * lines that override it for their month. From a file (CSV or the agency's Excel template) or the API, checked line by
 * line: every bad line is named with its number and the reason, and nothing is written unless every line is good
 * (one transaction). Each base is clamped by {@link BaseRule} and stored with the base used and why. Declaring a
 * period again supersedes its earlier declaration (kept, and named by the new one; the operation log says so), and
 * every open bill the change touches is recomputed ({@link Bills}).
 * <p>
 * N-5a: a declaration made after its period fell due (the due date of the month's bill; of January's for a yearly
 * base) is never refused for lateness; while the measure LATE_EMPLOYER_ENROLLMENT is in force for the region on the
 * declaration day it is flagged with its clauses, and the day it fell due is kept.
 * <p>
 * Who: the employer's own portal user, or a clerk (or administrator) of the employer's region; any staff of the
 * region may read.
 */
@Implements(measure = EnrollmentDateRule.LATE, rule = "缴费基数申报：用人单位逾期申报照常受理，疫情期间标识依据条款（N-5a）",
        ruleEn = "Wage-base declarations: an employer's late declaration is accepted, flagged with the clause during an emergency (N-5a)")
@Service
public class Declarations {
    /** The most lines one submission may hold. */
    public static final int MAX_LINES = 10_000;
    /**
     * A monthly wage base above this parameter (a plausibility limit of the platform, not a policy value; 1,000,000
     * yuan) is taken for a typing error (absurd) and refused, not clamped.
     */
    static final String MAX_BASE = "contribution.base.declaredMax";

    private final JdbcClient jdbc;
    private final Employers employers;
    private final Enrollments enrollments;
    private final BaseRule baseRule;
    private final Bills bills;
    private final AuditLog audit;
    private final Clock clock;
    private final Parameters parameters;
    private final Measures measures;

    public Declarations(JdbcClient jdbc, Employers employers, Enrollments enrollments, Parameters parameters,
                        Bills bills, AuditLog audit, Clock clock, Measures measures) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.enrollments = enrollments;
        this.baseRule = new BaseRule(parameters);
        this.parameters = parameters;
        this.measures = measures;
        this.bills = bills;
        this.audit = audit;
        this.clock = clock;
    }

    /** An uploaded file (CSV or .xlsx, told apart by its content), checked and applied as {@link #declare}. */
    @Transactional
    public Declaration.Outcome upload(ShebaoUser by, long employerId, String fileName, byte[] bytes) {
        Employer employer = writable(by, employerId);
        String name = fileName == null ? null : fileName.strip();
        if (name != null && (name.isEmpty() || name.length() > 255)) {
            name = name.isEmpty() ? null : name.substring(0, 255);
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "error.declaration.empty");
        }
        DeclarationChannel channel = DeclarationFiles.channelOf(name, bytes);
        List<FieldViolation> errors = new ArrayList<>();
        List<DeclaredLine> lines = new ArrayList<>();
        for (DeclarationFiles.Read r : DeclarationFiles.read(channel, bytes)) {
            if (r.columns() != DeclarationFiles.COLUMNS) {
                errors.add(lineViolation(r.line().line(), "file",
                        FieldViolation.of("file", "error.declaration.columns", r.columns())));
            } else {
                lines.add(r.line());
            }
        }
        return apply(by, employer, channel, name, lines, errors);
    }

    /** Lines sent through the API, numbered from 1 in the order sent. */
    @Transactional
    public Declaration.Outcome declare(ShebaoUser by, long employerId, List<DeclaredLine> lines) {
        return apply(by, writable(by, employerId), DeclarationChannel.API, null,
                lines == null ? List.of() : lines, new ArrayList<>());
    }

    /** The employer's declarations, newest first, superseded ones included (the history). */
    public List<Declaration> declarations(ShebaoUser by, long employerId) {
        employers.employer(by, employerId);
        return jdbc.sql("SELECT * FROM contribution_declaration WHERE employer_id = :e ORDER BY id DESC")
                .param("e", employerId).query(this::map).list();
    }

    public Optional<Declaration> declaration(ShebaoUser by, long employerId, long declarationId) {
        employers.employer(by, employerId);
        return jdbc.sql("SELECT * FROM contribution_declaration WHERE employer_id = :e AND id = :id")
                .param("e", employerId).param("id", declarationId).query(this::map).optional();
    }

    public List<Declaration.Line> lines(Declaration d) {
        return jdbc.sql("""
                        SELECT * FROM contribution_declaration_line WHERE declaration_id = :d AND region_code = :r
                         ORDER BY line_no""")
                .param("d", d.id()).param("r", d.regionCode())
                .query((rs, i) -> new Declaration.Line(rs.getInt("line_no"), rs.getLong("person_id"),
                        rs.getString("person_name"), new Money(rs.getBigDecimal("declared_base")),
                        new Money(rs.getBigDecimal("base_used")), BaseDecision.Outcome.valueOf(rs.getString("clamp")),
                        new Money(rs.getBigDecimal("base_floor")), new Money(rs.getBigDecimal("base_ceiling")),
                        rs.getString("clamp_reason"))).list();
    }

    /** A line's problem, in the user's language: 「第 n 行：reason」, the field being {@code lines[n].field}. */
    static FieldViolation lineViolation(int line, String field, FieldViolation reason) {
        return FieldViolation.of("lines[" + line + "]." + field, "error.declaration.line", String.valueOf(line),
                new DefaultMessageSourceResolvable(new String[]{reason.code()}, reason.args().toArray(),
                        reason.code()));
    }

    // ---------------------------------------------------------------- internals

    private Employer writable(ShebaoUser by, long employerId) {
        Employer e = employers.employer(by, employerId); // the employer's own user, or staff of its region
        if (by.isStaff() && !by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("declaration");
        }
        return e;
    }

    /** A line whose fields were read on their own (null where a field is wrong). */
    private record Parsed(DeclaredLine raw, IdNumber id, String name, DeclarationPeriod period, Money base) {
    }

    /** A good line: the employee it names and the base clamped. */
    private record Checked(DeclaredLine raw, IdNumber id, Employment employee, DeclarationPeriod period,
                           BaseDecision base) {
    }

    private Declaration.Outcome apply(ShebaoUser by, Employer employer, DeclarationChannel channel, String fileName,
                                      List<DeclaredLine> lines, List<FieldViolation> errors) {
        if (lines.isEmpty() && errors.isEmpty()) {
            throw InvalidInputException.of("file", "error.declaration.empty");
        }
        if (lines.size() > MAX_LINES) {
            throw InvalidInputException.of("file", "error.declaration.tooMany", MAX_LINES);
        }
        Bills.lock(jdbc, employer.id()); // one writer of an employer's declarations and bills at a time
        RegionCode region = new RegionCode(employer.regionCode());
        YearMonth now = YearMonth.now(clock);
        Money max = maxBase(parameters, region, LocalDate.now(clock));
        List<Checked> checked = new ArrayList<>();
        // first pass: each line on its own
        List<Parsed> parsed = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (DeclaredLine l : lines) {
            Violations v = new Violations();
            IdNumber id = blank(l.idNumber()) ? missing(v, "idNumber")
                    : v.attempt(() -> IdNumber.parse(l.idNumber().strip(), "idNumber"));
            String name = blank(l.name()) ? missing(v, "name") : v.text(l.name(), "name", 50, true);
            DeclarationPeriod period = null;
            if (blank(l.period())) {
                missing(v, "period");
            } else {
                period = DeclarationPeriod.parse(l.period()).orElse(null);
                if (period == null) {
                    v.add("period", "error.declaration.period", l.period().strip());
                } else if (period.after(now)) {
                    v.add("period", "error.declaration.futurePeriod", period.toString(), now.toString());
                    period = null;
                }
            }
            Money base = blank(l.base()) ? missing(v, "base") : amount(v, l.base(), max);
            for (FieldViolation f : v.list()) {
                errors.add(lineViolation(l.line(), f.field(), f));
            }
            parsed.add(new Parsed(l, id, name, period, base));
            if (period != null) {
                from = from == null || period.from().isBefore(from) ? period.from() : from;
                to = to == null || period.to().isAfter(to) ? period.to() : to;
            }
        }
        // second pass: against the employer's employees and the other lines
        Map<String, List<Employment>> employees = new HashMap<>();
        if (from != null) {
            for (Employment e : enrollments.employmentsOf(by, employer.id(), from, to)) {
                employees.computeIfAbsent(e.idNumber().value(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Parsed p : parsed) {
            DeclaredLine l = p.raw();
            IdNumber id = p.id();
            String name = p.name();
            DeclarationPeriod period = p.period();
            Money base = p.base();
            if (id == null || period == null) {
                continue;
            }
            Violations v = new Violations();
            Employment employee = employees.getOrDefault(id.value(), List.of()).stream()
                    .filter(e -> e.overlaps(period.from(), period.to())).findFirst().orElse(null);
            if (employee == null) {
                v.add("idNumber", "error.declaration.notEmployee", id.masked(), period.toString());
            } else if (name != null && !name.equals(employee.personName())) {
                v.add("name", "error.declaration.nameMismatch", name, id.masked());
            }
            Integer first = seen.putIfAbsent(id.value() + "/" + period, l.line());
            if (first != null) {
                v.add("idNumber", "error.declaration.duplicate", String.valueOf(first), id.masked(), period.toString());
            }
            BaseDecision decision = null;
            if (base != null) {
                try {
                    decision = baseRule.clamp(region, period.firstMonth(), base);
                } catch (Parameters.MissingParameterException e) {
                    v.add("period", "error.declaration.noParameters", period.toString());
                }
            }
            for (FieldViolation f : v.list()) {
                errors.add(lineViolation(l.line(), f.field(), f));
            }
            if (v.isEmpty() && decision != null && employee != null) {
                checked.add(new Checked(l, id, employee, period, decision));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(f -> Integer.parseInt((String) f.args().get(0))));
            throw new InvalidInputException(errors);
        }
        return write(by, employer, channel, fileName, checked);
    }

    /** The plausibility limit of a declared monthly base in force in the region on the day. */
    static Money maxBase(Parameters parameters, RegionCode region, LocalDate on) {
        return new Money(parameters.decimal(MAX_BASE, region, on));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T missing(Violations v, String field) {
        v.add(field, "error.declaration." + field + ".required");
        return null;
    }

    /** A wage base in yuan: digits, optional thousands separators, at most two decimals; not negative, not absurd. */
    static Money amount(Violations v, String raw, Money max) {
        String s = raw.strip().replace("，", ",").replace("元", "").strip();
        if (s.startsWith("-") && s.substring(1).matches("[0-9][0-9,]*(\\.[0-9]+)?")) {
            v.add("base", "error.declaration.base.negative", s);
            return null;
        }
        if (!s.matches("[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]{1,2})?|[0-9]+(\\.[0-9]{1,2})?")) {
            v.add("base", "error.declaration.base.format", raw.strip());
            return null;
        }
        BigDecimal amount = new BigDecimal(s.replace(",", ""));
        if (amount.compareTo(max.amount()) > 0) {
            v.add("base", "error.declaration.base.absurd", amount.toPlainString(), max.amount().toPlainString());
            return null;
        }
        return new Money(amount);
    }

    private Declaration.Outcome write(ShebaoUser by, Employer employer, DeclarationChannel channel, String fileName,
                                      List<Checked> lines) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<DeclarationPeriod, List<Checked>> byPeriod = new LinkedHashMap<>();
        lines.forEach(c -> byPeriod.computeIfAbsent(c.period(), k -> new ArrayList<>()).add(c));
        List<Declaration> created = new ArrayList<>();
        TreeSet<YearMonth> touched = new TreeSet<>();
        RegionCode region = new RegionCode(employer.regionCode());
        LocalDate today = LocalDate.now(clock);
        for (Map.Entry<DeclarationPeriod, List<Checked>> e : byPeriod.entrySet()) {
            DeclarationPeriod period = e.getKey();
            // N-5a: late (after the period's bill fell due) is accepted; during an emergency, flagged with the clause
            LocalDate fellDue = bills.dueOn(region, period.firstMonth());
            LocalDate dueOn = today.isAfter(fellDue) ? fellDue : null;
            MeasureStatus n5a = dueOn == null ? null : measures.status(EnrollmentDateRule.LATE, region, today);
            String flags = n5a != null && n5a.inForce() ? n5a.clauseList() : "";
            Long replaced = jdbc.sql("""
                            UPDATE contribution_declaration SET superseded_at = :now
                             WHERE employer_id = :e AND region_code = :r AND year = :y
                               AND month IS NOT DISTINCT FROM :m AND superseded_at IS NULL RETURNING id""")
                    .param("now", now).param("e", employer.id()).param("r", employer.regionCode())
                    .param("y", period.year()).param("m", period.month(), java.sql.Types.SMALLINT)
                    .query(Long.class).optional().orElse(null);
            long id = jdbc.sql("""
                            INSERT INTO contribution_declaration (region_code, employer_id, year, month, channel, file_name,
                                   line_count, declared_by, declared_at, replaces, due_on, flags)
                            VALUES (:r, :e, :y, :m, :channel, :file, :n, :by, :now, :replaces, :dueOn, :flags)
                            RETURNING id""")
                    .param("r", employer.regionCode()).param("e", employer.id()).param("y", period.year())
                    .param("m", period.month(), java.sql.Types.SMALLINT).param("channel", channel.name())
                    .param("file", fileName).param("n", e.getValue().size()).param("by", by.getUsername())
                    .param("now", now).param("replaces", replaced, java.sql.Types.BIGINT)
                    .param("dueOn", dueOn, java.sql.Types.DATE).param("flags", flags)
                    .query(Long.class).single();
            for (Checked c : e.getValue()) {
                BaseDecision b = c.base();
                jdbc.sql("""
                                INSERT INTO contribution_declaration_line (declaration_id, region_code, person_id, line_no,
                                       person_name, declared_base, base_used, clamp, base_floor, base_ceiling, clamp_reason)
                                VALUES (:d, :r, :p, :line, :name, :declared, :used, :clamp, :floor, :ceiling, :reason)""")
                        .param("d", id).param("r", employer.regionCode()).param("p", c.employee().personId())
                        .param("line", c.raw().line()).param("name", c.employee().personName())
                        .param("declared", b.declared().amount()).param("used", b.used().amount())
                        .param("clamp", b.outcome().name()).param("floor", b.floor().amount())
                        .param("ceiling", b.ceiling().amount())
                        .param("reason", b.clamped() ? b.reason() : null).update();
            }
            audit.record(by.getUsername(), AuditAction.DECLARATION_SUBMITTED, "employer " + employer.id(),
                    period + " declaration " + id + ", " + e.getValue().size() + " lines, " + channel
                            + (replaced == null ? "" : ", replaces declaration " + replaced)
                            + (dueOn == null ? "" : ", late (due " + dueOn + ")" + (flags.isEmpty() ? "" : " [" + flags + "]")));
            if (period.yearly()) {
                for (int m = 1; m <= 12; m++) {
                    touched.add(YearMonth.of(period.year(), m));
                }
            } else {
                touched.add(period.firstMonth());
            }
            created.add(jdbc.sql("SELECT * FROM contribution_declaration WHERE id = :id AND region_code = :r")
                    .param("id", id).param("r", employer.regionCode()).query(this::map).single());
        }
        List<YearMonth> recomputed = bills.recompute(by, employer, touched);
        return new Declaration.Outcome(List.copyOf(created), lines.size(), recomputed);
    }

    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private Declaration map(ResultSet rs, int i) throws SQLException {
        Integer month = rs.getObject("month", Integer.class);
        return new Declaration(rs.getLong("id"), rs.getLong("employer_id"), rs.getString("region_code"),
                new DeclarationPeriod(rs.getInt("year"), month), DeclarationChannel.valueOf(rs.getString("channel")),
                rs.getString("file_name"), rs.getInt("line_count"), rs.getString("declared_by"),
                local(rs, "declared_at"), rs.getObject("replaces", Long.class), local(rs, "superseded_at"),
                rs.getObject("due_on", LocalDate.class), rs.getString("flags"));
    }
}
