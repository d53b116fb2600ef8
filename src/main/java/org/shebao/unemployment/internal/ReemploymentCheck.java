package org.shebao.unemployment.internal;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.shebao.unemployment.BenefitStops;
import org.shebao.unemployment.UnemploymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The scheduled stop check (失业保险条例 第十五条): every {@code shebao.unemployment.reemployment-check-every}, one node
 * at a time (the job lock {@code unemployment-reemployment}), every paying claim is checked against the registry and
 * a re-employment stops it, with recovery of months paid after it.
 */
@Component
@RequiredArgsConstructor
class ReemploymentCheck implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(ReemploymentCheck.class);
    private final BenefitStops stops;
    private final UnemploymentProperties settings;
    private final LockingTaskExecutor locks;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration every = settings.reemploymentCheckEvery();
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, every, every));
    }

    void run() {
        locks.executeWithLock((Runnable) this::check, new LockConfiguration(ClockProvider.now(),
                "unemployment-reemployment", settings.reemploymentCheckEvery(), Duration.ZERO));
    }

    private void check() {
        try {
            int n = stops.checkAllReemployments();
            if (n > 0) {
                log.info("Re-employment check: {} unemployment claims stopped", n);
            }
        } catch (RuntimeException e) {
            log.warn("Re-employment check failed: {}", e.getMessage());
        }
    }
}
