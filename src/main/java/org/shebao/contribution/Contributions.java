package org.shebao.contribution;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.Implements;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.shebao.common.PgCopy;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.policy.Deadlines;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Optional;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.policy.DeadlinesChanged;
import org.shebao.policy.TrackedRef;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The rights record and its bulk load, and the deferral of 2020 contributions of flexible workers (N-5b). Callers
 * check the user's access to the person first.
 */
@Implements(measure = "CONTRIBUTION_DEFERRAL_2020", rule = "灵活就业人员2020年度缴费延期：标识并跟踪疫情解除后三个月的补缴期限",
        ruleEn = "2020 contributions of flexible workers deferred: flagged, with the deadline three months after lifting")
@Service
@RequiredArgsConstructor
public class Contributions {
    /** Tracked deadlines of this module are keyed under this owner. */
    public static final String OWNER = "contribution";
    static final String MEASURE = "CONTRIBUTION_DEFERRAL_2020";
    static final String RULE = "LIFTED_PLUS_3_MONTHS";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Measures measures;
    private final Deadlines deadlines;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final Persons persons;
    private final Parameters parameters;
    private final AuditLog audit;

    /** The parameter naming the contribution year the deferral measure covers (N-5b: 2020). */
    static final String YEAR = "contribution.deferral.year";

    /**
     * N-5b / FJ-5b, one person: a flexible worker (no employer that year) whose contributions of the year the
     * measure covers are incomplete defers them, by applying online (the person) or through a clerk of the region.
     * The deferral is flagged with the measure and its clauses and gets the N-5c / FJ-5c deadline (lifted + 3
     * months), pending until the lifted date is entered. Refused, changing nothing, when the measure is not in force
     * for the person's region today, the year is not the one it covers, the person is not a flexible worker with
     * that year incomplete, or the year is deferred already.
     */
    @Transactional
    public Deferral defer(ShebaoUser by, long personId, int year) {
        // a citizen only for themselves, staff within their region
        Person person = PersonPayments.person(persons, by, personId, "deferral", Role.CLERK, Role.REVIEWER, Role.ADMIN);
        RegionCode region = new RegionCode(person.regionCode());
        LocalDate today = LocalDate.now(clock);
        MeasureStatus status = measures.status(MEASURE, region, today);
        if (!status.inForce()) {
            throw InvalidInputException.of("year", "error.deferral.notInForce");
        }
        if (deferred(personId, year)) {
            throw new ConflictException("year", "error.deferral.exists", String.valueOf(year));
        }
        Violations v = new Violations();
        int covered = parameters.integer(YEAR, region, today);
        if (year != covered) {
            v.add("year", "error.deferral.year", String.valueOf(covered));
        } else if (!eligible(personId, year)) {
            v.add("year", "error.deferral.notEligible", String.valueOf(year));
        }
        v.throwIfAny();
        if (!insert(personId, year, person.regionCode(), status, today, by.getUsername())) {
            throw new ConflictException("year", "error.deferral.exists", String.valueOf(year));
        }
        audit.record(by.getUsername(), AuditAction.DEFERRAL_REGISTERED, "person " + personId,
                year + " " + status.clauseList());
        return deferrals(personId).stream().filter(d -> d.year() == year).findFirst().orElseThrow();
    }

