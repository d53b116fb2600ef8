package org.shebao.registry.web;

import lombok.RequiredArgsConstructor;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.registry.Persons;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollments;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal of an insured person or an employer: their own record only. */
@Controller
@RequiredArgsConstructor
class PortalPages {
    private final Persons persons;
    private final Employers employers;
    private final Enrollments enrollments;
    private final Jurisdictions jurisdictions;

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("jurisdictions", jurisdictions);
        if (user.role() == Role.INSURED_PERSON) {
            model.addAttribute("person", persons.person(user, user.personId()));
            model.addAttribute("enrollments", enrollments.enrollmentsOf(user, user.personId()));
            return "registry/portal-person";
        }
        model.addAttribute("employer", employers.employer(user, user.employerId()));
        model.addAttribute("employees", enrollments.employeesOf(user, user.employerId(), page, q));
        model.addAttribute("employeeQuery", q);
        return "registry/portal-employer";
    }
}
