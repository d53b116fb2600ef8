package org.shebao.platform;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
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
 * ({@code shebao.events.retry-older-than}) are handed to their listeners again.
 */
@Component
@RequiredArgsConstructor
class EventRetry implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);
    private final IncompleteEventPublications incomplete;
    private final PlatformProperties settings;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration every = settings.events().retryEvery();
        tasks.addFixedDelayTask(new FixedDelayTask(this::retry, every, every));
    }

    void retry() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(settings.events().retryOlderThan());
        } catch (RuntimeException e) {
            log.warn("Retrying undelivered events failed: {}", e.getMessage());
        }
    }
}
