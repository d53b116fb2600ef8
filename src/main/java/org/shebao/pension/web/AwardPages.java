package org.shebao.pension.web;

import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.Award;
import org.shebao.pension.Awards;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A retirement case's pension: pre-payment, calculation with sources, entitlement and settlement schedule. */
@Controller
@RequestMapping("/pension/awards")
@RequiredArgsConstructor
class AwardPages {
    private final Awards awards;
    private final CaseQueries queries;
    private final MessageSource messages;

    /** The awards and pre-payments of the user's region (issue 17 item 5). */
    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String view,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Awards.View v = "prepaid".equals(view) ? Awards.View.PREPAID : Awards.View.ALL;
        model.addAttribute("listing", awards.list(user, v, page));
        model.addAttribute("view", v == Awards.View.PREPAID ? "prepaid" : "");
        model.addAttribute("page", page);
        return "pension/awards";
    }

    @GetMapping("/{caseId}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId, Model model) {
        CaseQueries.Listed listed = queries.listed(user, caseId);
        Case c = listed.c();
        Award a = awards.find(caseId).orElse(null);
        model.addAttribute("kase", c);
        model.addAttribute("listed", listed);
        model.addAttribute("award", a);
        model.addAttribute("proposed", a == null || !a.prepaid() ? awards.proposedPrepayment(user, c).orElse(null) : null);
        if (a != null) {
            model.addAttribute("calculation", awards.calculation(a));
            model.addAttribute("entitlement", awards.entitlement(a));
            model.addAttribute("settlement", awards.settlement(a));
            model.addAttribute("shortfall", awards.shortfall(caseId).orElse(null));
        }
        return "pension/award";
    }

    @PostMapping("/{caseId}/prepayment")
    String prepay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId,
                  @RequestParam(required = false) String amount, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> awards.startPrepayment(user, caseId, amount)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.prepayment.started");
            return "redirect:/pension/awards/" + caseId;
        }
        model.addAttribute("amount", amount);
        return show(user, caseId, model);
    }
}
