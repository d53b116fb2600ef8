package org.shebao.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ApiTokens;
import org.shebao.identity.ShebaoUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for the mobile app: log in once with HTTP Basic, then send {@code Authorization: Bearer …}. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "identity", description = "移动端访问令牌")
@RequiredArgsConstructor
class TokenApi {
    private final ApiTokens tokens;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "以用户名密码（HTTP Basic）换取访问令牌")
    ApiTokens.Issued issue(@AuthenticationPrincipal ShebaoUser user) {
        return tokens.issue(user);
    }

    @DeleteMapping("/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "注销当前令牌")
    void revoke(@RequestHeader(name = "Authorization", required = false) String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).strip());
        }
    }
}
