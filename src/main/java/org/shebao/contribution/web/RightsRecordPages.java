package org.shebao.contribution.web;

import org.shebao.contribution.Contributions;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Registry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The rights record (个人权益记录): for staff of the person's region, and for the person in the portal. */
@Controller
class RightsRecordPages {
    private final Registry registry;
    private final Contributions contributions;

    RightsRecordPages(Registry registry, Contributions contributions) {
        this.registry = registry;
        this.contributions = contributions;
    }

    @GetMapping("/registry/persons/{id}/contributions")
    String forStaff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("person", registry.person(user, id));
        model.addAttribute("record", contributions.rightsRecord(id));
        model.addAttribute("deferrals", contributions.deferrals(id));
        model.addAttribute("portal", false);
        return "contribution/rights-record";
    }

    @GetMapping("/portal/contributions")
    String forPerson(@AuthenticationPrincipal ShebaoUser user, Model model) {
        if (user.personId() == null) {
            throw new org.shebao.common.AccessDeniedToRecordException("rights record");
        }
        model.addAttribute("person", registry.person(user, user.personId()));
        model.addAttribute("record", contributions.rightsRecord(user.personId()));
        model.addAttribute("deferrals", contributions.deferrals(user.personId()));
        model.addAttribute("portal", true);
        return "contribution/rights-record";
    }
}
