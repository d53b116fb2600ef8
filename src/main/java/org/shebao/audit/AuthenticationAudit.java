package org.shebao.audit;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Logins into the operation log: success, failure and refusal of a locked account, with the client's IP. */
@Component
@RequiredArgsConstructor
class AuthenticationAudit {
    private final AuditLog log;

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        log.recordAlone(e.getAuthentication().getName(), AuditAction.LOGIN_SUCCEEDED, "", "");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent e) {
        boolean locked = e.getException() instanceof LockedException;
        log.recordAlone(String.valueOf(e.getAuthentication().getName()),
                locked ? AuditAction.ACCOUNT_LOCKED : AuditAction.LOGIN_FAILED, "",
                e.getException().getClass().getSimpleName());
    }
}
