package org.shebao;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** The API client of the integration tests, on the running server's port (known once the context has started). */
@TestConfiguration(proxyBeanMethods = false)
class ApiClientConfiguration {
    @Bean
    @Lazy
    ApiClient apiClient(Environment env) {
        return new ApiClient(env.getRequiredProperty("local.server.port", Integer.class));
    }
}
