package org.shebao.registry;

import org.shebao.common.FieldRules;
import org.shebao.common.PlainText;

/**
 * What a clerk or an API client submits to enroll a person; the date is text so that a wrong one is named. The
 * remark's rule is its annotation; category, type and date are parsed, and checked against the person and the
 * parameters, by {@link Enrollments}.
 */
public record EnrollmentData(Long employerId, String category, String insuranceType, String firstInsuredOn,
                             @PlainText(max = 200) String remark) {
    public EnrollmentData {
        remark = FieldRules.trim(remark);
    }
}
