package org.shebao.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when an emergency date changes the deadline of open tracked items: from pending to a day, from one day
 * to another (a correction), or back to pending. Modules that own the items listen (by {@code owner}) to update
 * what they show and to notify the people concerned.
 */
public record DeadlinesChanged(long emergencyId, String ruleCode, LocalDate dueOn, LocalDate previousDueOn,
                               List<TrackedItem> items) {

    /** An item another module asked the policy module to keep the deadline of. */
    public record TrackedItem(String owner, TrackedRef ref, String label) {
    }
}
