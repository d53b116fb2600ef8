package org.shebao.notification;

/**
 * Delivers a message on one channel and says what it did. The adapters shipped record what would be sent (the
 * SMS gateway and the WeChat template-message API are configured per agency).
 */
public interface ChannelAdapter {
    NotificationChannel channel();

    /** Sends the message; returns the delivery record (e.g. the gateway's answer). */
    String deliver(Message m);
}
