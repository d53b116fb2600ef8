package org.shebao.policy;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.internal.EmergencyDateChanged;
import org.shebao.policy.internal.EmergencyDeclared;

import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Emergencies declared and their dates entered, corrected or withdrawn, into the operation log. */
@Component
@RequiredArgsConstructor
class EmergencyAudit {
    private final AuditLog audit;

    @EventListener
    void declared(EmergencyDeclared e) {
        audit.record(AuditAction.EMERGENCY_DECLARED, "emergency " + e.emergencyId(), e.region().value() + " " + e.declaredOn());
    }

    @EventListener
    void dateChanged(EmergencyDateChanged e) {
        audit.record(e.changedBy(), AuditAction.EMERGENCY_DATE_CHANGED, "emergency " + e.emergencyId(),
                e.which() + ": " + e.oldDate() + "→" + e.newDate() + (e.reason() == null ? "" : "：" + e.reason()));
    }
}
