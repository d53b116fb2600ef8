/**
 * Registry: insured persons (GB 11643 ID numbers), employers (GB 32100 credit codes, with their agency contact,
 * SX-5, and size class) and enrollments, each change recorded with who, when, old and new values; region-scoped
 * access. Enrollments begin at the counter, by an approved online case or by the employer's 增员
 * ({@link org.shebao.registry.Enrollments#hire}), their dates judged by {@link org.shebao.registry.EnrollmentDateRule}
 * (FJ-5a backdating, N-5a late registration); they end by 减员 with a {@link org.shebao.registry.SeparationReason} or
 * when a pension is awarded.
 */
@ApplicationModule(displayName = "Registry")
package org.shebao.registry;

import org.springframework.modulith.ApplicationModule;
