/**
 * The operation log (安全审计, issue 10): every security-relevant event as an append-only row of a hash chain, its
 * verification, and the audit administrator's screen. Other modules record into it; it depends on none of them.
 */
@ApplicationModule(displayName = "Audit")
package org.shebao.audit;

import org.springframework.modulith.ApplicationModule;
