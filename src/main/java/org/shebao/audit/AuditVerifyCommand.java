package org.shebao.audit;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code bin/audit verify}: the platform starts on its database, walks the operation log's hash chain, prints the
 * result and stops: exit status 0 when the chain holds, 1 with the first broken row.
 */
@Component
@ConditionalOnProperty(name = "audit.verify", havingValue = "true")
@Order(0)
@RequiredArgsConstructor
class AuditVerifyCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);
    private final AuditLog audit;
    private final ApplicationContext context;

    @Override
    public void run(ApplicationArguments args) {
        var broken = audit.verify();
        if (broken.isEmpty()) {
            System.out.println("audit log: " + audit.count() + " rows, the hash chain holds");
        } else {
            System.out.println("audit log: the chain breaks at seq " + broken.get().seq() + " (row id " + broken.get().id()
                    + "): " + broken.get().reason());
        }
        log.info("Audit verification done");
        int code = broken.isEmpty() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
