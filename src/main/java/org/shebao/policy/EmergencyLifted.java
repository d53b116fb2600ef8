package org.shebao.policy;

import java.time.LocalDate;
import org.shebao.common.RegionCode;

/**
 * Published when an administrator enters (or corrects) the day an emergency is lifted: the modules that keep what was
 * done under its measures open their settlement and audit worklists (N-1e, FJ-1.7; issue 15, item 1).
 */
public record EmergencyLifted(long emergencyId, RegionCode region, LocalDate liftedOn) {
}
