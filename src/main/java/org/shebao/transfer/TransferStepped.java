package org.shebao.transfer;

import java.time.LocalDate;

/**
 * A transfer moved to a new status (after commit): the notification module tells the person. {@code dueOn}: when the
 * next step is due (null when closed); {@code toAgency}/{@code fromAgency}: the agencies' names as the person reads
 * them; {@code reason}: a refusal's reason, else null.
 */
public record TransferStepped(long transferId, long personId, TransferStatus status, String fromAgency,
                              String toAgency, LocalDate dueOn, boolean temporaryAccount, String reason) {
}
