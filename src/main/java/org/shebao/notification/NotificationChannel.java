package org.shebao.notification;

/** Where a message goes. */
public enum NotificationChannel {
    IN_APP, SMS, WECHAT
}
