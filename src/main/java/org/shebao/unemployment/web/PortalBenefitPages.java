package org.shebao.unemployment.web;

import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.ShebaoUser;
import org.shebao.unemployment.UnemploymentClaims;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen's unemployment benefit: months left, the next payment, payments made (issue 13, item 4). */
@Controller
@RequiredArgsConstructor
class PortalBenefitPages {
    private final UnemploymentClaims claims;

    @GetMapping("/portal/unemployment")
    String mine(@AuthenticationPrincipal ShebaoUser user, Model model) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("unemployment benefit");
        }
        model.addAttribute("views", claims.claimsOf(user, user.personId()).stream().map(claims::view).toList());
        return "unemployment/portal";
    }
}
