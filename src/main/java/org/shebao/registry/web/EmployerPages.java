package org.shebao.registry.web;

import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdictions;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerData;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollments;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Clerk screens for employers: search, register, view (employees, history), edit. */
@Controller
@RequestMapping("/registry/employers")
@RequiredArgsConstructor
class EmployerPages {
    /** What a clerk typed to set an employer's size class, shown again when refused. */
    record SizeForm(String sizeClass, String sizeEvidence) {
    }

    private final Employers employers;
    private final Enrollments enrollments;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;
    private final org.shebao.identity.Users users;

    @ModelAttribute
    void common(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("regions", jurisdictions.servedWithin(user.region()));
        model.addAttribute("jurisdictions", jurisdictions);
        // SX-5: the agency contact is chosen from the staff of the cities the user serves (checked again on saving)
        java.util.Map<String, String> staff = new java.util.LinkedHashMap<>();
        jurisdictions.servedWithin(user.region()).forEach(j -> users.staffOf(j.code().value())
                .forEach(u -> staff.put(u.username(), u.displayName())));
        model.addAttribute("agencyStaff", staff);
    }

    @GetMapping
    String search(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "false") boolean withoutContact,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("withoutContact", withoutContact);
        model.addAttribute("result", employers.searchEmployers(user, q, withoutContact, page));
        return htmx != null ? "registry/employers :: results" : "registry/employers";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal ShebaoUser user, Model model) {
        String defaultRegion = jurisdictions.servedWithin(user.region()).stream().findFirst()
                .map(j -> j.code().value()).orElse("");
        model.addAttribute("form", new EmployerData("", "", defaultRegion, "", "", "", "", ""));
        return "registry/employer-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal ShebaoUser user, @ModelAttribute("form") EmployerData form, Model model,
                  RedirectAttributes redirect) {
        Optional<Employer> e = FormErrors.attempt(model, messages, () -> employers.registerEmployer(user, form));
        if (e.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.employer.created");
            return "redirect:/registry/employers/" + e.get().id();
        }
        return "registry/employer-form";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String q, Model model) {
        Employer e = employers.employer(user, id);
        model.addAttribute("sizeForm", new SizeForm(e.sizeClass() == null ? "" : e.sizeClass().name(), ""));
        model.addAttribute("employeeQuery", q);
        return employerPage(user, e, page, q, model);
    }

    private String employerPage(ShebaoUser user, Employer e, int page, String q, Model model) {
        model.addAttribute("employer", e);
        model.addAttribute("employees", enrollments.employeesOf(user, e.id(), page, q));
        model.addAttribute("history", employers.history(user, e.id()));
        model.addAttribute("sizeClasses", EmployerSize.values());
        return "registry/employer";
    }

    @PostMapping("/{id}/size-class")
    String classifySize(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                        @ModelAttribute("sizeForm") SizeForm form, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> employers.classifySize(user, id, version, form.sizeClass(),
                form.sizeEvidence())).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.saved");
            return "redirect:/registry/employers/" + id;
        }
        model.addAttribute("version", version);
        return employerPage(user, employers.employer(user, id), 0, "", model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Employer e = employers.employer(user, id);
        model.addAttribute("employer", e);
        model.addAttribute("version", e.version());
        model.addAttribute("form", new EmployerData(e.creditCode(), e.name(), e.regionCode(), e.address(),
                e.contactName(), e.contactPhone(), e.agencyContactUser(), e.agencyContactPhone()));
        return "registry/employer-form";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                  @ModelAttribute("form") EmployerData form, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> employers.updateEmployer(user, id, version, form)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.saved");
            return "redirect:/registry/employers/" + id;
        }
        model.addAttribute("employer", employers.employer(user, id));
        model.addAttribute("version", version);
        return "registry/employer-form";
    }
}
