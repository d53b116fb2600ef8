/**
 * Registry: insured persons (GB 11643 ID numbers), employers (GB 32100 credit codes, with their agency contact,
 * SX-5) and enrollments, each change recorded with who, when, old and new values; region-scoped access.
 */
@ApplicationModule(displayName = "Registry")
package org.shebao.registry;

import org.springframework.modulith.ApplicationModule;
