package org.shebao.registry;

import java.time.LocalDate;
import org.shebao.common.IdNumber;

/**
 * An employee's enrollment with an employer in one insurance, with the person's ID number for matching what the
 * employer declares (its {@code toString()} is masked; screens show {@link IdNumber#masked()}).
 */
public record Employment(long personId, IdNumber idNumber, String personName, InsuranceType insuranceType,
                         LocalDate firstInsuredOn, LocalDate endedOn) {

    /** Whether the enrollment covers some day of [from, to]. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !firstInsuredOn.isAfter(to) && (endedOn == null || !endedOn.isBefore(from));
    }
}
