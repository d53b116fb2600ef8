package org.shebao.transfer.web;

import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.transfer.Transfer;
import org.shebao.transfer.Transfers;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's pension transfer (N-3b: applied for online, nothing posted): the application to the new place's
 * agency, each transfer with its steps and when the next is due, and the sealed documents to download.
 */
@Controller
@RequiredArgsConstructor
class PortalTransferPages {
    private final Transfers transfers;
    private final TransferViews views;
    private final org.shebao.transfer.TemporaryAccounts temporaryAccounts;
    private final MessageSource messages;

    @GetMapping("/portal/transfer")
    String mine(@AuthenticationPrincipal ShebaoUser user, Model model) {
        var mine = transfers.mine(user);
        model.addAttribute("transfers", views.of(user, mine));
        model.addAttribute("histories", mine.stream().collect(java.util.stream.Collectors.toMap(Transfer::id,
                t -> transfers.history(user, t.id()))));
        model.addAttribute("documents", mine.stream().collect(java.util.stream.Collectors.toMap(Transfer::id,
                t -> transfers.documents(user, t.id()))));
        model.addAttribute("agencies", transfers.agencies());
        model.addAttribute("open", mine.stream().anyMatch(t -> t.status().isOpen()));
        model.addAttribute("temporaries", views.temporaries(user, temporaryAccounts.ofPerson(user, user.personId())));
        return "transfer/portal";
    }

    @PostMapping("/portal/transfer")
    String apply(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String toRegion, Model model,
                 RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> transfers.apply(user, toRegion, null, Transfers.Channel.WEB))
                .isPresent()) {
            redirect.addFlashAttribute("notice", "notice.transfer.applied");
            return "redirect:/portal/transfer";
        }
        model.addAttribute("toRegion", toRegion);
        return mine(user, model);
    }

    /** The citizen's temporary accounts, for the rights record page and the transfer page. */
    @GetMapping("/portal/transfer/temporary-accounts")
    String temporaryAccounts(@AuthenticationPrincipal ShebaoUser user, Model model) {
        if (user.personId() == null) {
            throw new org.shebao.common.AccessDeniedToRecordException("temporary account");
        }
        model.addAttribute("temporaries", views.temporaries(user, temporaryAccounts.ofPerson(user, user.personId())));
        return "transfer/parts :: temporaryAccounts";
    }

    @GetMapping("/portal/transfer/{id}/documents/{code}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String code) {
        return TransferPages.pdf(code, transfers.pdf(user, id, code));
    }
}
