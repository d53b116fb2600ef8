package org.shebao.pension.web;

import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.Deaths;
import org.shebao.pension.SurvivorsClaims;
import org.shebao.payroll.StandingOrders;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
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
 * Staff screens of a recipient's death (issue 15 item 6): recording it with its evidence, the death with the months
 * paid after it (to recover), and a survivors' claim's decision (社会保险法 第十七条、第十四条) with its inputs.
 */
@Controller
@RequiredArgsConstructor
class DeathPages {
    private final Deaths deaths;
    private final SurvivorsClaims claims;
    private final CaseQueries queries;
    private final Persons persons;
    private final StandingOrders orders;
    private final MessageSource messages;

    @GetMapping("/pension/deaths")
    String form() {
        return "pension/death-form";
    }

    @PostMapping("/pension/deaths")
    String record(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String idNumber,
                  @RequestParam(required = false) String diedOn, @RequestParam(required = false) String evidence,
                  Model model, RedirectAttributes redirect) {
        Optional<Deaths.Death> done = FormErrors.attempt(model, messages, () -> deaths.record(user, idNumber, diedOn,
                evidence));
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.death.recorded");
            return "redirect:/pension/deaths/" + done.get().personId();
        }
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("diedOn", diedOn);
        model.addAttribute("evidence", evidence);
        return "pension/death-form";
    }

    @GetMapping("/pension/deaths/{personId}")
    String death(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId, Model model) {
        Person person = persons.person(user, personId);
        model.addAttribute("person", person);
        model.addAttribute("death", deaths.of(personId).orElseThrow(() -> new NotFoundException("death of " + personId)));
        model.addAttribute("overpaid", deaths.overpaid(personId));
        model.addAttribute("claim", claims.awardedCase(personId).orElse(null));
        return "pension/death";
    }

    @GetMapping("/pension/survivors/{caseId}")
    String claim(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId, Model model) {
        Case c = SurvivorsApi.survivorsCase(queries, user, caseId);
        model.addAttribute("kase", c);
        model.addAttribute("listed", queries.listed(user, caseId));
        SurvivorsClaims.Award a = claims.award(caseId).orElse(null);
        model.addAttribute("award", a);
        if (a == null) {
            SurvivorsClaims.Preview p = claims.preview(Long.parseLong(c.form().get(SurvivorsClaims.DECEASED_PERSON_ID)));
            model.addAttribute("decision", p.decision());
            model.addAttribute("payrollMonth", p.payrollMonth());
        } else {
            model.addAttribute("decision", a.decision());
            model.addAttribute("payrollMonth", a.payrollMonth());
            // what the payroll paid of it: nothing until the month's run, then its two lines
            java.util.List<StandingOrders.Payment> paid = new java.util.ArrayList<>(orders.paymentsOf(a.grantOrder()));
            if (a.inheritanceOrder() != null) {
                paid.addAll(orders.paymentsOf(a.inheritanceOrder()));
            }
            model.addAttribute("paid", paid);
        }
        model.addAttribute("deathOf", Long.parseLong(c.form().get(SurvivorsClaims.DECEASED_PERSON_ID)));
        return "pension/survivors";
    }
}
