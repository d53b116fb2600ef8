package org.shebao.payroll;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/** A monthly run for a region: its progress (orders done of the total) and its state. */
public record PayrollRun(long id, String regionCode, YearMonth month, RunStatus status, long ordersTotal, long ordersDone,
                         String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

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
