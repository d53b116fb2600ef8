package org.shebao.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/** How the API reads JSON beyond Boot's defaults. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** A key given twice in one JSON object is refused (400), not silently taken as the last one (BadInputIT). */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
