package org.shebao.policy;

import org.shebao.policy.internal.EmergencyDate;

import java.time.LocalDate;
import org.shebao.common.RegionCode;

/**
 * An emergency (突发公共卫生事件应急状态) declared for a jurisdiction; it covers that region and every region
 * below it. {@code level1EndedOn} and {@code liftedOn} are null until an administrator enters them.
 */
public record Emergency(long id, RegionCode region, String name, LocalDate declaredOn, LocalDate level1EndedOn,
                        LocalDate liftedOn, int version) {

    public LocalDate date(EmergencyDate which) {
        return switch (which) {
            case DECLARED -> declaredOn;
            case LEVEL1_ENDED -> level1EndedOn;
            case LIFTED -> liftedOn;
        };
    }

    public boolean covers(RegionCode r) {
        return region.covers(r);
    }

    /** Declared on or before the day, and not lifted before it. */
    public boolean ongoingOn(LocalDate d) {
        return !d.isBefore(declaredOn) && (liftedOn == null || !d.isAfter(liftedOn));
    }

    public Emergency with(EmergencyDate which, LocalDate d) {
        return switch (which) {
            case DECLARED -> new Emergency(id, region, name, d, level1EndedOn, liftedOn, version);
            case LEVEL1_ENDED -> new Emergency(id, region, name, declaredOn, d, liftedOn, version);
            case LIFTED -> new Emergency(id, region, name, declaredOn, level1EndedOn, d, version);
        };
    }
}
