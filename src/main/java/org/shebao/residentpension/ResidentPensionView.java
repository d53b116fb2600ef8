package org.shebao.residentpension;

import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.payroll.OrderStatus;
import org.shebao.payroll.StandingOrders;

/**
 * What a resident sees of their pension: the claim, its decision (the monthly amount with its parts and sources),
 * the order's status (active, or suspended for a missed certification), the next payment (the payroll month and what
 * it will pay, arrears included; null while suspended) and the payments made.
 */
public record ResidentPensionView(ResidentPensionClaim claim, ResidentPensionDecision decision, OrderStatus orderStatus,
                                  YearMonth nextPaymentMonth, Money nextPaymentAmount,
                                  List<StandingOrders.Payment> payments, Money paidTotal) {
}
