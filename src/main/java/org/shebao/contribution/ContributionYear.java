package org.shebao.contribution;

import org.shebao.common.Money;

/** One year of a person's rights record: months paid, the monthly contribution base, the personal-account credit. */
public record ContributionYear(int year, String regionCode, Long employerId, int months, Money monthlyBase,
                              Money accountCredit) {
}
