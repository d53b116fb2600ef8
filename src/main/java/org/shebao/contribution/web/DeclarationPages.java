package org.shebao.contribution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.FormErrors;
import org.shebao.contribution.Bill;
import org.shebao.contribution.Bills;
import org.shebao.contribution.Declaration;
import org.shebao.contribution.Declarations;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.contribution.Payment;
import org.shebao.contribution.Payments;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
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
 * 缴费基数申报与月度核定 on screen: the employer in its portal ({@code /portal/declarations}, its own unit only) and
 * staff on the employer's page ({@code /registry/employers/{id}/declarations}, their region): download the template,
 * upload a declaration (every bad line listed, nothing applied), the history of declarations, assess a month and read
 * its printable bill.
 */
@Controller
@RequiredArgsConstructor
class DeclarationPages {
    private final Declarations declarations;
    private final Bills bills;
    private final Payments payments;
    private final org.shebao.contribution.Collection collection;
    private final EmployerDeferrals deferrals;
    private final Employers employers;
    private final MessageSource messages;
    private final Clock clock;

    // ---------------------------------------------------------------- the employer's portal

    @GetMapping("/portal/declarations")
    String portal(@AuthenticationPrincipal ShebaoUser user, Model model) {
        return page(user, own(user), "/portal", model);
    }

    @PostMapping("/portal/declarations")
    String portalUpload(@AuthenticationPrincipal ShebaoUser user,
                        @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        return upload(user, own(user), "/portal", file, model, redirect, response);
    }

    @GetMapping("/portal/declarations/template.{format}")
    void portalTemplate(@AuthenticationPrincipal ShebaoUser user, @PathVariable String format,
                        HttpServletResponse response) throws IOException {
        own(user);
        DeclarationTemplates.write(format, messages, response);
    }

    @GetMapping("/portal/declarations/{declarationId}")
    String portalDeclaration(@AuthenticationPrincipal ShebaoUser user, @PathVariable long declarationId, Model model) {
        return declaration(user, own(user), "/portal", declarationId, model);
    }

    @PostMapping("/portal/bills")
    String portalAssess(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String month,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return assess(user, own(user), "/portal", month, model, redirect, response);
    }

    @GetMapping("/portal/bills/{month}")
    String portalBill(@AuthenticationPrincipal ShebaoUser user, @PathVariable String month, Model model) {
        return bill(user, own(user), "/portal", month, model);
    }

    @PostMapping("/portal/payments")
    String portalPayment(@AuthenticationPrincipal ShebaoUser user, @RequestParam Map<String, String> params,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return pay(user, own(user), "/portal", params, model, redirect, response);
    }

    @PostMapping("/portal/credit/refunds")
    String portalRefund(@AuthenticationPrincipal ShebaoUser user, @RequestParam Map<String, String> params,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return refund(user, own(user), "/portal", params, model, redirect, response);
    }

    // ---------------------------------------------------------------- staff, on the employer's page

    @PostMapping("/registry/employers/{id}/credit/refunds")
    String staffRefund(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                       @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        return refund(user, id, staffBase(id), params, model, redirect, response);
    }

    @PostMapping("/registry/employers/{id}/payments")
    String staffPayment(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                        @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        return pay(user, id, staffBase(id), params, model, redirect, response);
    }

