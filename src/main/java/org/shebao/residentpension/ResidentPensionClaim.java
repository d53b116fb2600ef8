package org.shebao.residentpension;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.shebao.common.Money;

/** An approved residents' pension: the facts it was decided on, the parts of the monthly amount, the order paying it. */
public record ResidentPensionClaim(long caseId, String regionCode, long personId, String caseReference,
                                   LocalDate appliedOn, LocalDate reachedAgeOn, int contributionYears,
                                   int requiredYears, Money accountBalance, Money basicAmount, Money accountAmount,
                                   Money monthlyAmount, YearMonth firstMonth, int arrearsMonths, long orderId,
                                   String approvedBy, OffsetDateTime approvedAt) {
}
