package org.shebao.registry;

/** What a clerk or an API client submits to enroll a person; the date is text so that a wrong one is named. */
public record EnrollmentData(Long employerId, String category, String insuranceType, String firstInsuredOn,
                             String remark) {
}
