package org.shebao.hall.internal;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.shebao.hall.HallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The incidents' time limits (N-7, FJ-7): every {@code shebao.hall.incident-check-every} (a minute), one node at a
 * time (the job lock {@code hall-incident-overdue}), each open report past its level's limit is told to that level
 * once ({@link Incidents#notifyOverdue}).
 */
@Component
@RequiredArgsConstructor
class IncidentTimeLimits implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(IncidentTimeLimits.class);
    private final Incidents incidents;
    private final LockingTaskExecutor locks;
    private final HallProperties settings;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration every = settings.incidentCheckEvery();
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, every, every));
    }

    void run() {
        locks.executeWithLock((Runnable) this::check, new LockConfiguration(ClockProvider.now(),
                "hall-incident-overdue", settings.incidentCheckEvery(), Duration.ZERO));
    }

    private void check() {
        try {
            int n = incidents.notifyOverdue();
            if (n > 0) {
                log.info("Incident time limits: {} reports past their level's limit told", n);
            }
        } catch (RuntimeException e) {
            log.warn("Incident time-limit check failed: {}", e.getMessage());
        }
    }
}
