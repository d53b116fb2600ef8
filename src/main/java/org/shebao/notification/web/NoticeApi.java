package org.shebao.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.notification.Notices;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targeted notices over the API (N-6, FJ-7): a publicity clerk drafts a notice (400 naming the field when the title or
 * body is empty, the audience rule selects nobody or a channel is not available in the region), reads the count per
 * channel, and sends it with the count seen (409 when already sent or when the audience changed since).
 */
@RestController
@RequestMapping("/api/v1/notices")
@RequiredArgsConstructor
class NoticeApi {
    private final Notices notices;

    record SendRequest(Integer expected) {
    }

    @GetMapping
    @Operation(summary = "本地区的定向通知")
    List<Notices.Notice> list(@AuthenticationPrincipal ShebaoUser user) {
        return notices.list(user);
    }

    @GetMapping("/rules")
    @Operation(summary = "可选的受众规则")
    List<Notices.Rule> rules(@AuthenticationPrincipal ShebaoUser user) {
        return notices.rules(user.region());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "起草定向通知（返回各渠道将生成的发送记录数）")
    Notices.Preview draft(@AuthenticationPrincipal ShebaoUser user, @RequestBody Notices.Draft draft) {
        return notices.preview(user, notices.draft(user, draft).id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "定向通知及其受众人数、各渠道发送记录数")
    Notices.Preview get(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return notices.preview(user, id);
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "发送定向通知（只发送一次；expected 为发送前看到的发送记录数）")
    Notices.Preview send(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestBody SendRequest body) {
        if (body == null || body.expected() == null) {
            throw org.shebao.common.InvalidInputException.of("expected", "error.notice.expected.required");
        }
        return notices.send(user, id, body.expected());
    }
}
