package org.shebao.contribution.web;

import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.web.FormErrors;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.PersonPayments;
import org.shebao.identity.Role;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.Enrollments;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.RecordAccess;
import org.shebao.registry.RecordHolders;
import org.shebao.common.RegionCode;
import org.shebao.contribution.RightsRecord;
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
 * The rights record (个人权益记录): for staff of the agency holding the person's record (after a transfer the
 * receiving agency's, with the months of every place, each counted once; the sending agency reads its own part), and
 * for the person in the portal; with the
 * deferral of a year's contributions under N-5b / FJ-5b, registered by a clerk or applied for by the person; a
 * flexible worker's payment (lump sum, gap or periodic, N-5b / FJ-5b) and every paid month with its payment date,
 * the rule that decided it and why, and its flags.
 */
@Controller
@RequiredArgsConstructor
class RightsRecordPages {
    private final Persons persons;
    private final RecordHolders holders;
    private final Contributions contributions;
    private final PersonPayments payments;
    private final Enrollments enrollments;
    private final MessageSource messages;
    private final java.time.Clock clock;

    @GetMapping("/registry/persons/{id}/contributions")
    String forStaff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        return show(user, id, false, model);
    }

    @PostMapping("/registry/persons/{id}/contributions/deferrals")
    String deferForStaff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int year,
                         Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> contributions.defer(user, id, year)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.deferral.created");
            return "redirect:/registry/persons/" + id + "/contributions";
        }
        return show(user, id, false, model);
    }

    @PostMapping("/registry/persons/{id}/contributions/payments")
    String payForStaff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, PaymentForm form, Model model,
                       RedirectAttributes redirect) {
        return pay(user, id, false, form, model, redirect);
    }

    @PostMapping("/portal/contributions/payments")
    String payForPerson(@AuthenticationPrincipal ShebaoUser user, PaymentForm form, Model model,
                        RedirectAttributes redirect) {
        return pay(user, own(user), true, form, model, redirect);
    }

    /** The payment form as posted (strings, checked by the service). */
    record PaymentForm(String mode, String year, String fromMonth, String toMonth, String base, String paidOn) {
    }

    private String pay(ShebaoUser user, long id, boolean portal, PaymentForm f, Model model,
                       RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> payments.pay(user, id, new PersonPayments.Request(f.mode(),
                f.year(), f.fromMonth(), f.toMonth(), f.base(), f.paidOn()))).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.personPayment.made");
            return "redirect:" + (portal ? "/portal/contributions" : "/registry/persons/" + id + "/contributions")
                    + "#paid-months";
        }
        model.addAttribute("form", f);
        return show(user, id, portal, model);
    }

    @GetMapping("/portal/contributions")
    String forPerson(@AuthenticationPrincipal ShebaoUser user, Model model) {
        return show(user, own(user), true, model);
    }

    @PostMapping("/portal/contributions/deferrals")
    String applyForDeferral(@AuthenticationPrincipal ShebaoUser user, @RequestParam int year, Model model,
                            RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> contributions.defer(user, own(user), year)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.deferral.created");
            return "redirect:/portal/contributions";
        }
        return show(user, own(user), true, model);
    }

    private static long own(ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("rights record");
        }
        return user.personId();
    }

    private String show(ShebaoUser user, long id, boolean portal, Model model) {
        Person person = persons.person(user, id);
        model.addAttribute("person", person);
        // the record merged from every place (国办发〔2009〕66号 第八条第（四）项), for the agency holding it and the
        // person; an agency that held it before (the sending agency) reads its own part only, and works on nothing
        RecordAccess access = user.isStaff() ? holders.access(user, id) : RecordAccess.HOLDER;
        String holder = holders.holdingRegion(id);
        RightsRecord record = contributions.rightsRecord(id);
        RightsRecord shown = access.serves() ? record : record.within(user.region().scopePrefix());
        model.addAttribute("record", shown);
        // the balance with its interest, by the one rule for it (AccountInterest)
        model.addAttribute("balance", contributions.accountBalance(shown, new RegionCode(person.regionCode()),
                java.time.LocalDate.now(clock)));
        model.addAttribute("readOnly", !access.serves());
        model.addAttribute("holder", holder);
        model.addAttribute("holdings", holders.holdings(id));
        model.addAttribute("fromElsewhere", record.monthsFromElsewhere(new RegionCode(holder).scopePrefix()));
        model.addAttribute("deferrals", contributions.deferrals(id));
        model.addAttribute("deferrable", !access.serves() ? null : contributions.deferrableYear(person.regionCode())
                .filter(y -> contributions.eligible(id, y) && !contributions.deferred(id, y)).orElse(null));
        model.addAttribute("portal", portal);
        // the payment form for a flexible worker: no open enrollment as an employee today
        model.addAttribute("payable", access.serves() && (!user.isStaff() || user.has(Role.CLERK, Role.FINANCE, Role.ADMIN))
                && enrollments.enrollmentsOf(user, id).stream().noneMatch(e -> e.open()
                        && e.category() == EnrollmentCategory.EMPLOYEE));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PaymentForm("LUMP_SUM", contributions.deferrableYear(person.regionCode())
                    .map(String::valueOf).orElse(String.valueOf(java.time.Year.now(clock).getValue())), "", "", "", ""));
        }
        model.addAttribute("modes", PersonPayments.Mode.values());
        return "contribution/rights-record";
    }
}
