package org.shebao.workinjury;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shebao.common.RegionCode;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.policy.Emergency;
import org.shebao.policy.Measures;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Persons;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): recognized work injuries of this emergency's regions that happened during
 * the employer's contribution deferral while FJ-1.4 was in force ({@link DeferralCoverRule}): who pays depends on the
 * employer's full back payment by lifted + 3 months, so each is checked once the emergency is lifted: paid by the fund
 * (the back payment came in time), still waiting, or borne by the employer.
 */
@Component
class InjuriesDuringDeferral extends RecognitionWorklist {
    private final WorkInjuryStore store;
    private final Measures measures;
    private final Enrollments enrollments;
    private final EmployerDeferrals deferrals;
    private final Employers employers;

    InjuriesDuringDeferral(JdbcClient jdbc, Persons persons, WorkInjuryStore store, Measures measures,
                           Enrollments enrollments, EmployerDeferrals deferrals, Employers employers) {
        super(jdbc, persons, "INJURY_DURING_DEFERRAL", "FJ-1.4");
        this.store = store;
        this.measures = measures;
        this.enrollments = enrollments;
        this.deferrals = deferrals;
        this.employers = employers;
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        List<WorklistCandidate> out = new ArrayList<>();
        for (Recognition r : store.recognitionsIn(emergency.region().scopePrefix(), MAX)) {
            if (r.status() != RecognitionStatus.RECOGNIZED) {
                continue;
            }
            Optional<Long> employer = enrollments.employerOn(r.personId(), InsuranceType.WORK_INJURY, r.injuredOn());
            if (employer.isEmpty()) {
                continue;
            }
            DeferralCoverRule.Decision cover = DeferralCoverRule.decide(
                    measures.status(DeferralCoverRule.MEASURE, new RegionCode(r.regionCode()), r.injuredOn()),
                    deferrals.standing(employer.get(), r.injuredOn()));
            if (cover.clauses().isEmpty()) {
                continue;
            }
            out.add(candidate(r, employers.nameOf(employer.get()).orElse("") + " · " + switch (cover.cover()) {
                case FUND_PAYS -> "基金支付";
                case WAITS_FOR_BACK_PAYMENT -> "待单位补缴";
                case EMPLOYER_BEARS -> "单位承担";
            }));
        }
        return out;
    }
}
