package org.shebao.casework.web;

import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.shebao.casework.SealedDownload;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.context.MessageSource;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sealed documents (issue 16, N-3c): the public verification page, the PDFs of a case for its applicant and the
 * agency's staff, the case receipt, and revocation or re-issue of any document by its issuing agency (also on the
 * case page: {@code StaffCasePages}).
 */
@Controller
@RequiredArgsConstructor
class DocumentPages {
    private final Certificates certificates;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;

    /**
     * Anyone with the code (or the QR code) sees what was issued, to whom (masked), when, and whether it stands; a
     * reviewer of the issuing agency, signed in, may revoke or re-issue it here (any kind: a case's, a person's, an
     * employer's or a transfer's document).
     */
    @GetMapping("/verify/{code}")
    String verify(@AuthenticationPrincipal ShebaoUser user, @PathVariable String code, Model model,
                  HttpServletResponse response) {
        var doc = certificates.byCode(code).orElse(null);
        model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) + "…" : code);
        model.addAttribute("certificate", doc);
        if (doc == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else {
            model.addAttribute("agency", jurisdictions.find(new RegionCode(doc.regionCode()))
                    .map(Jurisdiction::agency).orElse(""));
            model.addAttribute("mayRevoke", !doc.revoked() && doc.replacedBy() == null
                    && certificates.mayRevoke(user, doc));
        }
        return "casework/verify";
    }

    /** The issuing agency revokes or re-issues a document, with a reason; back to its verification page. */
    @PostMapping("/documents/{code}/{action}")
    String act(@AuthenticationPrincipal ShebaoUser user, @PathVariable String code, @PathVariable String action,
               @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        boolean revoke = "revoke".equals(action);
        if (!revoke && !"reissue".equals(action)) {
            throw new NotFoundException("action " + action);
        }
        var done = FormErrors.attempt(model, messages, () -> revoke ? certificates.revoke(user, code, reason).reason()
                : certificates.reissue(user, code, reason).code());
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.document." + action);
            return "redirect:/verify/" + (revoke ? code : done.get());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reason", reason);
        return verify(user, code, model, response);
    }

    @GetMapping({"/portal/cases/{id}/documents/{code}.pdf", "/casework/cases/{id}/documents/{code}.pdf"})
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String code) {
        return SealedDownload.of(code, certificates.pdf(user, id, code));
    }

    /** The case's receipt (回执), issued on the first request. */
    @GetMapping({"/portal/cases/{id}/receipt.pdf", "/casework/cases/{id}/receipt.pdf"})
    ResponseEntity<byte[]> receipt(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        Certificates.Issued r = certificates.receipt(user, id);
        return SealedDownload.of(r.code(), certificates.pdf(user, id, r.code()));
    }
}
