package org.shebao.casework.types;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.ChecklistItem;
import org.shebao.common.InvalidInputException;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.EnrollmentData;
import org.shebao.registry.Person;
import org.shebao.registry.Enrollments;
import org.springframework.stereotype.Component;

/**
 * Enrollment (参保登记) online (N-3a): a flexible worker or resident enrolls themself; a clerk may register any
 * category on a person's behalf. The checks are the registry's own; approval records the enrollment.
 */
@Component
@RequiredArgsConstructor
class EnrollmentCase implements CaseTypeHandler {
    /** The longest remark an online enrollment may carry: the registry's 200 less what approval adds. */
    static final int REMARK_MAX = 160;

    private final Enrollments enrollments;
    private final Clock clock;

    @Override
    public CaseType type() {
        return CaseType.ENROLLMENT;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of(new ChecklistItem("ID_CARD", true), new ChecklistItem("HOUSEHOLD_REGISTER", true),
                new ChecklistItem("EMPLOYMENT_PROOF", false));
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form) {
        String category = form.getOrDefault("category", "FLEXIBLE");
        if (!submitter.isStaff() && "EMPLOYEE".equals(category)) {
            throw InvalidInputException.of("category", "error.case.categoryByEmployer");
        }
        EnrollmentData d = data(form);
        enrollments.validateEnrollment(submitter, person.id(), d);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("category", d.category());
        out.put("insuranceType", d.insuranceType());
        out.put("firstInsuredOn", d.firstInsuredOn().strip());
        if (d.employerId() != null) {
            out.put("employerId", String.valueOf(d.employerId()));
        }
        if (d.employmentStart() != null && !d.employmentStart().isBlank()) {
            out.put("employmentStart", d.employmentStart().strip());
        }
        if (d.remark() != null && !d.remark().isBlank()) {
            // approval adds "；网上办件 <reference>" to the remark, which the registry keeps in 200 characters
            if (d.remark().strip().length() > REMARK_MAX) {
                throw InvalidInputException.of("remark", "error.tooLong", REMARK_MAX);
            }
            out.put("remark", d.remark().strip());
        }
        return out;
    }

    private static EnrollmentData data(Map<String, String> form) {
        Long employerId = null;
        String raw = form.get("employerId");
        if (raw != null && !raw.isBlank()) {
            try {
                employerId = Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("employerId", "error.enrollment.employerUnknown", raw);
            }
        }
        return new EnrollmentData(employerId, form.getOrDefault("category", "FLEXIBLE"),
                form.getOrDefault("insuranceType", "ENTERPRISE_PENSION"), form.getOrDefault("firstInsuredOn", ""),
                form.get("remark"), form.get("employmentStart"));
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        // judged as on the day the application was received: approval in a later month does not make it backdated
        enrollments.enrollApproved(approver, c.personId(), data(c.form()), c.reference(),
                c.receivedAt().atZoneSameInstant(clock.getZone()).toLocalDate());
    }
}
