package org.shebao.policy.internal;

import java.time.OffsetDateTime;

/** One change to an emergency: which date (or DECLARE), old and new value, why, who and when. */
public record EmergencyChange(long id, String field, String oldValue, String newValue, String reason,
                              String changedBy, OffsetDateTime changedAt) {
}
