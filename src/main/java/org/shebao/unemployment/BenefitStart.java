package org.shebao.unemployment;

import java.time.YearMonth;
import java.util.List;

/**
 * The first month of benefit and why: the month of registration (the claim), or under FJ-1.6 the month after the
 * month the person became eligible to apply; {@code rule} is ON_TIME, LATE_UNDER_EMERGENCY or LATE_NORMAL_RULE, with
 * the clauses that decided it.
 */
public record BenefitStart(YearMonth eligibleMonth, YearMonth registrationMonth, YearMonth firstMonth, String rule,
                           List<String> clauses) {
}
