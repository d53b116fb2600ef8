package org.shebao.payroll.internal;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Resumes runs whose instance stopped mid-way (killed, crashed): the claim makes sure one instance does it. It looks
 * {@code shebao.payroll.resume-delay-ms} after the start, then every {@code shebao.payroll.resume-every-ms}.
 */
@Component
@RequiredArgsConstructor
class PayrollResumer implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(PayrollResumer.class);
    private final Payroll payroll;
    private final PayrollProperties settings;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::resume, Duration.ofMillis(settings.resumeEveryMs()),
                Duration.ofMillis(settings.resumeDelayMs())));
    }

    void resume() {
        for (long id : payroll.abandonedRuns()) {
            log.info("Resuming payroll run {}", id);
            payroll.execute(id);
        }
    }
}
