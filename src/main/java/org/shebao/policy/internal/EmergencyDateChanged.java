package org.shebao.policy.internal;

import java.time.LocalDate;
import org.shebao.common.RegionCode;

/**
 * Published when one of an emergency's dates is entered, corrected or removed (in the same transaction, after the
 * open deadline items have been brought up to date).
 */
public record EmergencyDateChanged(long emergencyId, RegionCode region, EmergencyDate which, LocalDate oldDate,
                                   LocalDate newDate, String changedBy, String reason) {
}
