package org.shebao.registry.web;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.EnrollmentData;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.shebao.registry.RecordHolders;
import org.shebao.registry.Enrollments;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.util.Optional;

/** Clerk screens for insured persons: search, register, view (with history), edit, enroll. */
@Controller
@RequestMapping("/registry/persons")
@RequiredArgsConstructor
class PersonPages {
    private final Persons persons;
    private final RecordHolders holders;
    private final Enrollments enrollments;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;

    @ModelAttribute
    void common(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("regions", jurisdictions.servedWithin(user.region()));
        model.addAttribute("jurisdictions", jurisdictions);
    }

    @GetMapping
    String search(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", persons.searchPersons(user, q, page));
        model.addAttribute("total", persons.countPersons(user));
        return htmx != null ? "registry/persons :: results" : "registry/persons";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal ShebaoUser user, Model model) {
        String defaultRegion = jurisdictions.servedWithin(user.region()).stream().findFirst()
                .map(j -> j.code().value()).orElse("");
        model.addAttribute("form", new PersonData("", "", "", defaultRegion, defaultRegion));
        return "registry/person-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal ShebaoUser user, @ModelAttribute("form") PersonData form, Model model,
                  RedirectAttributes redirect) {
        Optional<Person> p = FormErrors.attempt(model, messages, () -> persons.registerPerson(user, form));
        if (p.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.person.created");
            return "redirect:/registry/persons/" + p.get().id();
        }
        return "registry/person-form";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("person", persons.person(user, id));
        model.addAttribute("enrollments", enrollments.enrollmentsOf(user, id));
        model.addAttribute("history", persons.history(user, id));
        // the agency holding the pension record serves the person; one that held it before reads only
        model.addAttribute("holder", holders.holdingRegion(id));
        model.addAttribute("readOnly", !holders.access(user, id).serves());
        return "registry/person";
    }

    @PostMapping("/{id}/reveal")
    @ResponseBody
    Map<String, String> reveal(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return Map.of("idNumber", persons.revealIdNumber(user, id));
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Person p = persons.person(user, id);
        model.addAttribute("person", p);
        model.addAttribute("version", p.version());
        // the number cannot be changed; the form shows it masked and does not send it (issue 10: no full number in
        // the page of a role that may not reveal it)
        model.addAttribute("form", new PersonData(null, p.name(), p.phone(), p.hukouRegion(), p.regionCode()));
        return "registry/person-form";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                  @ModelAttribute("form") PersonData form, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> persons.updatePerson(user, id, version, form)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.saved");
            return "redirect:/registry/persons/" + id;
        }
        model.addAttribute("person", persons.person(user, id));
        model.addAttribute("version", version);
        return "registry/person-form";
    }

    @GetMapping("/{id}/enrollments/new")
    String enrollForm(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("person", persons.person(user, id));
        model.addAttribute("form", new EnrollmentData(null, "EMPLOYEE", "ENTERPRISE_PENSION", "", "", ""));
        return enrollView(model);
    }

    @PostMapping("/{id}/enrollments")
    String enroll(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @ModelAttribute("form") EnrollmentData form, BindingResult binding,
                  @RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, binding, () -> enrollments.enroll(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.enrolled");
            return "redirect:/registry/persons/" + id;
        }
        if (binding.hasErrors()) {
            // an employer number that is no number did not bind: its message is at its field, the rest as typed
            model.addAttribute("form", new EnrollmentData(null, typed.get("category"), typed.get("insuranceType"),
                    typed.get("firstInsuredOn"), typed.get("remark"), typed.get("employmentStart")));
        }
        model.addAttribute("person", persons.person(user, id));
        return enrollView(model);
    }

    private String enrollView(Model model) {
        model.addAttribute("categories", EnrollmentCategory.values());
        model.addAttribute("insuranceTypes", InsuranceType.values());
        return "registry/enrollment-form";
    }
}
