package org.shebao.policy.internal;

import java.time.LocalDate;
import org.shebao.common.RegionCode;

/** Published when an administrator declares an emergency. */
public record EmergencyDeclared(long emergencyId, RegionCode region, String name, LocalDate declaredOn) {
}
