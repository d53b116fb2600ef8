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
 * The channel adapters shipped: in-app messages are read in the portal; SMS, WeChat, the 12333 hotline's outbound calls
 * and 闽政通 record what would be sent (recipient masked in the log) until an agency configures its gateway; letters are
 * filed for the notice's printable letter file.
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
            String masked = masked(m.phone());
            log.info("SMS to {}: {}", masked, m.subject());
            return "recorded (no SMS gateway configured): to " + masked + ", " + m.body().length() + " characters";
        });
    }

    @Bean
    ChannelAdapter weChat() {
        return adapter(NotificationChannel.WECHAT, m -> "recorded (no WeChat template API configured): to "
                + m.recipientUser() + ", template case-progress");
    }

    @Bean
    ChannelAdapter hotline() {
        return adapter(NotificationChannel.HOTLINE, m -> "recorded (no 12333 outbound-call system configured): to "
                + masked(m.phone()));
    }

    @Bean
    ChannelAdapter minzhengtong() {
        return adapter(NotificationChannel.MINZHENGTONG, m -> "recorded (no 闽政通 message interface configured): to "
                + m.recipientUser());
    }

    /** A letter is printed from the notice's letter file and posted by the agency; the adapter files it there. */
    @Bean
    ChannelAdapter letter() {
        return adapter(NotificationChannel.LETTER, m -> "filed for printing: letter file of notice " + m.noticeId());
    }

    private static String masked(String phone) {
        return phone == null || phone.length() < 7 ? "?"
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
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
