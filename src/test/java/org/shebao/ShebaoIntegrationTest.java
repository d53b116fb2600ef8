package org.shebao;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;

/**
 * One Spring context for every integration test (so one embedded PostgreSQL per test JVM), on a random port,
 * with the demo users and a small demo population.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@AutoConfigureMetrics
@Import(ApiClientConfiguration.class)
public @interface ShebaoIntegrationTest {
}
