package org.shebao.audit.web;

import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.Arrays;

/** 「操作日志」 for the audit administrator: the newest entries (by person or kind) and whether the chain holds. */
@Controller
@RequiredArgsConstructor
class AuditPages {
    private static final int LIMIT = 500;
    private final AuditLog log;

    @GetMapping("/audit")
    String show(@RequestParam(required = false) String actor, @RequestParam(required = false) String action, Model model) {
        String a = action == null || action.isBlank() ? "" : action;
        boolean known = a.isEmpty() || Arrays.stream(AuditAction.values()).anyMatch(x -> x.name().equals(a));
        model.addAttribute("entries", log.latest(actor == null ? "" : actor.strip(), known ? a : "", LIMIT));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("action", a);
        model.addAttribute("count", log.count());
        model.addAttribute("broken", log.verify().orElse(null));
        model.addAttribute("limit", LIMIT);
        return "audit/log";
    }
}
