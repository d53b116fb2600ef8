package org.shebao.workinjury;

import java.time.LocalDate;

/**
 * Published when the re-appraisal window of a conclusion, moved by FJ-6b to 15 days after the level-1 measures
 * end, gets its last day (or a corrected one, or becomes pending again): the person is told.
 */
public record ReappraisalWindowChanged(long personId, long appraisalId, LocalDate dueOn) {
}
