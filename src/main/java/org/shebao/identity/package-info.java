/**
 * Identity: users (staff, insured persons, employers), roles, region scope, login with throttling, and the
 * web security of the whole platform (CSRF, session fixation, security headers).
 */
@ApplicationModule(displayName = "Identity")
package org.shebao.identity;

import org.springframework.modulith.ApplicationModule;
