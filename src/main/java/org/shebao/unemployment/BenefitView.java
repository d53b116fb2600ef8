package org.shebao.unemployment;

import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.payroll.StandingOrders;

/**
 * What a claimant sees of a claim: the months of the period left to pay, the next payment (the payroll month and
 * what it will pay; null when nothing is left), the payments made and any amount to pay back after a stop.
 */
public record BenefitView(Claim claim, int monthsLeft, YearMonth nextPaymentMonth, Money nextPaymentAmount,
                          List<StandingOrders.Payment> payments, Money paidTotal,
                          List<StandingOrders.Recovery> recoveries) {
}
