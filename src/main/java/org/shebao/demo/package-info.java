/**
 * Demo data: a deterministic (seeded) generator of both provinces' users, employers, persons, enrollments and
 * contribution histories, loaded through COPY; also generates N more persons on demand for benchmarks.
 */
@ApplicationModule(displayName = "Demo data")
package org.shebao.demo;

import org.springframework.modulith.ApplicationModule;
