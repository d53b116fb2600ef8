package org.shebao.transfer.web;

import java.nio.charset.StandardCharsets;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Persons;
import org.shebao.transfer.TemporaryAccounts;
import org.shebao.transfer.Transfer;
import org.shebao.transfer.TransferSteps;
import org.shebao.transfer.Transfers;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pension transfers for the agencies (国办发〔2009〕66号): the transfers the user's agency sends or receives, the
 * overdue ones (15 working days a step), one transfer with its steps, documents and amounts; the counter's
 * application on a person's behalf.
 */
@Controller
@RequestMapping("/pension/transfers")
@RequiredArgsConstructor
class TransferPages {
    private final Transfers transfers;
    private final TransferSteps steps;
    private final TransferViews views;
    private final TemporaryAccounts temporaryAccounts;
    private final Persons persons;
    private final MessageSource messages;

    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "false") boolean all,
                Model model) {
        model.addAttribute("transfers", views.of(user, transfers.ofAgency(user, !all)));
        model.addAttribute("overdue", views.of(user, transfers.overdue(user)));
        model.addAttribute("all", all);
        model.addAttribute("counter", user.has(Role.CLERK, Role.REVIEWER) && user.region().isCity());
        return "transfer/list";
    }

    @PostMapping("/apply")
    String apply(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String idNumber,
                 Model model, RedirectAttributes redirect) {
        var done = FormErrors.attempt(model, messages,
                () -> transfers.apply(user, user.region().value(), idNumber, Transfers.Channel.COUNTER));
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.transfer.applied");
            return "redirect:/pension/transfers/" + done.get().id();
        }
        model.addAttribute("idNumber", idNumber);
        return list(user, false, model);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Transfer t = transfers.transfer(user, id);
        model.addAttribute("v", views.of(user, t));
        model.addAttribute("history", transfers.history(user, id));
        model.addAttribute("documents", transfers.documents(user, id));
        model.addAttribute("decision", steps.decision(id).orElse(null));
        boolean receiving = user.region().covers(new org.shebao.common.RegionCode(t.toRegion()));
        boolean sending = user.region().covers(new org.shebao.common.RegionCode(t.fromRegion()));
        model.addAttribute("canLetter", receiving && t.status().name().equals("APPLIED") && user.has(Role.CLERK, Role.REVIEWER));
        model.addAttribute("canFunds", sending && t.status().name().equals("LETTER_SENT") && user.has(Role.REVIEWER, Role.FINANCE));
        model.addAttribute("canAccept", receiving && t.status().name().equals("FUNDS_SENT") && user.has(Role.REVIEWER, Role.FINANCE));
        model.addAttribute("temporary", temporaryAccounts.ofTransfer(user, id).map(a -> views.temporary(user, a))
                .orElse(null));
        if (sending && t.status().name().equals("LETTER_SENT")) {
            model.addAttribute("preview", steps.preview(user, id));
        }
        return "transfer/transfer";
    }

    @PostMapping("/{id}/letter")
    String letter(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.transfer.letter", () -> steps.sendLetter(user, id));
    }

    @PostMapping("/{id}/refuse")
    String refuse(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        model.addAttribute("reason", reason);
        return step(user, id, model, redirect, "notice.transfer.refused", () -> steps.refuse(user, id, reason));
    }

    @PostMapping("/{id}/funds")
    String funds(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.transfer.funds", () -> steps.sendFunds(user, id));
    }

    @PostMapping("/{id}/accept")
    String accept(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.transfer.accepted", () -> steps.accept(user, id));
    }

    @PostMapping("/temporary-accounts/{accountId}/book")
    String book(@AuthenticationPrincipal ShebaoUser user, @PathVariable long accountId, Model model,
                RedirectAttributes redirect) {
        long id = temporaryAccounts.visible(user, accountId).transferId();
        return step(user, id, model, redirect, "notice.tempAccount.booked", () -> temporaryAccounts.book(user, accountId));
    }

    @PostMapping("/temporary-accounts/{accountId}/collect")
    String collect(@AuthenticationPrincipal ShebaoUser user, @PathVariable long accountId, Model model,
                   RedirectAttributes redirect) {
        long id = temporaryAccounts.visible(user, accountId).transferId();
        return step(user, id, model, redirect, "notice.tempAccount.collected", () -> temporaryAccounts.collect(user, accountId));
    }

    /** The person's temporary accounts, for the rights record page (loaded into it: the transfer module's part). */
    @GetMapping("/temporary-accounts/of-person/{personId}")
    String ofPerson(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId, Model model) {
        persons.person(user, personId); // staff who may see the person's record
        model.addAttribute("temporaries", views.temporaries(user, temporaryAccounts.ofPerson(user, personId)));
        return "transfer/parts :: temporaryAccounts";
    }

    @GetMapping("/{id}/documents/{code}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String code) {
        return pdf(code, transfers.pdf(user, id, code));
    }

    private String step(ShebaoUser user, long id, Model model, RedirectAttributes redirect, String notice,
                        java.util.function.Supplier<?> action) {
        if (FormErrors.attempt(model, messages, action).isPresent()) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/pension/transfers/" + id;
        }
        return show(user, id, model);
    }

    /** A sealed PDF as a download (shared with the portal). */
    static ResponseEntity<byte[]> pdf(String code, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(code + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }
}
