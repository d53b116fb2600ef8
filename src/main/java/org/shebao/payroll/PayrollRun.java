package org.shebao.payroll;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A monthly run for a region: its progress (orders done of the total), its state, and its approval by a second finance
 * user (maker-checker, issue 15): approved by whom and when, null while not approved.
 */
public record PayrollRun(long id, String regionCode, YearMonth month, RunStatus status, long ordersTotal, long ordersDone,
                         String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, String approvedBy,
                         OffsetDateTime approvedAt) {

    /** Approved by a checker: frozen, and its bank file may be released. */
    public boolean approved() {
        return approvedAt != null;
    }

    public boolean completed() {
        return status == RunStatus.COMPLETED;
    }

    /** Percent done, 0–100 (100 once completed: orders not yet in force that month are not counted as done). */
    public int percent() {
        if (completed() || ordersTotal == 0) {
            return 100;
        }
        return (int) Math.min(99, ordersDone * 100 / ordersTotal);
    }
}
