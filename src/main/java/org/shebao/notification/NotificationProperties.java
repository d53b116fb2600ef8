package org.shebao.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification module's settings, in one place ({@code shebao.notification.*}).
 *
 * @param dispatchEvery how often the outbox is delivered (each node takes its own batch with FOR UPDATE SKIP LOCKED)
 */
@ConfigurationProperties("shebao.notification")
public record NotificationProperties(@DefaultValue("2s") Duration dispatchEvery) {
}
