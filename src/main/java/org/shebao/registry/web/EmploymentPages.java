package org.shebao.registry.web;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.shebao.registry.Enrollment;
import org.shebao.registry.Enrollments;
import org.shebao.registry.HireData;
import org.shebao.registry.SeparationData;
import org.shebao.registry.SeparationReason;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 增员 and 减员 on screen: an employer's own user in the portal ({@code /portal/employees/…}, its own unit only), and a
 * clerk on the employer's page ({@code /registry/employers/{id}/employees/…}). The rules are {@link Enrollments}'.
 */
@Controller
@RequiredArgsConstructor
class EmploymentPages {
    private final Enrollments enrollments;
    private final Employers employers;
    private final MessageSource messages;

    // ------------------------------------------------------------------ portal (the employer's own user)

    @GetMapping("/portal/employees/new")
    String portalHireForm(@AuthenticationPrincipal ShebaoUser user, Model model) {
        return hireForm(user, user.employerId(), "/portal", model);
    }

    @PostMapping("/portal/employees")
    String portalHire(@AuthenticationPrincipal ShebaoUser user, @ModelAttribute("form") HireData form, Model model,
                      RedirectAttributes redirect) {
        return hire(user, user.employerId(), "/portal", form, model, redirect);
    }

    @GetMapping("/portal/employees/{personId}/separation")
    String portalSeparationForm(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId, Model model) {
        return separationForm(user, user.employerId(), personId, "/portal", model);
    }

    @PostMapping("/portal/employees/{personId}/separation")
    String portalSeparate(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId,
                          @ModelAttribute("form") SeparationData form, Model model, RedirectAttributes redirect) {
        return separate(user, user.employerId(), personId, "/portal", form, model, redirect);
    }

    // ------------------------------------------------------------------ staff (a clerk of the employer's region)

    @GetMapping("/registry/employers/{id}/employees/new")
    String staffHireForm(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        return hireForm(user, id, "/registry/employers/" + id, model);
    }

    @PostMapping("/registry/employers/{id}/employees")
    String staffHire(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                     @ModelAttribute("form") HireData form, Model model, RedirectAttributes redirect) {
        return hire(user, id, "/registry/employers/" + id, form, model, redirect);
    }

    @GetMapping("/registry/employers/{id}/employees/{personId}/separation")
    String staffSeparationForm(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                               @PathVariable long personId, Model model) {
        return separationForm(user, id, personId, "/registry/employers/" + id, model);
    }

    @PostMapping("/registry/employers/{id}/employees/{personId}/separation")
    String staffSeparate(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable long personId,
                         @ModelAttribute("form") SeparationData form, Model model, RedirectAttributes redirect) {
        return separate(user, id, personId, "/registry/employers/" + id, form, model, redirect);
    }

    // ------------------------------------------------------------------ shared

    private String hireForm(ShebaoUser user, long employerId, String base, Model model) {
        model.addAttribute("form", new HireData("", "", "", "", "", ""));
        return hireView(user, employerId, base, model);
    }

    private String hire(ShebaoUser user, long employerId, String base, HireData form, Model model,
                        RedirectAttributes redirect) {
        Optional<Enrollments.Hired> hired = FormErrors.attempt(model, messages, () -> enrollments.hire(user, employerId, form));
        if (hired.isPresent()) {
            redirect.addFlashAttribute("notice", hired.get().personRegistered() ? "notice.hired.registered" : "notice.hired");
            return redirectShowing(base, hired.get().person().name());
        }
        return hireView(user, employerId, base, model);
    }

    /** Back to the list, narrowed to the employee just added or removed, so that the result is in sight. */
    private static String redirectShowing(String base, String name) {
        return "redirect:" + UriComponentsBuilder.fromPath(base).queryParam("q", name).encode().build().toUriString();
    }

    private String hireView(ShebaoUser user, long employerId, String base, Model model) {
        model.addAttribute("employer", employers.employer(user, employerId));
        model.addAttribute("base", base);
        return "registry/hire-form";
    }

    private String separationForm(ShebaoUser user, long employerId, long personId, String base, Model model) {
        model.addAttribute("form", new SeparationData("", ""));
        return separationView(user, employerId, personId, base, model);
    }

    private String separate(ShebaoUser user, long employerId, long personId, String base, SeparationData form,
                            Model model, RedirectAttributes redirect) {
        Optional<List<Enrollment>> ended = FormErrors.attempt(model, messages,
                () -> enrollments.separate(user, employerId, personId, form));
        if (ended.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.separated");
            return redirectShowing(base, ended.get().get(0).personName());
        }
        return separationView(user, employerId, personId, base, model);
    }

    private String separationView(ShebaoUser user, long employerId, long personId, String base, Model model) {
        Employer employer = employers.employer(user, employerId);
        model.addAttribute("employer", employer);
        model.addAttribute("employments", enrollments.openEmploymentsOf(user, employerId, personId));
        model.addAttribute("personId", personId);
        model.addAttribute("reasons", SeparationReason.values());
        model.addAttribute("base", base);
        return "registry/separation-form";
    }
}
