/**
 * Notifications (N-3d, N-6): every step of a case and every deadline fixed for an applicant becomes messages in an
 * outbox, written in the transaction of the change; channel adapters (in-app, SMS, WeChat) deliver them and record
 * what was sent. A staff member flagged in a hall's staff health ledger (SX-5, {@code hall.StaffHealthFlagged}) becomes an
 * in-app message to each hall manager of the city, read at {@code /messages}. Targeted notices ({@link
 * org.shebao.notification.Notices}): a publicity clerk's notice to an audience by rule ({@code common.AudienceSource},
 * answered by the modules owning the data) on the channels chosen, one outbox row per addressee and channel; the public
 * pages (published notices, FAQ) need no login.
 */
@ApplicationModule(displayName = "Notification")
package org.shebao.notification;

import org.springframework.modulith.ApplicationModule;
