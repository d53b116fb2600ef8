package org.shebao.contribution;

import org.shebao.policy.Implements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.shebao.common.PgCopy;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadlines;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights record and its bulk load, and the deferral of 2020 contributions of flexible workers (N-5b). Callers
 * check the user's access to the person first.
 */
@Implements(measure = "CONTRIBUTION_DEFERRAL_2020", rule = "灵活就业人员2020年度缴费延期：标识并跟踪疫情解除后三个月的补缴期限",
        ruleEn = "2020 contributions of flexible workers deferred: flagged, with the deadline three months after lifting")
@Service
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
    private final org.springframework.context.ApplicationEventPublisher events;

    Contributions(JdbcClient jdbc, DataSource dataSource, Measures measures, Deadlines deadlines, Clock clock,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.measures = measures;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * N-5b / FJ-5b: flexible workers (no employer) of a region whose {@code year} contributions are incomplete may
     * pay them after the emergency. Each is flagged with the measure and its clauses, and gets the N-5c deadline
     * (lifted + 3 months), pending until the lifted date is entered. Returns the number of persons flagged.
     *
     * @throws IllegalStateException when the measure is not in force for the region on that day
     */
    @Transactional
    public int deferIncompleteFlexibleYear(RegionCode region, int year, LocalDate on, String by) {
        MeasureStatus status = measures.status(MEASURE, region, on);
        if (!status.inForce()) {
            throw new IllegalStateException(MEASURE + " is not in force for " + region + " on " + on);
        }
        List<Object[]> rows = jdbc.sql("""
                SELECT person_id, region_code FROM contribution_year y
                 WHERE year = :year AND employer_id IS NULL AND months < 12 AND region_code LIKE :scope
                   AND NOT EXISTS (SELECT 1 FROM contribution_deferral d WHERE d.person_id = y.person_id AND d.year = y.year)
                 ORDER BY person_id""")
                .param("year", year).param("scope", region.scopePrefix() + "%")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Object[] r : rows) {
            long personId = (Long) r[0];
            String personRegion = (String) r[1];
            jdbc.sql("""
                    INSERT INTO contribution_deferral (person_id, year, region_code, measure, clauses, deferred_on,
                                                       created_by, created_at)
                    VALUES (:p, :y, :r, :m, :c, :on, :by, :now)""")
                    .param("p", personId).param("y", year).param("r", personRegion).param("m", MEASURE)
                    .param("c", status.clauseList()).param("on", on).param("by", by).param("now", now).update();
            deadlines.track(OWNER, deferralRef(personId, year), year + "年度缴费延期补缴（灵活就业人员）",
                    new RegionCode(personRegion), on, RULE);
        }
        return rows.size();
    }

    /** The policy module fixed (or moved) deadlines: tell the persons whose deferred year depends on them. */
    @org.springframework.context.event.EventListener
    void onDeadlines(org.shebao.policy.DeadlinesChanged e) {
        for (org.shebao.policy.DeadlinesChanged.TrackedItem item : e.items()) {
            if (OWNER.equals(item.owner()) && item.ref().startsWith("deferral:")) {
                String[] parts = item.ref().split(":");
                events.publishEvent(new DeferralDeadlineChanged(Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                        e.dueOn()));
            }
        }
    }

    static String deferralRef(long personId, int year) {
        return "deferral:" + personId + ":" + year;
    }

    /** The person's deferred years, each with its current deadline. */
    public List<Deferral> deferrals(long personId) {
        return jdbc.sql("SELECT year, region_code, measure, clauses, deferred_on FROM contribution_deferral"
                        + " WHERE person_id = :p ORDER BY year")
                .param("p", personId)
                .query((rs, i) -> new Deferral(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        deadlines.tracked(OWNER, deferralRef(personId, rs.getInt(1)), RULE).orElse(null)))
                .list();
    }

    public RightsRecord rightsRecord(long personId) {
        return new RightsRecord(personId, jdbc.sql("""
                        SELECT year, region_code, employer_id, months, monthly_base, account_credit
                          FROM contribution_year WHERE person_id = :p ORDER BY year""")
                .param("p", personId)
                .query((rs, i) -> new ContributionYear(rs.getInt(1), rs.getString(2), (Long) rs.getObject(3),
                        rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6))).list());
    }

    public record YearRow(long personId, int year, String regionCode, Long employerId, int months,
                          BigDecimal monthlyBase, BigDecimal accountCredit) {
    }

    public long copyYears(Consumer<Consumer<YearRow>> rows) {
        return PgCopy.copy(dataSource, "contribution_year",
                "person_id, year, region_code, employer_id, months, monthly_base, account_credit",
                w -> rows.accept(r -> {
                    w.col(r.personId()).col(r.year()).col(r.regionCode()).col(r.employerId()).col(r.months())
                            .col(r.monthlyBase().toPlainString()).col(r.accountCredit().toPlainString());
                    w.endRow();
                }));
    }

    public void analyze() {
        jdbc.sql("ANALYZE contribution_year").update();
    }
}
