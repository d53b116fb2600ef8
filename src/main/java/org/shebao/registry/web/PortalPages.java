package org.shebao.registry.web;

import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.registry.Registry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal of an insured person or an employer: their own record only. */
@Controller
class PortalPages {
    private final Registry registry;
    private final Jurisdictions jurisdictions;

    PortalPages(Registry registry, Jurisdictions jurisdictions) {
        this.registry = registry;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("jurisdictions", jurisdictions);
        if (user.role() == Role.INSURED_PERSON) {
            model.addAttribute("person", registry.person(user, user.personId()));
            model.addAttribute("enrollments", registry.enrollmentsOf(user, user.personId()));
            return "registry/portal-person";
        }
        model.addAttribute("employer", registry.employer(user, user.employerId()));
        model.addAttribute("employees", registry.employeesOf(user, user.employerId(), page));
        return "registry/portal-employer";
    }
}
