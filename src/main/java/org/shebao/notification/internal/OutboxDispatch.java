package org.shebao.notification.internal;

import lombok.RequiredArgsConstructor;
import org.shebao.notification.NotificationProperties;
import org.shebao.notification.Notifications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox every {@code shebao.notification.dispatch-every}, through the service's transactional proxy (one
 * batch, one transaction). Every node may do it at once: each locks the messages it takes and skips the others'.
 */
@Component
@RequiredArgsConstructor
class OutboxDispatch implements SchedulingConfigurer {
    private final Notifications notifications;
    private final NotificationProperties settings;

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(notifications::dispatch, settings.dispatchEvery(),
                settings.dispatchEvery()));
    }
}
