package org.shebao.workinjury;

import java.time.OffsetDateTime;

/** A state change of a recognition or one of its appraisals: the step (wi.step.STEP), a detail, who, when. */
public record HistoryEntry(Long appraisalId, String step, String detail, String actorName, OffsetDateTime at) {
}
