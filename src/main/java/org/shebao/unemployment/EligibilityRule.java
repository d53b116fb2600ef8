package org.shebao.unemployment;

import java.util.List;
import org.shebao.registry.SeparationReason;

/**
 * 失业保险条例 第十四条: benefit is paid to an unemployed person who (1) has paid into unemployment insurance, with the
 * employer, for at least one year ({@code unemployment.eligibility.minimumContributionMonths}); (2) lost the job
 * against their will ({@link SeparationReason#involuntary()}); (3) has registered as unemployed and seeks work (the
 * claimant's declaration on the claim). A pure function of the facts.
 */
public final class EligibilityRule {
    public static final String CONTRIBUTIONS = "CONTRIBUTIONS";
    public static final String INVOLUNTARY = "INVOLUNTARY";
    public static final String REGISTERED = "REGISTERED";

    private EligibilityRule() {
    }

    /**
     * @param contributionMonths the months of contributions in the rights record
     * @param minimumMonths the parameter's minimum, with {@code minimumSource} its source
     * @param reason the separation's reason (null: none on record)
     * @param registeredSeeking the claimant declared being registered as unemployed and seeking work
     */
    public static Eligibility decide(int contributionMonths, int minimumMonths, String minimumSource,
                                     SeparationReason reason, boolean registeredSeeking) {
        return new Eligibility(List.of(
                new Eligibility.Condition(CONTRIBUTIONS, contributionMonths >= minimumMonths,
                        String.valueOf(contributionMonths), minimumSource),
                new Eligibility.Condition(INVOLUNTARY, reason != null && reason.involuntary(),
                        reason == null ? "" : reason.name(), "失业保险条例 第十四条第（二）项；失业保险金申领登记办法 第四条"),
                new Eligibility.Condition(REGISTERED, registeredSeeking, String.valueOf(registeredSeeking),
                        "失业保险条例 第十四条第（三）项")));
    }
}
