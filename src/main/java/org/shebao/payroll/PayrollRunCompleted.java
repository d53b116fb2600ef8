package org.shebao.payroll;

import java.time.YearMonth;

/**
 * A run completed and was booked; published inside the completing transaction, so a listener's writes (a recovery's
 * deduction counted, the next one scheduled) commit or roll back with the run.
 */
public record PayrollRunCompleted(long runId, String regionCode, YearMonth month) {
}
