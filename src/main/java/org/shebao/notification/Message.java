package org.shebao.notification;

import java.time.OffsetDateTime;

/** A message in the outbox, and what its channel adapter did with it. */
public record Message(long id, String recipientUser, Long personId, String phone, NotificationChannel channel,
                      String subject, String body, String link, OffsetDateTime createdAt, OffsetDateTime sentAt,
                      String delivery, OffsetDateTime readAt) {
}
