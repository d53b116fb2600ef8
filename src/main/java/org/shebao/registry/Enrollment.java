package org.shebao.registry;

import java.time.LocalDate;

/** 参保登记: a person × (employer, or flexible/resident status) × insurance type, from the first-insured date. */
public record Enrollment(long id, long personId, String personName, String personIdMasked, Long employerId,
                         String employerName, EnrollmentCategory category, InsuranceType insuranceType,
                         LocalDate firstInsuredOn, LocalDate endedOn, String regionCode, String remark) {
}
