package org.shebao.policy;

import org.shebao.policy.internal.DeadlineRule;

import java.time.LocalDate;

/**
 * A deadline from a {@link DeadlineRule} for one emergency: pending (待定) while the base date is unknown,
 * otherwise due on a day (moved off a rest day if need be; {@code movedFrom} says from which).
 */
public record Deadline(DeadlineRule rule, long emergencyId, LocalDate baseOn, LocalDate dueOn, LocalDate movedFrom,
                       boolean calendarKnown) {

    public enum Status {
        /** The base date is not known yet: nothing is overdue. */
        PENDING,
        /** Due on a known day that has not passed. */
        OPEN,
        OVERDUE
    }

    public boolean isPending() {
        return dueOn == null;
    }

    public Status status(LocalDate today) {
        if (dueOn == null) {
            return Status.PENDING;
        }
        return today.isAfter(dueOn) ? Status.OVERDUE : Status.OPEN;
    }

    /** Whether an act on {@code day} is in time: always while pending. */
    public boolean inTime(LocalDate day) {
        return dueOn == null || !day.isAfter(dueOn);
    }
}
