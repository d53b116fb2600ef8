package org.shebao.residentpension;

import java.time.OffsetDateTime;

/** One line of a claim's history (resident_pension_history). */
public record ResidentPensionEvent(String action, String detail, String actor, OffsetDateTime at) {
}
