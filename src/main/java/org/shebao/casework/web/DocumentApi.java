package org.shebao.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.shebao.identity.ShebaoUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuing agency revokes or re-issues a sealed document of any kind (a case's, a person's, an employer's, a
 * transfer's), with a reason (issue 16 item 2): a reviewer or administrator of the issuing region.
 */
@RestController
@RequestMapping("/api/v1/documents")
@RequiredArgsConstructor
@Tag(name = "documents", description = "电子文件：撤销与重新出具")
class DocumentApi {
    private final Certificates certificates;

    record ReasonRequest(String reason) {
    }

    record Revoked(String code, String reason, OffsetDateTime revokedAt) {
    }

    record Reissued(String code, String replaces) {
    }

    @PostMapping("/{code}/revocation")
    @Operation(summary = "撤销电子文件（出具机构，须填原因）")
    Revoked revoke(@AuthenticationPrincipal ShebaoUser user, @PathVariable String code,
                   @RequestBody(required = false) ReasonRequest body) {
        Certificates.Revocation r = certificates.revoke(user, code, body == null ? null : body.reason());
        return new Revoked(code, r.reason(), r.revokedAt());
    }

    @PostMapping("/{code}/reissue")
    @Operation(summary = "重新出具电子文件（出具机构，须填原因；新文件注明所替代的原文件）")
    Reissued reissue(@AuthenticationPrincipal ShebaoUser user, @PathVariable String code,
                     @RequestBody(required = false) ReasonRequest body) {
        return new Reissued(certificates.reissue(user, code, body == null ? null : body.reason()).code(), code);
    }
}
