package org.shebao.registry;

import org.shebao.common.FieldRules;
import org.shebao.common.PlainText;

/**
 * What a clerk, an employer (增员) or an API client submits to enroll a person; dates are text so that a wrong one is
 * named. The remark's rule is its annotation; category, type and dates are parsed, and checked against the person,
 * the parameters and the measures in force ({@link EnrollmentDateRule}), by {@link Enrollments}. The employment's
 * start ({@code employmentStart}) is an employee's only: the day the employer began to employ the person.
 */
public record EnrollmentData(Long employerId, String category, String insuranceType, String firstInsuredOn,
                             @PlainText(max = 200) String remark, String employmentStart) {
    public EnrollmentData {
        remark = FieldRules.trim(remark);
    }
}
