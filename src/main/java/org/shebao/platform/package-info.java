/**
 * Platform plumbing: the embedded PostgreSQL (default) or an external one, the injected {@link java.time.Clock},
 * locale resolution and the translation of domain errors into screens and RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.shebao.platform;
