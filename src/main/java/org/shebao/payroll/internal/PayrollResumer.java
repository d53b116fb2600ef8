package org.shebao.payroll.internal;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Resumes runs whose instance stopped mid-way (killed, crashed). One node at a time looks (the job lock
 * {@code payroll-resume}, held at most ten minutes), and the run's own claim makes sure one instance works on a run.
 * It looks {@code shebao.payroll.resume-delay-ms} after the start, then every {@code shebao.payroll.resume-every-ms}.
 */
@Component
@RequiredArgsConstructor
class PayrollResumer implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(PayrollResumer.class);
    private final Payroll payroll;
    private final PayrollProperties settings;
    private final LockingTaskExecutor locks;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::resume, Duration.ofMillis(settings.resumeEveryMs()),
                Duration.ofMillis(settings.resumeDelayMs())));
    }

    void resume() {
        locks.executeWithLock((Runnable) this::resumeAbandoned, new LockConfiguration(ClockProvider.now(), "payroll-resume",
                Duration.ofMinutes(10), Duration.ZERO));
    }

    private void resumeAbandoned() {
        for (long id : payroll.abandonedRuns()) {
            log.info("Resuming payroll run {}", id);
            payroll.execute(id);
        }
    }
}
