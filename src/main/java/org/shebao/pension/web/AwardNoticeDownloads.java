package org.shebao.pension.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.shebao.casework.SealedDownload;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.AwardNotices;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sealed pension award notice (issue 16, N-3c) as a download: the retiree from the certification page or the
 * app ({@code /me}), staff from the award page or by the case's id over the API.
 */
@RestController
@Tag(name = "documents", description = "盖章电子文件：养老金核定通知（PDF）")
@RequiredArgsConstructor
class AwardNoticeDownloads {
    private final AwardNotices notices;
    private final Certificates certificates;

    @GetMapping({"/portal/certification/award-notice.pdf", "/api/v1/me/award-notice.pdf"})
    @Operation(summary = "本人的养老金核定通知（加盖电子印章的PDF）")
    ResponseEntity<byte[]> own(@AuthenticationPrincipal ShebaoUser user) {
        return SealedDownload.of(certificates, user, notices.own(user));
    }

    @GetMapping({"/pension/awards/{caseId}/notice.pdf", "/api/v1/pension/awards/{caseId}/notice.pdf"})
    @Operation(summary = "退休办件的养老金核定通知（加盖电子印章的PDF；本统筹区经办人员或申请人本人）")
    ResponseEntity<byte[]> ofCase(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId) {
        return SealedDownload.of(certificates, user, notices.notice(user, caseId));
    }
}
