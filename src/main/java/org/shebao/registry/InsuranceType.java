package org.shebao.registry;

import java.util.Set;

/** 险种. */
public enum InsuranceType {
    ENTERPRISE_PENSION, INSTITUTION_PENSION, RESIDENT_PENSION, UNEMPLOYMENT, WORK_INJURY;

    /** Which insurance types an enrollment category may hold. */
    public static Set<InsuranceType> allowedFor(EnrollmentCategory c) {
        return switch (c) {
            case EMPLOYEE -> Set.of(ENTERPRISE_PENSION, INSTITUTION_PENSION, UNEMPLOYMENT, WORK_INJURY);
            case FLEXIBLE -> Set.of(ENTERPRISE_PENSION);
            case RESIDENT -> Set.of(RESIDENT_PENSION);
        };
    }
}
