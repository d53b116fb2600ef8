package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Emergency;
import org.shebao.policy.TrackedRef;
import org.shebao.registry.Employers;
import org.shebao.registry.Persons;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.settlement.WorklistSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): contributions deferred under the emergency and not paid by their deadline,
 * the lifted date plus three months (N-5c, FJ-5c; the employer's back payment FJ-1.4 counts from the same date). Two
 * sorts of item: an employer's deferral (缓缴) with a deferred month's bill not paid in full, with what is still due;
 * a flexible worker's deferred year (N-5b) still incomplete, with the months missing (the amount depends on the base
 * the person will choose: none given). An item opens once the deadline of this emergency has passed; the worklists
 * are opened again every day.
 */
@Component
@RequiredArgsConstructor
class DeferredUnpaid implements WorklistSource {
    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final EmployerDeferrals employerDeferrals;
    private final Contributions contributions;
    private final Employers employers;
    private final Persons persons;
    private final Clock clock;

    @Override
    public String kind() {
        return "DEFERRAL_UNPAID";
    }

    @Override
    public List<String> clauses() {
        return List.of("N-5c", "FJ-5c");
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        LocalDate today = LocalDate.now(clock);
        Map<TrackedRef, Deadline> due = deadlines.trackedAll(Contributions.OWNER, Contributions.RULE);
        String scope = emergency.region().scopePrefix() + "%";
        List<WorklistCandidate> out = new ArrayList<>();
        record Row(long id, long employerId, String regionCode, LocalDate fromMonth, LocalDate toMonth,
                   String caseReference) {
        }
        for (Row d : jdbc.sql("""
                        SELECT id, employer_id, region_code, from_month, to_month, case_reference
                          FROM contribution_employer_deferral WHERE region_code LIKE :scope ORDER BY id""")
                .param("scope", scope).query(Row.class).list()) {
            if (!passed(due.get(EmployerDeferrals.ref(d.id())), emergency, today)) {
                continue;
            }
            DeferralStanding standing = employerDeferrals.standing(d.employerId(), d.fromMonth());
            if (standing.unpaidMonths().isEmpty()) {
                continue;
            }
            BigDecimal owed = jdbc.sql("""
                            SELECT COALESCE(sum(total_due - paid), 0) FROM contribution_bill
                             WHERE employer_id = :e AND region_code = :r AND status <> 'PAID'
                               AND make_date(year, month, 1) BETWEEN :from AND :to""")
                    .param("e", d.employerId()).param("r", d.regionCode()).param("from", d.fromMonth())
                    .param("to", d.toMonth()).query(BigDecimal.class).single();
            String name = employers.nameOf(d.employerId()).orElse("");
            out.add(new WorklistCandidate(d.regionCode(), "contribution-employer-deferral:" + d.id(),
                    d.caseReference(),
                    name + " · " + YearMonth.from(d.fromMonth()) + "…" + YearMonth.from(d.toMonth()),
                    new Money(owed)));
        }
        record Flexible(long personId, int year, String regionCode) {
        }
        for (Flexible f : jdbc.sql("""
                        SELECT person_id, year, region_code FROM contribution_deferral
                         WHERE region_code LIKE :scope ORDER BY person_id, year""")
                .param("scope", scope).query(Flexible.class).list()) {
            if (!passed(due.get(Contributions.deferralRef(f.personId(), f.year())), emergency, today)) {
                continue;
            }
            int paid = contributions.rightsRecord(f.personId()).years().stream().filter(y -> y.year() == f.year())
                    .mapToInt(ContributionYear::months).sum();
            if (paid >= 12) {
                continue;
            }
            out.add(new WorklistCandidate(f.regionCode(), "contribution-deferral:" + f.personId() + ":" + f.year(),
                    null, persons.nameOf(f.personId()).orElse("") + " · " + f.year(), null));
        }
        return out;
    }

    /** Whether a tracked deadline counts from this emergency and has passed. */
    private static boolean passed(Deadline d, Emergency emergency, LocalDate today) {
        return d != null && d.emergencyId() == emergency.id() && d.dueOn() != null && today.isAfter(d.dueOn());
    }
}
