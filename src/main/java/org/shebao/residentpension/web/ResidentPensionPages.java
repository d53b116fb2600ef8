package org.shebao.residentpension.web;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.residentpension.ResidentContributions;
import org.shebao.residentpension.ResidentPensionClaim;
import org.shebao.residentpension.ResidentPensions;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff screens of the residents' pension: a claim (eligibility with the transitional case, the monthly amount with
 * its parts and sources, FJ-1.2's entitlement and arrears, then the payments) and a person's personal account with
 * the recording of a year's contribution and subsidy.
 */
@Controller
@RequiredArgsConstructor
class ResidentPensionPages {
    private final ResidentPensions pensions;
    private final ResidentContributions contributions;
    private final CaseQueries queries;
    private final Persons persons;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/pension/residents/claims/{caseId}")
    String claim(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId, Model model) {
        CaseQueries.Listed listed = queries.listed(user, caseId, CaseType.RESIDENT_PENSION);
        Case c = listed.c();
        ResidentPensionClaim claim = pensions.claim(user, caseId).orElse(null);
        model.addAttribute("kase", c);
        model.addAttribute("applicantName", listed.applicantName());
        model.addAttribute("applicantId", listed.applicantId());
        model.addAttribute("claim", claim);
        model.addAttribute("decision", claim != null ? pensions.decision(caseId) : pensions.decide(c, LocalDate.now(clock)));
        if (claim != null) {
            model.addAttribute("view", pensions.view(claim));
            model.addAttribute("history", pensions.history(caseId));
        }
        return "residentpension/claim";
    }

    @GetMapping("/pension/residents/contributions")
    String find() {
        return "residentpension/contributions";
    }

    /** The person by ID number, posted (the number stays out of addresses and logs); found: their account's page. */
    @PostMapping("/pension/residents/contributions/find")
    String find(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String idNumber,
                Model model) {
        var found = FormErrors.attempt(model, messages, () -> persons.personByIdNumber(user, idNumber, "idNumber"));
        if (found.isPresent() && found.get().isPresent()) {
            return "redirect:/pension/residents/contributions/person/" + found.get().get().id();
        }
        model.addAttribute("notFound", found.isPresent());
        return "residentpension/contributions";
    }

    @PostMapping("/pension/residents/contributions/{personId}")
    String record(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId,
                  @RequestParam(required = false) String year, @RequestParam(required = false) String contributionGrade,
                  @RequestParam(required = false) String subsidy, Model model, RedirectAttributes redirect) {
        Person p = persons.person(user, personId);
        if (FormErrors.attempt(model, messages, () -> contributions.record(user, personId, year, contributionGrade, subsidy))
                .isPresent()) {
            redirect.addFlashAttribute("notice", "notice.residentPension.recorded");
            return "redirect:/pension/residents/contributions/person/" + personId;
        }
        model.addAttribute("year", year);
        model.addAttribute("contributionGrade", contributionGrade);
        model.addAttribute("subsidy", subsidy);
        person(user, p, model);
        return "residentpension/contributions";
    }

    @GetMapping("/pension/residents/contributions/person/{personId}")
    String personAccount(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId, Model model) {
        person(user, persons.person(user, personId), model);
        return "residentpension/contributions";
    }

    private void person(ShebaoUser user, Person p, Model model) {
        model.addAttribute("person", p);
        model.addAttribute("account", contributions.accountOf(user, p.id()));
    }
}
