/**
 * Demo data: a deterministic (seeded) generator of both provinces' users, employers, persons, enrollments and
 * contribution histories, loaded through COPY; also generates N more persons on demand for benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.shebao.demo;
