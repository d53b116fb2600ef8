package org.shebao.unemployment;

import java.math.BigDecimal;
import org.shebao.policy.ParameterValues;

/**
 * 失业保险条例 第十七条: 1 to under 5 contribution years → up to 12 months, 5 to under 10 → up to 18, 10 or more → up
 * to 24 (the brackets {@code unemployment.duration.byContributionYears}); months left unused from an earlier period are
 * added, the total at most {@code unemployment.duration.maxMonths} (24). Whole years count (7 years 11 months is 7).
 */
public final class DurationRule {
    private DurationRule() {
    }

    public static BenefitDuration decide(int contributionMonths, int earlierUnusedMonths,
                                         ParameterValues.Brackets brackets, int cap, String source) {
        if (contributionMonths < 0 || earlierUnusedMonths < 0) {
            throw new IllegalArgumentException("negative months");
        }
        int years = contributionMonths / 12;
        int base = brackets.valueFor(BigDecimal.valueOf(years)).orElse(0);
        int carried = Math.min(earlierUnusedMonths, cap);
        return new BenefitDuration(years, base, carried, cap, Math.min(cap, base + carried), source);
    }
}
