package org.shebao.pension;

import java.time.YearMonth;
import java.util.List;

/**
 * When a new retiree's pension starts and how the months before the first regular payroll are paid: the first month
 * of entitlement, the payroll that pays the arrears (none when there are none), how many months they are, and the
 * clauses that decided it.
 */
public record EntitlementDecision(YearMonth firstMonth, YearMonth arrearsPayroll, int arrearsMonths,
                                  List<String> clauses, String rule) {
}
