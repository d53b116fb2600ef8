package org.shebao.casework;

import java.time.OffsetDateTime;

/** One step in a case's history: every state change, with who, when and why. */
public record HistoryEntry(long id, String action, CaseStatus from, CaseStatus to, String actor, OffsetDateTime at,
                           String reason, String details) {
}
