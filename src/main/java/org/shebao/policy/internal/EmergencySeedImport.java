package org.shebao.policy.internal;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.Emergencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, imports the emergencies of {@code policy/emergencies.yml} that are not in the database yet. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class EmergencySeedImport implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(EmergencySeedImport.class);
    private final Emergencies emergencies;

    @Override
    public void run(ApplicationArguments args) {
        int n = emergencies.importSeeds();
        if (n > 0) {
            log.info("Imported {} emergencies from policy/emergencies.yml", n);
        }
    }
}
