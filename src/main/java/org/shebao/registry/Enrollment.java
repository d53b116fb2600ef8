package org.shebao.registry;

import java.time.LocalDate;

/**
 * 参保登记: a person × (employer, or flexible/resident status) × insurance type, from the first-insured date; an
 * employee's with the employment's start, ended by 减员 with its day and reason. {@code flags} are the measures it was
 * accepted under ({@code CODE:clause,clause …}: N-5a late, FJ-5a backdated).
 */
public record Enrollment(long id, long personId, String personName, String personIdMasked, Long employerId,
                         String employerName, EnrollmentCategory category, InsuranceType insuranceType,
                         LocalDate firstInsuredOn, LocalDate endedOn, String regionCode, String remark,
                         LocalDate employmentStart, SeparationReason endReason, String flags) {

    public boolean open() {
        return endedOn == null;
    }
}
