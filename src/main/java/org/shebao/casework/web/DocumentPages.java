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
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sealed documents (issue 16, N-3c): the public verification page, the PDFs of a case for its applicant and the
 * agency's staff, and the case receipt (revocation and re-issue: {@code StaffCasePages}).
 */
@Controller
@RequiredArgsConstructor
class DocumentPages {
    private final Certificates certificates;
    private final Jurisdictions jurisdictions;

    /** Anyone with the code (or the QR code) sees what was issued, to whom (masked), when, and whether it stands. */
    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        var doc = certificates.byCode(code).orElse(null);
        model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) + "…" : code);
        model.addAttribute("certificate", doc);
        if (doc == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else {
            model.addAttribute("agency", jurisdictions.find(new RegionCode(doc.regionCode()))
                    .map(Jurisdiction::agency).orElse(""));
        }
        return "casework/verify";
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
