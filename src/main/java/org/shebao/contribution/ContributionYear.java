package org.shebao.contribution;

import java.math.BigDecimal;

/** One year of a person's rights record: months paid, the monthly contribution base, the personal-account credit. */
public record ContributionYear(int year, String regionCode, Long employerId, int months, BigDecimal monthlyBase,
                              BigDecimal accountCredit) {
}
