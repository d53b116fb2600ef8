package org.shebao.identity.web;

import java.util.Arrays;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserAdministration;
import org.shebao.identity.UserAdministration.NewAccount;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 「用户管理」 for the security administrator: staff accounts of the region, one-time passwords, disable, unlock. */
@Controller
@RequestMapping("/security/users")
@RequiredArgsConstructor
class UserPages {
    private final UserAdministration admin;
    private final MessageSource messages;
    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("accounts", admin.accounts(user));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isStaff).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAccount(null, null, null, null));
        }
        return "identity/users";
    }

    @PostMapping
    String create(@AuthenticationPrincipal ShebaoUser user, @ModelAttribute("form") NewAccount form, Model model,
                  RedirectAttributes redirect) {
        var created = FormErrors.attempt(model, messages, () -> admin.create(user, form));
        if (created.isPresent()) {
            redirect.addFlashAttribute("oneTime", created.get());
            redirect.addFlashAttribute("oneTimeFor", form.username());
            return "redirect:/security/users";
        }
        return list(user, model);
    }

    @PostMapping("/{id}/reset")
    String reset(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("oneTime", admin.resetPassword(user, id));
        redirect.addFlashAttribute("oneTimeId", id);
        return "redirect:/security/users";
    }

    @PostMapping("/{id}/enabled")
    String enabled(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam boolean enabled, Model model) {
        if (FormErrors.attempt(model, messages, () -> {
            admin.setEnabled(user, id, enabled);
            return true;
        }).isPresent()) {
            return "redirect:/security/users";
        }
        return list(user, model);
    }

    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        admin.unlock(user, id);
        return "redirect:/security/users";
    }
}
