package org.shebao.workinjury.web;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.workinjury.HospitalUsers;
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
 * The security administrator's screen of the agreement medical institutions' users: per institution of the region,
 * its accounts (role HOSPITAL, that institution only), a new account with its one-time password, disable and enable.
 */
@Controller
@RequiredArgsConstructor
class HospitalUserPages {
    private final HospitalUsers hospitalUsers;
    private final MessageSource messages;

    @GetMapping("/security/hospitals")
    String list(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("institutions", hospitalUsers.overview(user));
        if (!model.containsAttribute("v")) {
            model.addAttribute("v", Map.of());
        }
        return "workinjury/hospital-users";
    }

    @PostMapping("/security/hospitals/{institution}/users")
    String create(@AuthenticationPrincipal ShebaoUser user, @PathVariable long institution,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        var created = FormErrors.attempt(model, messages, () -> hospitalUsers.create(user, institution,
                form.get("username"), form.get("displayName")));
        if (created.isPresent()) {
            redirect.addFlashAttribute("oneTime", created.get());
            redirect.addFlashAttribute("oneTimeFor", form.get("username"));
            return "redirect:/security/hospitals";
        }
        model.addAttribute("v", form);
        model.addAttribute("formFor", institution);
        return list(user, model);
    }

    @PostMapping("/security/hospitals/{institution}/users/{id}/enabled")
    String enabled(@AuthenticationPrincipal ShebaoUser user, @PathVariable long institution, @PathVariable long id,
                   @RequestParam boolean enabled) {
        hospitalUsers.setEnabled(user, institution, id, enabled);
        return "redirect:/security/hospitals";
    }
}