    @GetMapping("/registry/employers/{id}/declarations")
    String staff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        return page(user, id, staffBase(id), model);
    }

    @PostMapping("/registry/employers/{id}/declarations")
    String staffUpload(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                       @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        return upload(user, id, staffBase(id), file, model, redirect, response);
    }

    @GetMapping("/registry/employers/{id}/declarations/template.{format}")
    void staffTemplate(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String format,
                       HttpServletResponse response) throws IOException {
        employers.employer(user, id);
        DeclarationTemplates.write(format, messages, response);
    }

    @GetMapping("/registry/employers/{id}/declarations/{declarationId}")
    String staffDeclaration(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                            @PathVariable long declarationId, Model model) {
        return declaration(user, id, staffBase(id), declarationId, model);
    }

    @PostMapping("/registry/employers/{id}/bills")
    String staffAssess(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                       @RequestParam(required = false) String month, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        return assess(user, id, staffBase(id), month, model, redirect, response);
    }

    @GetMapping("/registry/employers/{id}/bills/{month}")
    String staffBill(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String month,
                     Model model) {
        return bill(user, id, staffBase(id), month, model);
    }

    // ---------------------------------------------------------------- shared

    private static String staffBase(long id) {
        return "/registry/employers/" + id;
    }

    private static long own(ShebaoUser user) {
        if (user.employerId() == null) {
            throw new AccessDeniedToRecordException("declarations");
        }
        return user.employerId();
    }

    private String page(ShebaoUser user, long employerId, String base, Model model) {
        Employer employer = employers.employer(user, employerId);
        model.addAttribute("employer", employer);
        model.addAttribute("base", base);
        model.addAttribute("declarations", declarations.declarations(user, employerId));
        model.addAttribute("bills", bills.bills(user, employerId));
        model.addAttribute("payments", payments.payments(user, employerId));
        model.addAttribute("deferrals", deferrals.deferrals(user, employerId));
        java.util.List<org.shebao.contribution.LateFee> fees = collection.lateFees(user, employerId);
        model.addAttribute("lateFees", fees);
        model.addAttribute("lateFeesOwed", fees.stream().map(org.shebao.contribution.LateFee::owed)
                .reduce(org.shebao.common.Money.ZERO, org.shebao.common.Money::plus));
        model.addAttribute("allocationRule", org.shebao.contribution.Allocation.RULE);
        model.addAttribute("credit", collection.credit(user, employerId));
        model.addAttribute("deferralApply", base.startsWith("/portal") ? "/portal/cases/new?type=EMPLOYER_DEFERRAL"
                : "/casework/cases/new?type=EMPLOYER_DEFERRAL");
        if (!model.containsAttribute("month")) {
            model.addAttribute("month", YearMonth.now(clock).toString());
        }
        return "contribution/declarations";
    }

    private String upload(ShebaoUser user, long employerId, String base, MultipartFile file, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        Optional<Declaration.Outcome> done = FormErrors.attempt(model, messages,
                () -> declarations.upload(user, employerId, name, bytes));
        if (done.isPresent()) {
            // flash attributes live in the (JDBC) session: plain values only
            redirect.addFlashAttribute("declaredLines", done.get().lines());
            redirect.addFlashAttribute("declaredCount", done.get().declarations().size());
            redirect.addFlashAttribute("recomputed", String.join("、",
                    done.get().billsRecomputed().stream().map(Object::toString).toList()));
            return "redirect:" + base + "/declarations";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("fileName", name == null || name.isBlank() ? "-" : name);
        Object errors = model.getAttribute("errors");
        model.addAttribute("errorCount", errors instanceof java.util.Map<?, ?> m
                ? m.values().stream().mapToInt(l -> ((java.util.List<?>) l).size()).sum() : 0);
        return page(user, employerId, base, model);
    }

    private String pay(ShebaoUser user, long employerId, String base, Map<String, String> params, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        Payments.OnlinePayment p = new Payments.OnlinePayment(params.get("paymentMonth"), params.get("amount"),
                params.get("reference"), params.get("paidOn"));
        // the form names the month paymentMonth (the assessment form's is month): errors go under their own field
        Optional<Payment> done = FormErrors.attempt(model, messages, () -> {
            try {
                return payments.record(user, employerId, p);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.violations().stream()
                        .map(f -> "month".equals(f.field()) ? FieldViolation.of("paymentMonth",
                                f.code(), f.args().toArray()) : f).toList());
            }
        });
        if (done.isPresent()) {
            redirect.addFlashAttribute("recordedPayment", done.get().reference());
            return "redirect:" + base + "/declarations";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("paymentMonth", p.month());
        model.addAttribute("amount", p.amount());
        model.addAttribute("reference", p.reference());
        model.addAttribute("paidOn", p.paidOn());
        return page(user, employerId, base, model);
    }

    /** Asks for a refund of the employer's credit; refused: the page again with the field named (400). */
    private String refund(ShebaoUser user, long employerId, String base, Map<String, String> params, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        Optional<org.shebao.contribution.Collection.Refund> done = FormErrors.attempt(model, messages,
                () -> {
                    try {
                        return collection.requestRefund(user, employerId,
                                new org.shebao.contribution.Collection.RefundRequest(params.get("refundAmount"),
                                        params.get("refundReason")));
                    } catch (InvalidInputException e) { // the page's payment form has an amount of its own
                        throw new InvalidInputException(e.violations().stream().map(f -> FieldViolation.of(
                                "refund" + Character.toUpperCase(f.field().charAt(0)) + f.field().substring(1),
                                f.code(), f.args().toArray())).toList());
                    }
                });
        if (done.isPresent()) {
            redirect.addFlashAttribute("refundRequested", done.get().amount().amount().toPlainString());
            return "redirect:" + base + "/declarations#collection";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("refundAmount", params.get("refundAmount"));
        model.addAttribute("refundReason", params.get("refundReason"));
        return page(user, employerId, base, model);
    }

    private String declaration(ShebaoUser user, long employerId, String base, long declarationId, Model model) {
        Declaration d = declarations.declaration(user, employerId, declarationId)
                .orElseThrow(() -> new NotFoundException("declaration"));
        model.addAttribute("employer", employers.employer(user, employerId));
        model.addAttribute("base", base);
        model.addAttribute("declaration", d);
        model.addAttribute("lines", declarations.lines(d));
        return "contribution/declaration";
    }

    private String assess(ShebaoUser user, long employerId, String base, String month, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Bills.Assessed> a = FormErrors.attempt(model, messages,
                () -> bills.assess(user, employerId, Bill.month(month, "month")));
        if (a.isPresent()) {
            return "redirect:" + base + "/bills/" + a.get().bill().month();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("month", month);
        return page(user, employerId, base, model);
    }

    private String bill(ShebaoUser user, long employerId, String base, String month, Model model) {
        Bill bill = bills.bill(user, employerId, Bill.month(month, "month"))
                .orElseThrow(() -> new NotFoundException("bill"));
        model.addAttribute("employer", employers.employer(user, employerId));
        model.addAttribute("base", base);
        model.addAttribute("bill", bill);
        model.addAttribute("undeclared", bills.undeclared(user, bill));
        model.addAttribute("payments", payments.ofBill(user, bill));
        return "contribution/bill";
    }
}
