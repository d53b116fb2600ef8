package org.shebao.residentpension.web;

import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseQueries;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.ShebaoUser;
import org.shebao.residentpension.ResidentPensions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The resident's pension (issue 13 item 2): the claim's status while it is handled, then the monthly amount with its
 * parts and sources, the next payment and the payments made.
 */
@Controller
@RequiredArgsConstructor
class PortalResidentPensionPages {
    private final ResidentPensions pensions;
    private final CaseQueries queries;

    @GetMapping("/portal/resident-pension")
    String mine(@AuthenticationPrincipal ShebaoUser user, Model model) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("resident pension");
        }
        model.addAttribute("view", pensions.claimOf(user, user.personId()).map(pensions::view).orElse(null));
        model.addAttribute("open", queries.mine(user).stream()
                .filter(l -> l.c().type() == CaseType.RESIDENT_PENSION && !java.util.Set.of("APPROVED", "REJECTED").contains(l.c().status().name()))
                .findFirst().map(CaseQueries.Listed::c).orElse(null));
        return "residentpension/portal";
    }
}
