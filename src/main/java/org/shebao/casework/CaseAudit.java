package org.shebao.casework;

import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every step of a case into the operation log, in the step's own transaction (issue 10: 安全审计). */
@Component
@RequiredArgsConstructor
class CaseAudit {
    private final AuditLog audit;

    @EventListener
    void on(CaseStatusChanged e) {
        audit.record(AuditAction.CASE_STEP, "case " + e.reference(),
                e.action() + " " + (e.from() == null ? "" : e.from().name()) + "→" + e.to().name()
                        + (e.reason() == null || e.reason().isBlank() ? "" : "：" + e.reason()));
    }
}
