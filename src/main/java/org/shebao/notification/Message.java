package org.shebao.notification;

import java.time.OffsetDateTime;

/** A message in the outbox, and what its channel adapter did with it (a targeted notice's: its notice). */
public record Message(long id, String recipientUser, Long personId, String phone, NotificationChannel channel,
                      String subject, String body, String link, OffsetDateTime createdAt, OffsetDateTime sentAt,
                      String delivery, OffsetDateTime readAt, Long noticeId) {
}
