package org.shebao.notification;

import org.shebao.common.RegionCode;

/**
 * Where a message goes. Case steps and deadlines go in-app, by SMS and WeChat; a targeted notice (N-6, FJ-7) may also
 * go through the 12333 hotline's outbound calls, 闽政通 (Fujian's government-service app, FJ-3) and a letter file for
 * printing and posting.
 */
public enum NotificationChannel {
    IN_APP, SMS, WECHAT, HOTLINE, MINZHENGTONG, LETTER;

    /** The channels of the messages the platform sends by itself about a case or a deadline. */
    public static final java.util.List<NotificationChannel> CASE_CHANNELS = java.util.List.of(IN_APP, SMS, WECHAT);

    /** Whether the channel serves a region: 闽政通 is Fujian's (FJ-3); the others serve every region. */
    public boolean availableIn(RegionCode region) {
        return this != MINZHENGTONG || region.isNational() || region.value().startsWith("35");
    }

    /** Whether an addressee is reached on this channel through their portal account (else by phone, or by post). */
    public boolean needsAccount() {
        return this == IN_APP || this == WECHAT || this == MINZHENGTONG;
    }

    /** Whether an addressee is reached on this channel by their phone number. */
    public boolean needsPhone() {
        return this == SMS || this == HOTLINE;
    }
}
