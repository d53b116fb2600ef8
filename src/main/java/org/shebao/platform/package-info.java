/**
 * Platform plumbing: the embedded PostgreSQL (default) or an external one, the injected {@link java.time.Clock},
 * locale resolution and the translation of domain errors into screens and RFC 9457 problem details.
 */
@ApplicationModule(displayName = "Platform")
package org.shebao.platform;

import org.springframework.modulith.ApplicationModule;
