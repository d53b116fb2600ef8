package org.shebao.payroll.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Clock;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.AccountChanges;
import org.shebao.payroll.BankLayout;
import org.shebao.payroll.BankLayouts;
import org.shebao.payroll.BankPayments;
import org.shebao.payroll.BankReturns;
import org.shebao.payroll.PayrollApproval;
import org.shebao.payroll.PayrollRun;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's screens for what follows the approval (issue 15, items 4 and 7): each paying bank's file in its layout,
 * the bank's return file imported on the run's page (with every bad line listed), and the bank-account changes with
 * their approval by a second finance user and the failed payments waiting for them.
 */
@Controller
@RequestMapping("/payroll")
@RequiredArgsConstructor
class BankPages {
    private final PayrollApproval approval;
    private final BankReturns returns;
    private final AccountChanges changes;
    private final BankLayouts layouts;
    private final MessageSource messages;
    private final PayrollPages runs;
    private final Clock clock;

    @GetMapping("/runs/{id}/bank-files/{bank}")
    void bankFile(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String bank,
                  HttpServletResponse response) throws IOException {
        bankFile(approval, user, id, bank, response);
    }

    /** One paying bank's file of an approved run, in its layout, as a download (the screens and the API). */
    static void bankFile(PayrollApproval approval, ShebaoUser user, long id, String bank, HttpServletResponse response)
            throws IOException {
        PayrollRun run = approval.releasable(user, id); // 403 / 409 before anything is written
        BankLayout layout = approval.bankFiles(user, id).stream().map(BankPayments.BankTotal::layout)
                .filter(l -> l.code().equals(bank)).findFirst()
                .orElseThrow(() -> new NotFoundException("bank file " + bank));
        response.setContentType("text/plain;charset=" + layout.charset().name());
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("代发-" + layout.name() + "-" + run.month() + ".txt", StandardCharsets.UTF_8).build().toString());
        approval.release(user, id, layout, response.getOutputStream());
    }

    /** Imports a return file; refused: the run's page again with every bad line, 400 (409 for a file imported before). */
    @PostMapping("/runs/{id}/returns")
    String importReturn(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                        @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        Optional<BankReturns.Imported> done = FormErrors.attempt(model, messages,
                () -> returns.importReturn(user, id, name, bytes));
        if (done.isPresent()) {
            redirect.addFlashAttribute("imported", done.get());
            return "redirect:/payroll/runs/" + id + "#returns";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("returnErrors", true);
        return runs.run(user, id, model);
    }

    @GetMapping("/account-changes")
    String accountChanges(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("failed", returns.failed(user, null));
        model.addAttribute("pending", changes.pending(user));
        model.addAttribute("decided", changes.decided(user));
        model.addAttribute("banks", layouts.inForce(user.region(), LocalDate.now(clock)));
        model.addAttribute("canDecide", user.has(Role.FINANCE));
        return "payroll/account-changes";
    }

    @PostMapping("/account-changes")
    String request(@AuthenticationPrincipal ShebaoUser user, AccountChanges.Request form, Model model,
                   HttpServletResponse response) {
        if (FormErrors.attempt(model, messages, () -> changes.request(user, form)).isPresent()) {
            return "redirect:/payroll/account-changes";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("form", form);
        return accountChanges(user, model);
    }

    @PostMapping("/account-changes/{id}/approve")
    String approve(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model,
                   HttpServletResponse response) {
        return decided(user, model, response, FormErrors.attempt(model, messages, () -> changes.approve(user, id)));
    }

    @PostMapping("/account-changes/{id}/reject")
    String reject(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model,
                  HttpServletResponse response) {
        return decided(user, model, response, FormErrors.attempt(model, messages, () -> changes.reject(user, id)));
    }

    private String decided(ShebaoUser user, Model model, HttpServletResponse response,
                           Optional<AccountChanges.Change> done) {
        if (done.isPresent()) {
            return "redirect:/payroll/account-changes";
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return accountChanges(user, model);
    }
}
