/**
 * Notifications (N-3d, N-6): every step of a case and every deadline fixed for an applicant becomes messages in an
 * outbox, written in the transaction of the change; channel adapters (in-app, SMS, WeChat) deliver them and record
 * what was sent.
 */
@ApplicationModule(displayName = "Notification")
package org.shebao.notification;

import org.springframework.modulith.ApplicationModule;
