package org.shebao.recovery.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.recovery.Cause;
import org.shebao.recovery.Recoveries;
import org.shebao.recovery.RecoveryStatus;
import org.shebao.recovery.RecoverySteps;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recoveries screens for finance and auditors (issue 15 item 5, issue 17 item 5): the list with its filters
 * (status, cause) and totals, balances per region and fund; a case with its history and its steps; the printable
 * payment request (追回通知).
 */
@Controller
@RequestMapping("/recoveries")
@RequiredArgsConstructor
class RecoveryPages {
    static final int SHOWN = 200;
    private final Recoveries recoveries;
    private final RecoverySteps steps;
    private final MessageSource messages;

    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String status,
                @RequestParam(required = false) String cause, Model model) {
        RecoveryStatus s = Arrays.stream(RecoveryStatus.values()).filter(x -> x.name().equals(status)).findFirst().orElse(null);
        Cause c = Arrays.stream(Cause.values()).filter(x -> x.name().equals(cause)).findFirst().orElse(null);
        model.addAttribute("listing", recoveries.list(user, new Recoveries.Filter(s, c, false), SHOWN));
        model.addAttribute("balances", recoveries.balances(user));
        model.addAttribute("statuses", RecoveryStatus.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("status", s);
        model.addAttribute("cause", c);
        model.addAttribute("shown", SHOWN);
        return "recovery/list";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("d", recoveries.details(user, id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "recovery/case";
    }

    @GetMapping("/{id}/notice")
    String notice(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("d", recoveries.details(user, id));
        return "recovery/notice";
    }

    @PostMapping("/{id}/deduction")
    String deduct(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(required = false) String fromMonth, Model model, HttpServletResponse response) {
        return act(user, id, model, response, Map.of("fromMonth", fromMonth == null ? "" : fromMonth),
                () -> steps.startDeduction(user, id, null, month(fromMonth)));
    }

    @PostMapping("/{id}/payment-request")
    String requestPayment(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model,
                          HttpServletResponse response) {
        return act(user, id, model, response, Map.of(), () -> steps.requestPayment(user, id));
    }

    @PostMapping("/{id}/repayments")
    String repay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                 @RequestParam(required = false) String amount, @RequestParam(required = false) String paidOn,
                 @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", amount == null ? "" : amount);
        form.put("paidOn", paidOn == null ? "" : paidOn);
        form.put("note", note == null ? "" : note);
        return act(user, id, model, response, form,
                () -> steps.repay(user, id, new RecoverySteps.Repayment(money(amount, "amount"), day(paidOn), note)));
    }

    @PostMapping("/{id}/write-off")
    String requestWriteOff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestParam(required = false) String writeOffAmount,
                           @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("writeOffAmount", writeOffAmount == null ? "" : writeOffAmount);
        form.put("reason", reason == null ? "" : reason);
        return act(user, id, model, response, form, () -> steps.requestWriteOff(user, id,
                writeOffAmount == null || writeOffAmount.isBlank() ? null : money(writeOffAmount, "amount"), reason));
    }

    @PostMapping("/{id}/write-off/decision")
    String decideWriteOff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                          @RequestParam(defaultValue = "false") boolean approve, Model model, HttpServletResponse response) {
        return act(user, id, model, response, Map.of(), () -> steps.decideWriteOff(user, id, approve));
    }

    /** Runs a step: back to the case when done; the case again with the errors and what was typed (400) when refused. */
    private String act(ShebaoUser user, long id, Model model, HttpServletResponse response, Map<String, String> form,
                       Supplier<?> action) {
        if (FormErrors.attempt(model, messages, action).isPresent()) {
            return "redirect:/recoveries/" + id;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("form", form);
        return show(user, id, model);
    }

    private static Money money(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : Money.exact(new BigDecimal(text.strip()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw InvalidInputException.of(field, "error.recovery.amount");
        }
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("paidOn", "error.recovery.paidOn");
        }
    }

    private static YearMonth month(String text) {
        try {
            return text == null || text.isBlank() ? null : YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("fromMonth", "error.recovery.month");
        }
    }
}
