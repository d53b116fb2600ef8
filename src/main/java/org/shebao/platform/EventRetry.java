package org.shebao.platform;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Retries events between modules whose delivery failed (the listener threw, or the instance stopped): every few
 * minutes ({@code shebao.events.retry-every}), those incomplete for longer than the retry age
 * ({@code shebao.events.retry-older-than}) are handed to their listeners again, by one node at a time (the job lock
 * {@code event-retry}): two nodes resubmitting the same publication would deliver it twice.
 */
@Component
@RequiredArgsConstructor
class EventRetry implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);
    private final IncompleteEventPublications incomplete;
    private final PlatformProperties settings;
    private final LockingTaskExecutor locks;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration every = settings.events().retryEvery();
        tasks.addFixedDelayTask(new FixedDelayTask(this::retry, every, every));
    }

    void retry() {
        locks.executeWithLock((Runnable) this::resubmit, new LockConfiguration(ClockProvider.now(), "event-retry",
                settings.events().retryEvery(), Duration.ZERO));
    }

    private void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(settings.events().retryOlderThan());
        } catch (RuntimeException e) {
            log.warn("Retrying undelivered events failed: {}", e.getMessage());
        }
    }
}
