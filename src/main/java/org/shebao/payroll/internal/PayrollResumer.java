package org.shebao.payroll.internal;

import lombok.RequiredArgsConstructor;
import org.shebao.payroll.Payroll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Resumes runs whose instance stopped mid-way (killed, crashed): the claim makes sure one instance does it. */
@Component
@RequiredArgsConstructor
class PayrollResumer {
    private static final Logger log = LoggerFactory.getLogger(PayrollResumer.class);
    private final Payroll payroll;

    @Scheduled(initialDelayString = "${shebao.payroll.resume-delay-ms:15000}", fixedDelayString = "${shebao.payroll.resume-every-ms:30000}")
    void resume() {
        for (long id : payroll.abandonedRuns()) {
            log.info("Resuming payroll run {}", id);
            payroll.execute(id);
        }
    }
}
