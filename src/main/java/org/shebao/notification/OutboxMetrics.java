package org.shebao.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Messages written but not yet sent, for operations (shebao_notifications_backlog). */
@Component
@RequiredArgsConstructor
class OutboxMetrics implements MeterBinder {
    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shebao.notifications.backlog", () -> jdbc.sql(
                "SELECT count(*) FROM notification_outbox WHERE sent_at IS NULL").query(Long.class).single())
                .register(registry);
    }
}
