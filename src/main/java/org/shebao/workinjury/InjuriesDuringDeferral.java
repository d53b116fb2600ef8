package org.shebao.workinjury;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.policy.Emergency;
import org.shebao.policy.Measures;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Persons;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.settlement.WorklistSource;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): recognized work injuries of this emergency's regions that happened during
 * the employer's contribution deferral while FJ-1.4 was in force ({@link DeferralCoverRule}): who pays depends on the
 * employer's full back payment by lifted + 3 months, so each is checked once the emergency is lifted: paid by the fund
 * (the back payment came in time), still waiting, or borne by the employer. The amount is what the fund awarded (the
 * one-time allowance) where it did, else none.
 */
@Component
@RequiredArgsConstructor
class InjuriesDuringDeferral implements WorklistSource {
    private static final int MAX = 100_000;
    private final WorkInjuryStore store;
    private final JdbcClient jdbc;
    private final Measures measures;
    private final Enrollments enrollments;
    private final EmployerDeferrals deferrals;
    private final Employers employers;
    private final Persons persons;

    @Override
    public String kind() {
        return "INJURY_DURING_DEFERRAL";
    }

    @Override
    public List<String> clauses() {
        return List.of("FJ-1.4");
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
            record Award(String caseReference, BigDecimal lumpSum) {
            }
            Optional<Award> award = jdbc.sql("""
                            SELECT case_reference, lump_sum FROM workinjury_award
                             WHERE recognition_id = :r AND region_code = :region ORDER BY approved_at LIMIT 1""")
                    .param("r", r.id()).param("region", r.regionCode()).query(Award.class).optional();
            String label = persons.nameOf(r.personId()).orElse("") + " · "
                    + employers.nameOf(employer.get()).orElse("") + " · " + r.injuredOn() + " · "
                    + switch (cover.cover()) {
                        case FUND_PAYS -> "基金支付";
                        case WAITS_FOR_BACK_PAYMENT -> "待单位补缴";
                        case EMPLOYER_BEARS -> "单位承担";
                    };
            out.add(new WorklistCandidate(r.regionCode(), "workinjury-recognition:" + r.id(),
                    award.map(Award::caseReference).orElse(null), label,
                    award.map(a -> new Money(a.lumpSum())).orElse(null)));
        }
        return out;
    }
}
