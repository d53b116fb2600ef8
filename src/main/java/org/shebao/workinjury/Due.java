package org.shebao.workinjury;

import java.time.LocalDate;
import java.util.List;

/**
 * One time limit of a recognition or an appraisal, as the screens and the API show it: what it is ({@code kind}),
 * the day it counts from, its last day (null while pending, 待定), the day it was moved from when the last day fell on
 * a rest day, the rule that decided it (a message code {@code wi.rule.RULE} with its arguments), the emergency
 * clauses that changed it (empty where none applies), a note (the suspensions it was moved by, with their reasons)
 * and the day the thing it waits for was done (null while open).
 */
public record Due(String kind, LocalDate from, LocalDate dueOn, LocalDate movedFrom, String rule, List<String> ruleArgs,
                  List<String> clauses, String note, LocalDate doneOn) {

    public enum Status {
        /** Its base date is not known yet: nothing is overdue. */
        PENDING,
        OPEN,
        OVERDUE,
        /** Done by the last day. */
        MET,
        /** Done after the last day. */
        LATE
    }

    public boolean pending() {
        return dueOn == null;
    }

    public Status status(LocalDate today) {
        if (doneOn != null) {
            return dueOn == null || !doneOn.isAfter(dueOn) ? Status.MET : Status.LATE;
        }
        if (dueOn == null) {
            return Status.PENDING;
        }
        return today.isAfter(dueOn) ? Status.OVERDUE : Status.OPEN;
    }

    public Due done(LocalDate on) {
        return new Due(kind, from, dueOn, movedFrom, rule, ruleArgs, clauses, note, on);
    }
}
