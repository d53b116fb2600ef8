package org.shebao.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries events between modules whose delivery failed (the listener threw, or the instance stopped): every few
 * minutes, those incomplete for longer than the retry age are handed to their listeners again.
 */
@Component
class EventRetry {
    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);
    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRetry(IncompleteEventPublications incomplete,
               @Value("${shebao.events.retry-older-than:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${shebao.events.retry-every:PT5M}", initialDelayString = "${shebao.events.retry-every:PT5M}")
    void retry() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Retrying undelivered events failed: {}", e.getMessage());
        }
    }
}
