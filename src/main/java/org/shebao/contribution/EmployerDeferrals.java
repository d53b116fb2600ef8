package org.shebao.contribution;

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
import java.util.Optional;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.shebao.policy.TrackedRef;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employers' deferral of contributions (缓缴, 人社部发〔2020〕11号 第三条: an enterprise in severe difficulty from the
 * epidemic may defer its contributions, in principle for at most 6 months, with no late fee while deferred). The
 * employer applies through the casework workflow (case type EMPLOYER_DEFERRAL, online or through a clerk); this
 * service checks the application ({@link #check}) and, when a reviewer approves it, records the deferral
 * ({@link #approve}) with its end and tracks its back-payment deadline (lifted + 3 months, FJ-1.4) with the policy
 * module. {@link #standing} answers the work-injury module's FJ-1.4 question.
 */
@Service
public class EmployerDeferrals {
    /** The longest deferral, in months, with its source. */
    static final String MAX_MONTHS = "contribution.deferral.employer.maxMonths";
    /** Kind of this module's tracked deadline items for employer deferrals. */
    static final String KIND = "employer-deferral";

    private final JdbcClient jdbc;
    private final Employers employers;
    private final Parameters parameters;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;
    private final Bills bills;

    public EmployerDeferrals(JdbcClient jdbc, Employers employers, Parameters parameters, Deadlines deadlines,
                             AuditLog audit, Clock clock, Bills bills) {
        this.bills = bills;
        this.jdbc = jdbc;
        this.employers = employers;
        this.parameters = parameters;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks an application for {@code employerId} by {@code by} (the employer's own portal user, or a clerk or
     * administrator of its region): {@code fromMonth} (2020-03), {@code months} (1 … the maximum), {@code reason}
     * (the caller's own field rules, whose violations come in {@code found}, are reported with these). Every field
     * at fault is named; a deferral overlapping one already approved is refused (409). Returns the form as the case
     * stores it.
     */
    public Map<String, String> check(ShebaoUser by, long employerId, Map<String, String> form, Violations found) {
        Employer employer = writable(by, employerId);
        Violations v = found == null ? new Violations() : found;
        YearMonth from = month(v, form.get("fromMonth"));
        Integer months = null;
        String raw = form.get("months");
        if (raw == null || raw.isBlank()) {
            v.add("months", "error.required");
        } else if (!raw.strip().matches("\\d{1,3}")) {
            v.add("months", "error.employerDeferral.months", raw.strip());
        } else {
            months = Integer.parseInt(raw.strip());
        }
        String reason = form.get("reason") == null ? null : form.get("reason").strip();
        if (from != null && months != null) {
            limit(v, new RegionCode(employer.regionCode()), from, months);
        }
        v.throwIfAny();
        YearMonth to = from.plusMonths(months - 1);
        overlap(employer, from, to);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("employerId", String.valueOf(employerId));
        out.put("fromMonth", from.toString());
        out.put("months", String.valueOf(months));
        out.put("toMonth", to.toString());
        out.put("reason", reason);
        return out;
    }

    /**
     * A reviewer approved the case: the deferral is recorded (checked again against the maximum and the deferrals
     * approved meanwhile) and its back-payment deadline tracked, in the approval's transaction.
     */
    @Transactional
    public EmployerDeferral approve(ShebaoUser approver, long employerId, Map<String, String> form,
                                    String caseReference) {
        Employer employer = employers.employer(approver, employerId);
        Bills.lock(jdbc, employerId);
        Violations v = new Violations();
        YearMonth from = month(v, form.get("fromMonth"));
        int months = Integer.parseInt(form.get("months"));
        RegionCode region = new RegionCode(employer.regionCode());
        ParameterValue max = from == null ? null : limit(v, region, from, months);
        v.throwIfAny();
        YearMonth to = from.plusMonths(months - 1);
        overlap(employer, from, to);
        LocalDate endsOn = bills.dueOn(region, to); // every month covered, the last too, is paid by then
        LocalDate today = LocalDate.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO contribution_employer_deferral (region_code, employer_id, from_month, to_month, months,
                               ends_on, reason, source, case_reference, approved_by, approved_at)
                        VALUES (:r, :e, :from, :to, :n, :ends, :reason, :source, :ref, :by, :at) RETURNING id""")
                .param("r", employer.regionCode()).param("e", employerId).param("from", from.atDay(1))
                .param("to", to.atDay(1)).param("n", months).param("ends", endsOn).param("reason", form.get("reason"))
                .param("source", max.source()).param("ref", caseReference).param("by", approver.getUsername())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        if (deadlines.of(Contributions.RULE, region, today).isPresent()) {
            deadlines.track(Contributions.OWNER, ref(id), "用人单位缓缴补缴 " + employer.name() + " " + from + "至" + to,
                    region, today, Contributions.RULE);
        }
        audit.record(approver.getUsername(), AuditAction.EMPLOYER_DEFERRAL_APPROVED, "employer " + employerId,
                "deferral " + id + ": " + from + " … " + to + " (" + months + " months), ends " + endsOn + ", case "
                        + caseReference);
        return load(id, employer.regionCode());
    }

    /** The longest deferral in a region today, and the documents it rests on (for the application form). */
    public record Maximum(int months, String documents) {
    }

    public Optional<Maximum> maximum(RegionCode region) {
        return parameters.find(MAX_MONTHS, region, LocalDate.now(clock))
                .map(v -> new Maximum((Integer) v.value(), Bill.documents(v.source())));
    }

    /** The employer's deferrals, newest first (its own user, or staff of its region). */
    public List<EmployerDeferral> deferrals(ShebaoUser by, long employerId) {
        Employer employer = employers.employer(by, employerId);
        return jdbc.sql("SELECT * FROM contribution_employer_deferral WHERE employer_id = :e AND region_code = :r"
                        + " ORDER BY from_month DESC, id DESC")
                .param("e", employerId).param("r", employer.regionCode()).query(this::map).list();
    }

    /** The deferral covering an employer's month, if any. */
    Optional<EmployerDeferral> covering(long employerId, String region, YearMonth month) {
        return jdbc.sql("""
                        SELECT * FROM contribution_employer_deferral WHERE employer_id = :e AND region_code = :r
                           AND from_month <= :m AND to_month >= :m ORDER BY id LIMIT 1""")
                .param("e", employerId).param("r", region).param("m", month.atDay(1)).query(this::map).optional();
    }

    /**
     * FJ-1.4's question, for the work-injury module: was the employer deferred on {@code day} (a deferral covering
     * it: from the first day of its first month to its end), and did it pay every bill of the deferred months in
     * full by the back-payment deadline (lifted + 3 months)? A deferred month without a bill counts as unpaid. Until
     * every bill is paid, the answer is {@code OPEN} while the deadline is pending or has not passed, and
     * {@code NOT_PAID_IN_TIME} after it.
     */
    public DeferralStanding standing(long employerId, LocalDate day) {
        Optional<EmployerDeferral> d = jdbc.sql("""
                        SELECT * FROM contribution_employer_deferral WHERE employer_id = :e
                           AND from_month <= :day AND ends_on >= :day ORDER BY id LIMIT 1""")
                .param("e", employerId).param("day", day).query(this::map).optional();
        if (d.isEmpty()) {
            return new DeferralStanding(employerId, day, null, DeferralStanding.BackPayment.NOT_DEFERRED, List.of(),
                    null);
        }
        EmployerDeferral deferral = d.get();
        List<YearMonth> unpaid = new ArrayList<>();
        LocalDate lastPaidOn = null;
        for (YearMonth m = deferral.from(); !m.isAfter(deferral.to()); m = m.plusMonths(1)) {
            Optional<Paid> p = jdbc.sql("""
                            SELECT b.status, b.total_due, (SELECT max(p.paid_on) FROM contribution_payment p
                                               WHERE p.bill_id = b.id AND p.region_code = b.region_code
                                                 AND p.allocated > 0) AS last_paid_on
                              FROM contribution_bill b
                             WHERE b.employer_id = :e AND b.region_code = :r AND b.year = :y AND b.month = :m""")
                    .param("e", employerId).param("r", deferral.regionCode()).param("y", m.getYear())
                    .param("m", m.getMonthValue()).query(Paid.class).optional();
            if (p.isEmpty() || p.get().status() != BillStatus.PAID && p.get().totalDue().signum() > 0) {
                unpaid.add(m);
            } else if (p.get().lastPaidOn() != null
                    && (lastPaidOn == null || p.get().lastPaidOn().isAfter(lastPaidOn))) {
                lastPaidOn = p.get().lastPaidOn();
            }
        }
        Deadline deadline = deferral.backPaymentDeadline();
        DeferralStanding.BackPayment outcome;
        if (unpaid.isEmpty()) {
            outcome = deadline == null || lastPaidOn == null || deadline.inTime(lastPaidOn)
                    ? DeferralStanding.BackPayment.PAID_IN_TIME : DeferralStanding.BackPayment.NOT_PAID_IN_TIME;
        } else {
            outcome = deadline != null && deadline.inTime(LocalDate.now(clock)) ? DeferralStanding.BackPayment.OPEN
                    : DeferralStanding.BackPayment.NOT_PAID_IN_TIME;
        }
        return new DeferralStanding(employerId, day, deferral, outcome, List.copyOf(unpaid), lastPaidOn);
    }

    /** A bill's status and the day of the last payment applied to it. */
    private record Paid(BillStatus status, java.math.BigDecimal totalDue, LocalDate lastPaidOn) {
    }

    // ---------------------------------------------------------------- internals

    private Employer writable(ShebaoUser by, long employerId) {
        Employer e = employers.employer(by, employerId); // the employer's own user, or staff of its region
        if (by.isStaff() && !by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("deferral");
        }
        if (!by.isStaff() && !by.has(Role.EMPLOYER)) {
            throw new AccessDeniedToRecordException("deferral");
        }
        return e;
    }

    private static YearMonth month(Violations v, String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            v.add("fromMonth", "error.required");
            return null;
        }
        if (s.matches("\\d{4}-\\d{2}")) {
            int m = Integer.parseInt(s.substring(5));
            if (m >= 1 && m <= 12) {
                return YearMonth.of(Integer.parseInt(s.substring(0, 4)), m);
            }
        }
        v.add("fromMonth", "error.bill.month", s);
        return null;
    }

    /** The maximum in force for the first month; a deferral longer than it, or of no month, is refused. */
    private ParameterValue limit(Violations v, RegionCode region, YearMonth from, int months) {
        Optional<ParameterValue> max = parameters.find(MAX_MONTHS, region, from.atDay(1));
        if (max.isEmpty()) {
            v.add("fromMonth", "error.employerDeferral.notAvailable", from.toString());
            return null;
        }
        int limit = (Integer) max.get().value();
        if (months < 1) {
            v.add("months", "error.employerDeferral.months", String.valueOf(months));
        } else if (months > limit) {
            v.add("months", "error.employerDeferral.tooLong", String.valueOf(months), String.valueOf(limit),
                    Bill.documents(max.get().source()));
        }
        return max.get();
    }

    private void overlap(Employer employer, YearMonth from, YearMonth to) {
        jdbc.sql("""
                        SELECT * FROM contribution_employer_deferral WHERE employer_id = :e AND region_code = :r
                           AND from_month <= :to AND to_month >= :from ORDER BY from_month LIMIT 1""")
                .param("e", employer.id()).param("r", employer.regionCode()).param("from", from.atDay(1))
                .param("to", to.atDay(1)).query(this::map).optional().ifPresent(d -> {
                    throw new ConflictException("fromMonth", "error.employerDeferral.overlap", d.from().toString(),
                            d.to().toString(), d.caseReference());
                });
    }

    static TrackedRef ref(long deferralId) {
        return TrackedRef.of(KIND, deferralId);
    }

    private EmployerDeferral load(long id, String region) {
        return jdbc.sql("SELECT * FROM contribution_employer_deferral WHERE id = :id AND region_code = :r")
                .param("id", id).param("r", region).query(this::map).single();
    }

    private EmployerDeferral map(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("id");
        OffsetDateTime at = rs.getObject("approved_at", OffsetDateTime.class);
        return new EmployerDeferral(id, rs.getLong("employer_id"), rs.getString("region_code"),
                YearMonth.from(rs.getObject("from_month", LocalDate.class)),
                YearMonth.from(rs.getObject("to_month", LocalDate.class)), rs.getInt("months"),
                rs.getObject("ends_on", LocalDate.class), rs.getString("reason"), rs.getString("source"),
                rs.getString("case_reference"), rs.getString("approved_by"),
                at.atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                deadlines.tracked(Contributions.OWNER, ref(id), Contributions.RULE).orElse(null));
    }
}
