package org.shebao.contribution;

import java.time.LocalDate;

/** Published when the deadline of a deferred year's payment (N-5b, N-5c) becomes known, changes or is pending again. */
public record DeferralDeadlineChanged(long personId, int year, LocalDate dueOn) {
}