    /** Whether the person may defer the year: a flexible worker (no employer) that year, with months still unpaid. */
    public boolean eligible(long personId, int year) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM contribution_year y
                                WHERE y.person_id = :p AND y.year = :y AND y.employer_id IS NULL AND y.months < 12)""")
                .param("p", personId).param("y", year).query(Boolean.class).single();
    }

    /** Whether the person's year is deferred already. */
    public boolean deferred(long personId, int year) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contribution_deferral WHERE person_id = :p AND year = :y)")
                .param("p", personId).param("y", year).query(Boolean.class).single();
    }

    /** The year the deferral measure covers in the person's region today, when the measure is in force there. */
    public Optional<Integer> deferrableYear(String regionCode) {
        RegionCode region = new RegionCode(regionCode);
        LocalDate today = LocalDate.now(clock);
        if (!measures.status(MEASURE, region, today).inForce()) {
            return Optional.empty();
        }
        return parameters.find(YEAR, region, today).map(v -> (Integer) v.value());
    }

    /**
     * The flexible workers of a region (and below) whose {@code year} is incomplete and not deferred: the persons a
     * clerk may register a deferral for (N-5b / FJ-5b), in id order.
     */
    public List<Long> deferralCandidates(RegionCode region, int year) {
        return jdbc.sql("""
                SELECT person_id FROM contribution_year y
                 WHERE year = :year AND employer_id IS NULL AND months < 12 AND region_code LIKE :scope
                   AND NOT EXISTS (SELECT 1 FROM contribution_deferral d WHERE d.person_id = y.person_id AND d.year = y.year)
                 ORDER BY person_id""")
                .param("year", year).param("scope", region.scopePrefix() + "%").query(Long.class).list();
    }

    /** Flags one deferral and tracks its deadline; false when the year was deferred already (one winner). */
    private boolean insert(long personId, int year, String personRegion, MeasureStatus status, LocalDate on, String by) {
        // one winner: a deferral requested twice at once is inserted once, the other request is told it exists
        int inserted = jdbc.sql("""
                INSERT INTO contribution_deferral (person_id, year, region_code, measure, clauses, deferred_on,
                                                   created_by, created_at)
                VALUES (:p, :y, :r, :m, :c, :on, :by, :now) ON CONFLICT (person_id, year, region_code) DO NOTHING""")
                .param("p", personId).param("y", year).param("r", personRegion).param("m", MEASURE)
                .param("c", status.clauseList()).param("on", on).param("by", by)
                .param("now", OffsetDateTime.now(clock)).update();
        if (inserted == 0) {
            return false;
        }
        deadlines.track(OWNER, deferralRef(personId, year), year + "年度缴费延期补缴（灵活就业人员）",
                new RegionCode(personRegion), on, RULE);
        return true;
    }

    /** The policy module fixed (or moved) deadlines: tell the persons whose deferred year depends on them. */
    @ApplicationModuleListener
    void onDeadlines(DeadlinesChanged e) {
        for (DeadlinesChanged.TrackedItem item : e.items()) {
            if (OWNER.equals(item.owner()) && "deferral".equals(item.ref().kind())) {
                events.publishEvent(new DeferralDeadlineChanged(item.ref().id(), item.ref().year(), e.dueOn()));
            }
        }
    }

    static TrackedRef deferralRef(long personId, int year) {
        return TrackedRef.of("deferral", personId, year);
    }

    /** The person's deferred years, each with its current deadline. */
    public List<Deferral> deferrals(long personId) {
        return jdbc.sql("SELECT year, region_code, measure, clauses, deferred_on FROM contribution_deferral"
                        + " WHERE person_id = :p ORDER BY year")
                .param("p", personId)
                .query((rs, i) -> new Deferral(rs.getInt("year"), rs.getString("region_code"), rs.getString("measure"), rs.getString("clauses"),
                        rs.getObject("deferred_on", LocalDate.class),
                        deadlines.tracked(OWNER, deferralRef(personId, rs.getInt("year")), RULE).orElse(null)))
                .list();
    }

    /**
     * The person's rights record: the yearly history loaded in bulk ({@code contribution_year}) with the paid months
     * ({@code contribution_month}: the person's own payments and the employer's bills paid in full) added to their
     * year — months counted, the monthly base averaged over the year's months, the personal-account credits summed —
     * and the paid months one by one. The pension and unemployment modules read the years.
     */
    public RightsRecord rightsRecord(long personId) {
        List<ContributionYear> history = jdbc.sql("""
                        SELECT year, region_code, employer_id, months, monthly_base, account_credit
                          FROM contribution_year WHERE person_id = :p ORDER BY year""")
                .param("p", personId)
                .query((rs, i) -> new ContributionYear(rs.getInt("year"), rs.getString("region_code"),
                        (Long) rs.getObject("employer_id"), rs.getInt("months"), new Money(rs.getBigDecimal("monthly_base")),
                        new Money(rs.getBigDecimal("account_credit")))).list();
        List<PaidMonth> months = jdbc.sql("SELECT * FROM contribution_month WHERE person_id = :p ORDER BY year, month")
                .param("p", personId)
                .query((rs, i) -> new PaidMonth(YearMonth.of(rs.getInt("year"), rs.getInt("month")),
                        rs.getString("region_code"), new Money(rs.getBigDecimal("base")),
                        new Money(rs.getBigDecimal("amount")), new Money(rs.getBigDecimal("account_credit")),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("paid_on", LocalDate.class),
                        PaidMonth.Source.valueOf(rs.getString("source")), rs.getBoolean("own_month"),
                        PaidMonthRule.Rule.valueOf(rs.getString("rule")), rs.getString("reason"),
                        new Money(rs.getBigDecimal("fee_charged")), rs.getString("flags"))).list();
        return new RightsRecord(personId, merge(history, months), months);
    }

    /**
     * The personal account's balance on a day (个人账户储存额): the record's credits through that day's year with the
     * interest of every earlier year whose rate is published ({@link AccountInterest}, the one rule for it), the
     * rates of {@code region}.
     */
    public AccountInterest.Balance accountBalance(RightsRecord record, RegionCode region, LocalDate on) {
        int first = record.years().stream().mapToInt(ContributionYear::year).min().orElse(on.getYear());
        return AccountInterest.balance(record.years(),
                AccountInterest.rates(parameters, region, first, on.getYear() - 1), on.getYear());
    }

    /** The yearly history with the paid months added to their year (a year of paid months alone gets a row). */
    static List<ContributionYear> merge(List<ContributionYear> history, List<PaidMonth> months) {
        Map<Integer, List<PaidMonth>> byYear = months.stream()
                .collect(Collectors.groupingBy(m -> m.month().getYear(), TreeMap::new, Collectors.toList()));
        Map<Integer, ContributionYear> out = new TreeMap<>();
        List<ContributionYear> extra = new ArrayList<>();
        for (ContributionYear y : history) {
            if (out.containsKey(y.year())) {
                extra.add(y); // a second region's row of the same year: kept as it is
            } else {
                out.put(y.year(), y);
            }
        }
        byYear.forEach((year, paid) -> {
            ContributionYear y = out.get(year);
            int before = y == null ? 0 : y.months();
            BigDecimal baseSum = y == null ? BigDecimal.ZERO : y.monthlyBase().amount().multiply(BigDecimal.valueOf(before));
            Money credit = y == null ? Money.ZERO : y.accountCredit();
            for (PaidMonth m : paid) {
                baseSum = baseSum.add(m.base().amount());
                credit = credit.plus(m.accountCredit());
            }
            int total = before + paid.size();
            Money base = new Money(baseSum.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP));
            out.put(year, new ContributionYear(year, y == null ? paid.get(0).regionCode() : y.regionCode(),
                    y == null ? null : y.employerId(), total, base, credit));
        });
        List<ContributionYear> all = new ArrayList<>(out.values());
        all.addAll(extra);
        all.sort(java.util.Comparator.comparingInt(ContributionYear::year));
        return List.copyOf(all);
    }

    public record YearRow(long personId, int year, String regionCode, Long employerId, int months,
                          Money monthlyBase, Money accountCredit) {
    }

    public long copyYears(Consumer<Consumer<YearRow>> rows) {
        return PgCopy.copy(dataSource, yearCopy(), rows);
    }

    /** The COPY of yearly contribution rows. */
    public PgCopy.Target<YearRow> yearCopy() {
        return new PgCopy.Target<>("contribution_year",
                "person_id, year, region_code, employer_id, months, monthly_base, account_credit",
                (w, r) -> w.col(r.personId()).col(r.year()).col(r.regionCode()).col(r.employerId()).col(r.months())
                        .col(r.monthlyBase().amount().toPlainString())
                        .col(r.accountCredit().amount().toPlainString()));
    }

    public void analyze() {
        jdbc.sql("ANALYZE contribution_year").update();
    }
}
