package org.shebao.payroll.web;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.RecipientPayments;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The insured person's own payments (issue 17, item 4), in the portal and for the app: only the signed-in person's,
 * there is no parameter naming another.
 */
@Controller
@RequiredArgsConstructor
class RecipientPaymentPages {
    private final RecipientPayments payments;

    @GetMapping("/portal/payments")
    String page(@AuthenticationPrincipal ShebaoUser user, Model model) {
        long person = own(user);
        model.addAttribute("orders", payments.ordersOf(person));
        model.addAttribute("payments", payments.paymentsOf(person));
        return "payroll/portal-payments";
    }

    /** The same for the app: the standing orders and the payments, newest first. */
    record Mine(List<RecipientPayments.Order> orders, List<RecipientPayments.Payment> payments) {
    }

    @GetMapping("/api/v1/me/payments")
    @ResponseBody
    Mine api(@AuthenticationPrincipal ShebaoUser user) {
        long person = own(user);
        return new Mine(payments.ordersOf(person), payments.paymentsOf(person));
    }

    private static long own(ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("payments");
        }
        return user.personId();
    }
}
