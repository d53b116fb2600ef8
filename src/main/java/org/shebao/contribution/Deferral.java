package org.shebao.contribution;

import java.time.LocalDate;
import org.shebao.policy.Deadline;

/**
 * A year's contribution allowed to be paid after the emergency (N-5b / FJ-5b), flagged with the measure and the
 * clauses that allowed it, and its deadline (N-5c: lifted + 3 months; pending while the lifted date is unknown).
 */
public record Deferral(int year, String regionCode, String measure, String clauses, LocalDate deferredOn,
                       Deadline deadline) {
}
