package org.shebao.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.shebao.casework.ContributionDocuments;
import org.shebao.casework.SealedDownload;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.contribution.Bill;
import org.shebao.identity.ShebaoUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sealed 缴费明细 and monthly bill (issue 16, N-3c) as downloads: from the rights-record page and the bill page
 * (the person or employer for themselves under {@code /portal}, staff under {@code /registry}), and over the API
 * (the app: {@code /me}; staff and employers by id).
 */
@RestController
@Tag(name = "documents", description = "盖章电子文件：缴费明细、社会保险费核定单（PDF）")
@RequiredArgsConstructor
class ContributionDocumentDownloads {
    private final ContributionDocuments documents;
    private final Certificates certificates;

    @GetMapping({"/portal/contributions/detail.pdf", "/api/v1/me/contribution-detail.pdf"})
    @Operation(summary = "本人的缴费明细（加盖电子印章的PDF）")
    ResponseEntity<byte[]> ownDetail(@AuthenticationPrincipal ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("contribution detail");
        }
        return detail(user, user.personId());
    }

    @GetMapping({"/registry/persons/{id}/contributions/detail.pdf", "/api/v1/persons/{id}/contribution-detail.pdf"})
    @Operation(summary = "参保人的缴费明细（加盖电子印章的PDF；本统筹区经办人员）")
    ResponseEntity<byte[]> detail(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return SealedDownload.of(certificates, user, documents.detail(user, id));
    }

    @GetMapping("/portal/bills/{month}/bill.pdf")
    ResponseEntity<byte[]> ownBill(@AuthenticationPrincipal ShebaoUser user, @PathVariable String month) {
        if (user.employerId() == null) {
            throw new AccessDeniedToRecordException("bill");
        }
        return bill(user, user.employerId(), month);
    }

    @GetMapping({"/registry/employers/{id}/bills/{month}/bill.pdf", "/api/v1/employers/{id}/bills/{month}/bill.pdf"})
    @Operation(summary = "单位月度社会保险费核定单（加盖电子印章的PDF；本单位或本统筹区经办人员），month 形如 2020-03")
    ResponseEntity<byte[]> bill(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                @PathVariable String month) {
        return SealedDownload.of(certificates, user, documents.bill(user, id, Bill.month(month, "month")));
    }
}
