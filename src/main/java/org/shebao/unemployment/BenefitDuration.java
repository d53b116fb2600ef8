package org.shebao.unemployment;

/**
 * How many months benefit is paid (失业保险条例 第十七条): {@code baseMonths} from the contribution years, plus
 * {@code carriedMonths} left unused from an earlier period, at most {@code cap}; {@code months} is the result.
 */
public record BenefitDuration(int contributionYears, int baseMonths, int carriedMonths, int cap, int months,
                              String source) {
}
