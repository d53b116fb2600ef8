package org.shebao.contribution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.FormErrors;
import org.shebao.contribution.Allocation;
import org.shebao.contribution.Collection;
import org.shebao.contribution.Payments;
import org.shebao.identity.ShebaoUser;
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
 * 缴费与欠费 for the collection section (finance, clerks; auditors read): the totals, the worklists of the user's
 * region (arrears, underpaid bills, overpaid and unmatched payments), the late fees, the employers' credits, the
 * unidentified receipts (暂收款: recorded, matched to an employer or refunded) and the refunds to decide; the import of
 * the collection channel's payment file (every bad line listed, nothing booked unless all are good; a file imported
 * before is refused).
 */
@Controller
@RequiredArgsConstructor
class CollectionPages {
    /** The collection lists that are not payment worklists. */
    enum View { LATE_FEES, CREDITS, RECEIPTS, REFUNDS }

    private final Payments payments;
    private final Collection collection;
    private final MessageSource messages;

    @GetMapping("/collection")
    String page(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "ARREARS") String list,
                Model model) {
        Optional<Payments.Worklist> w = Arrays.stream(Payments.Worklist.values())
                .filter(x -> x.name().equals(list)).findFirst();
        View view = w.isPresent() ? null : Arrays.stream(View.values()).filter(x -> x.name().equals(list))
                .findFirst().orElseThrow(() -> new NotFoundException("worklist " + list));
        model.addAttribute("lists", Payments.Worklist.values());
        model.addAttribute("views", View.values());
        model.addAttribute("listName", list);
        model.addAttribute("totals", collection.totals(user));
        model.addAttribute("allocationRule", Allocation.RULE);
        if (w.isPresent()) {
            model.addAttribute("list", w.get());
            model.addAttribute("items", payments.worklist(user, w.get()));
            return "contribution/collection";
        }
        model.addAttribute("view", view);
        switch (view) {
            case LATE_FEES -> model.addAttribute("lateFees", collection.lateFees(user, true));
            case CREDITS -> model.addAttribute("credits", collection.credits(user));
            case RECEIPTS -> model.addAttribute("receipts", collection.receipts(user, false));
            case REFUNDS -> model.addAttribute("refunds", collection.pendingRefunds(user));
        }
        return "contribution/collection";
    }

    @PostMapping("/collection/file")
    String importFile(@AuthenticationPrincipal ShebaoUser user,
                      @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        Optional<Payments.Imported> done = FormErrors.attempt(model, messages,
                () -> payments.importFile(user, name, bytes));
        if (done.isPresent()) {
            redirect.addFlashAttribute("importedLines", done.get().lines());
            redirect.addFlashAttribute("importedTotal", done.get().total().amount().toPlainString());
            return "redirect:/collection";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("fileName", name == null || name.isBlank() ? "-" : name);
        return page(user, "ARREARS", model);
    }

    @PostMapping("/collection/receipts")
    String recordReceipt(@AuthenticationPrincipal ShebaoUser user, @RequestParam Map<String, String> p, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("receiptForm", p);
        return act(user, View.RECEIPTS, model, redirect, response, () -> collection.recordReceipt(user,
                new Collection.ReceiptInput(p.get("reference"), p.get("amount"), p.get("receivedOn"),
                        p.get("payer"))), "collection.receipt.recorded", p.get("reference"));
    }

    @PostMapping("/collection/receipts/{id}/match")
    String match(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam Map<String, String> p,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(user, View.RECEIPTS, model, redirect, response, () -> collection.match(user, id,
                new Collection.MatchInput(p.get("creditCode"), null)), "collection.receipt.matched", null);
    }

    @PostMapping("/collection/receipts/{id}/refund")
    String refundReceipt(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                         @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        return act(user, View.RECEIPTS, model, redirect, response,
                () -> collection.refundReceipt(user, id, p.get("note")), "collection.receipt.refunded", null);
    }

    @PostMapping("/collection/refunds/{id}/decision")
    String decide(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam Map<String, String> p,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Boolean approve = p.get("approve") == null ? null : Boolean.valueOf(p.get("approve"));
        return act(user, View.REFUNDS, model, redirect, response, () -> collection.decideRefund(user, id,
                new Collection.RefundDecision(approve, p.get("note"))), "collection.refund.decided", null);
    }

    /** Does one step; done: back to the list with the message; refused: the list again with the errors (400). */
    private String act(ShebaoUser user, View view, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, Supplier<Object> step, String done, String arg) {
        if (FormErrors.attempt(model, messages, step).isPresent()) {
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneArg", arg == null ? "" : arg);
            return "redirect:/collection?list=" + view.name();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("actionRefused", true);
        return page(user, view.name(), model);
    }
}
