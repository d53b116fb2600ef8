package org.shebao.workinjury.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.web.FormErrors;
import org.shebao.common.web.UploadTemplates;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.workinjury.Institution;
import org.shebao.workinjury.Institutions;
import org.shebao.workinjury.MedicalBills;
import org.shebao.workinjury.MedicalPrepayments;
import org.shebao.workinjury.MedicalStatement;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * SX-1b on screen. The agreement hospital's user ({@code /hospital}): its institution, the agreed layout to download,
 * the upload of a month's bills (every bad line listed) and its statements (declared, pre-paid, approved, settled,
 * balance). The work-injury section ({@code /workinjury/medical}): the institutions of the region (registered by the
 * administrator or a reviewer), the statements, and a statement's page where a reviewer pre-pays and later settles.
 */
@Controller
@RequiredArgsConstructor
class MedicalBillPages {
    private final Institutions institutions;
    private final MedicalBills bills;
    private final MedicalPrepayments prepayments;
    private final MessageSource messages;

    // ---------------------------------------------------------------- the hospital

    @GetMapping("/hospital")
    String hospital(@AuthenticationPrincipal ShebaoUser user, Model model) {
        Institution own = institutions.institutionOf(user)
                .orElseThrow(() -> new AccessDeniedToRecordException("agreement medical institution"));
        model.addAttribute("institution", own);
        model.addAttribute("range", prepayments.range(own.regionCode()).orElse(null));
        model.addAttribute("statements", bills.statements(user));
        return "workinjury/hospital";
    }

    @GetMapping({"/hospital/template.xlsx", "/hospital/template.csv"})
    void template(@AuthenticationPrincipal ShebaoUser user, jakarta.servlet.http.HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        UploadTemplates.write(request.getRequestURI().endsWith(".csv") ? "csv" : "xlsx", messages, response,
                "wi.medical.template", MedicalBills.COLUMNS, Set.of(0, 2));
    }

    @PostMapping("/hospital/statements")
    String upload(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String month,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        var done = FormErrors.attempt(model, messages, () -> bills.submitFile(user, month, name, bytes));
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", done.get().submissions() > 1 ? "notice.wi.medical.resubmitted"
                    : "notice.wi.medical.submitted");
            return "redirect:/hospital/statements/" + done.get().id();
        }
        model.addAttribute("month", month);
        return hospital(user, model);
    }

    @GetMapping("/hospital/statements/{id}")
    String hospitalStatement(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        return statement(user, id, model, "/hospital");
    }

    // ---------------------------------------------------------------- the agency

    @GetMapping("/workinjury/medical")
    String medical(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("institutions", institutions.list(user));
        model.addAttribute("statements", bills.statements(user));
        model.addAttribute("canRegister", user.has(Role.ADMIN, Role.REVIEWER));
        model.addAttribute("askRegion", !user.region().isCity());
        if (!model.containsAttribute("v")) {
            model.addAttribute("v", Map.of());
        }
        return "workinjury/medical";
    }

    @PostMapping("/workinjury/medical/institutions")
    String register(@AuthenticationPrincipal ShebaoUser user, @RequestParam Map<String, String> params, Model model,
                    RedirectAttributes redirect) {
        var done = FormErrors.attempt(model, messages, () -> institutions.register(user, new Institutions.NewInstitution(
                params.get("region"), params.get("name"), params.get("agreementNo"), params.get("agreementFrom"),
                params.get("agreementTo"), params.get("hospitalUser"))));
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.wi.institution.registered");
            return "redirect:/workinjury/medical";
        }
        model.addAttribute("v", params);
        return medical(user, model);
    }

    @GetMapping("/workinjury/medical/statements/{id}")
    String agencyStatement(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        return statement(user, id, model, "/workinjury/medical");
    }

    @PostMapping("/workinjury/medical/statements/{id}/prepayment")
    String prepay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                  @RequestParam(required = false) String ratio, Model model, RedirectAttributes redirect) {
        model.addAttribute("ratio", ratio);
        return step(user, id, model, redirect, "notice.wi.medical.prepaid",
                () -> prepayments.prepay(user, id, version, ratio));
    }

    @PostMapping("/workinjury/medical/statements/{id}/settlement")
    String settle(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                  @RequestParam(required = false) String approved,
                  @RequestParam(required = false) String paperReceivedOn, Model model, RedirectAttributes redirect) {
        model.addAttribute("approved", approved);
        model.addAttribute("paperReceivedOn", paperReceivedOn);
        return step(user, id, model, redirect, "notice.wi.medical.settled",
                () -> prepayments.settle(user, id, version, approved, paperReceivedOn));
    }

    @PostMapping("/workinjury/medical/statements/{id}/repayment")
    String repay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                 @RequestParam(required = false) String amount, @RequestParam(required = false) String receivedOn,
                 @RequestParam(required = false) String reference, Model model, RedirectAttributes redirect) {
        model.addAttribute("repayAmount", amount);
        model.addAttribute("receivedOn", receivedOn);
        model.addAttribute("reference", reference);
        return step(user, id, model, redirect, "notice.wi.medical.repaid",
                () -> prepayments.repay(user, id, amount, receivedOn, reference));
    }

    private String step(ShebaoUser user, long id, Model model, RedirectAttributes redirect, String notice,
                        Supplier<MedicalStatement> action) {
        if (FormErrors.attempt(model, messages, action).isPresent()) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/workinjury/medical/statements/" + id;
        }
        return agencyStatement(user, id, model);
    }

    private String statement(ShebaoUser user, long id, Model model, String back) {
        MedicalStatement s = bills.get(user, id);
        model.addAttribute("s", s);
        model.addAttribute("lines", bills.lines(user, id));
        model.addAttribute("history", bills.history(user, id));
        model.addAttribute("repayments", bills.repayments(user, id));
        model.addAttribute("finance", user.isStaff() && user.has(Role.FINANCE, Role.REVIEWER));
        model.addAttribute("back", back);
        model.addAttribute("reviewer", user.isStaff() && user.has(Role.REVIEWER));
        model.addAttribute("range", user.isStaff() ? prepayments.range(s.regionCode()).orElse(null) : null);
        return "workinjury/statement";
    }
}
