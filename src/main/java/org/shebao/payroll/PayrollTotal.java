package org.shebao.payroll;

import org.shebao.common.Money;

/** Totals of a run by kind of payment and flag (the measure applied, with its clauses). */
public record PayrollTotal(LineKind kind, String flags, long lines, Money amount) {
}
