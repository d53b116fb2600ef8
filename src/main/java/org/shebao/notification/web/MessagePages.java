package org.shebao.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.notification.Message;
import org.shebao.notification.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The portal user's in-app messages (N-3d), on the screen and for the app. */
@Controller
@RequiredArgsConstructor
class MessagePages {
    private final Notifications notifications;

    @GetMapping("/portal/messages")
    String inbox(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("messages", notifications.inbox(user));
        notifications.markRead(user);
        return "notification/inbox";
    }

    /** A staff user's in-app messages (e.g. a hall manager told of a flagged colleague), on the same screen. */
    @GetMapping("/messages")
    String staffInbox(@AuthenticationPrincipal ShebaoUser user, Model model) {
        return inbox(user, model);
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    @Operation(summary = "站内消息（最新50条）")
    List<Message> api(@AuthenticationPrincipal ShebaoUser user) {
        return notifications.inbox(user);
    }
}
