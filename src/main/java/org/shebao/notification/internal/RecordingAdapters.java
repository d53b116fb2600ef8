package org.shebao.notification.internal;

import org.shebao.notification.ChannelAdapter;
import org.shebao.notification.Message;
import org.shebao.notification.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.function.Function;

/**
 * The channel adapters shipped: in-app messages are read in the portal; SMS and WeChat record what would be sent
 * (recipient masked in the log) until an agency configures its gateway.
 */
@Configuration(proxyBeanMethods = false)
class RecordingAdapters {
    private static final Logger log = LoggerFactory.getLogger(RecordingAdapters.class);

    @Bean
    ChannelAdapter inApp() {
        return adapter(NotificationChannel.IN_APP, m -> "in-app: " + m.recipientUser());
    }

    @Bean
    ChannelAdapter sms() {
        return adapter(NotificationChannel.SMS, m -> {
            String masked = m.phone() == null || m.phone().length() < 7 ? "?"
                    : m.phone().substring(0, 3) + "****" + m.phone().substring(m.phone().length() - 4);
            log.info("SMS to {}: {}", masked, m.subject());
            return "recorded (no SMS gateway configured): to " + masked + ", " + m.body().length() + " characters";
        });
    }

    @Bean
    ChannelAdapter weChat() {
        return adapter(NotificationChannel.WECHAT, m -> "recorded (no WeChat template API configured): to "
                + m.recipientUser() + ", template case-progress");
    }

    private static ChannelAdapter adapter(NotificationChannel ch, Function<Message, String> f) {
        return new ChannelAdapter() {
            @Override
            public NotificationChannel channel() {
                return ch;
            }

            @Override
            public String deliver(Message m) {
                return f.apply(m);
            }
        };
    }
}
