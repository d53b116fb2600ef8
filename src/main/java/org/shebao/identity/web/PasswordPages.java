package org.shebao.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.Passwords;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Changing one's password; and the rule that a one-time or expired password allows nothing else: every page sends
 * such a user here, and the API answers 403 until it is changed.
 */
@Controller
@RequiredArgsConstructor
class PasswordPages {
    private final Passwords passwords;
    private final MessageSource messages;

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("forced", user.mustChangePassword());
        model.addAttribute("staff", user.isStaff());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
                  Model model, HttpServletRequest request) throws ServletException {
        if (FormErrors.attempt(model, messages, () -> {
            passwords.change(user, currentPassword, newPassword, confirmPassword);
            return true;
        }).isPresent()) {
            request.logout(); // the session of the old password ends; log in with the new one
            return "redirect:/login?changed";
        }
        model.addAttribute("forced", user.mustChangePassword());
        model.addAttribute("staff", user.isStaff());
        return "identity/password";
    }

    /** Until a one-time or expired password is changed, only the change itself (and logging out) is allowed. */
    static OncePerRequestFilter mustChangeFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                Authentication a = SecurityContextHolder.getContext().getAuthentication();
                String path = req.getServletPath();
                boolean allowed = path.equals("/account/password") || path.equals("/logout") || path.startsWith("/css/")
                        || path.startsWith("/webjars/") || path.startsWith("/js/") || path.equals("/favicon.ico")
                        || path.equals("/error") || path.equals("/login");
                if (a != null && a.getPrincipal() instanceof ShebaoUser u && u.mustChangePassword() && !allowed) {
                    if (path.startsWith("/api/")) {
                        res.sendError(403, "password must be changed first");
                    } else {
                        res.sendRedirect(req.getContextPath() + "/account/password");
                    }
                    return;
                }
                chain.doFilter(req, res);
            }
        };
    }
}
