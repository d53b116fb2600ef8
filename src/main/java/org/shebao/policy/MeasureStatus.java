package org.shebao.policy;

import org.shebao.policy.internal.Measure;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to “is measure M in force for region R on day D?”: yes or no, the clauses that decided it, the
 * emergency it rests on, and the window's end ({@code until} null with {@code untilPending} when its base date is
 * not known yet); {@code untilLabel} is what the window ends with (an emergency date such as
 * {@code lifted}, or a deadline rule code). {@code reason} is a message code for the screens.
 */
public record MeasureStatus(Measure measure, boolean inForce, List<String> clauses, Emergency emergency,
                            LocalDate until, boolean untilPending, String untilLabel, String reason) {

    public String code() {
        return measure.code();
    }

    /** “FJ-1.1, N-1c” style, for screens and logs. */
    public String clauseList() {
        return String.join(", ", clauses);
    }
}
