package org.shebao;

import org.shebao.policy.Scenarios;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import java.util.Arrays;
import org.springframework.scheduling.annotation.EnableAsync;

/** Shebao 社保经办平台: the case-handling platform of a social-insurance agency. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class ShebaoApplication {
    public static void main(String[] args) {
        if (args.length > 0 && "scenario".equals(args[0])) {
            // a policy analyst's command: replays scenario files without starting the platform
            System.exit(Scenarios.command(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if ("json".equalsIgnoreCase(System.getenv("SHEBAO_LOG_FORMAT"))) {
            // logs as JSON lines (Elastic Common Schema) for a log collector
            System.setProperty("logging.structured.format.console", "ecs");
        }
        SpringApplication.run(ShebaoApplication.class, args);
    }
}
