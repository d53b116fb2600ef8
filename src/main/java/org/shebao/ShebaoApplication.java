package org.shebao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shebao 社保经办平台: the case-handling platform of a social-insurance agency. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShebaoApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShebaoApplication.class, args);
    }
}
