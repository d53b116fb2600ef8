package org.shebao.unemployment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.unemployment.BenefitStops;
import org.shebao.unemployment.Claim;
import org.shebao.unemployment.StopReason;
import org.shebao.unemployment.UnemploymentClaims;
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

/**
 * An unemployment-benefit claim for staff: the separation evidence, each condition of 第十四条 met or not with its
 * source, duration, amount, start (FJ-1.6), the schedule; once approved the payments, a stop (第十五条) and the
 * re-employment check on demand.
 */
@Controller
@RequestMapping("/unemployment/claims")
@RequiredArgsConstructor
class ClaimPages {
    private final UnemploymentClaims claims;
    private final BenefitStops stops;
    private final CaseQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/{caseId}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId, Model model) {
        CaseQueries.Listed listed = queries.listed(user, caseId, CaseType.UNEMPLOYMENT_BENEFIT);
        Case c = listed.c();
        Claim claim = claims.claim(user, caseId).orElse(null);
        model.addAttribute("kase", c);
        model.addAttribute("applicantName", listed.applicantName());
        model.addAttribute("applicantId", listed.applicantId());
        model.addAttribute("claim", claim);
        model.addAttribute("decision", claim != null ? claims.decision(caseId) : claims.decide(c, LocalDate.now(clock)));
        if (claim != null) {
            model.addAttribute("view", claims.view(claim));
            model.addAttribute("history", claims.history(caseId));
        }
        model.addAttribute("reasons", List.of(StopReason.values()));
        return "unemployment/claim";
    }

    @PostMapping("/{caseId}/stop")
    String stop(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String stoppedOn,
                Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> stops.stop(user, caseId, reason, stoppedOn)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.unemployment.stopped");
            return "redirect:/unemployment/claims/" + caseId;
        }
        model.addAttribute("reason", reason);
        model.addAttribute("stoppedOn", stoppedOn);
        return show(user, caseId, model);
    }

    @PostMapping("/{caseId}/reemployment-check")
    String check(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId, Model model,
                 RedirectAttributes redirect) {
        var done = FormErrors.attempt(model, messages, () -> stops.checkReemployment(user, caseId));
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", done.get().isPresent() ? "notice.unemployment.reemployed"
                    : "notice.unemployment.notReemployed");
            return "redirect:/unemployment/claims/" + caseId;
        }
        return show(user, caseId, model);
    }
}
