package org.shebao.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.shebao.common.Money;

/**
 * A pension transfer as stored: the person, the sending agency's region ({@code fromRegion}, where the record lies)
 * and the receiving agency's ({@code toRegion}), where it stands, the day of its last step and the day the next is
 * due; once the sending agency has computed it, whether a temporary account was kept and the amounts; once
 * completed, the months the receiving agency took over (each counted once).
 */
public record Transfer(long id, long personId, String fromRegion, String toRegion, TransferStatus status,
                       String channel, String flags, String appliedBy, OffsetDateTime appliedAt, LocalDate stepOn,
                       LocalDate dueOn, Boolean temporaryAccount, Money personalAccount, Money pooled,
                       Money transferred, Integer months, Integer mergedMonths, String refusalReason, int version) {

    /** The subject the transfer's documents are issued for. */
    public String subject() {
        return subject(id);
    }

    static String subject(long id) {
        return "transfer:" + id;
    }

    /** The region whose agency acts next, or null when closed. */
    public String actingRegion() {
        Boolean receiving = status.receivingActs();
        return receiving == null ? null : receiving ? toRegion : fromRegion;
    }

    public boolean overdueOn(LocalDate today) {
        return dueOn != null && today.isAfter(dueOn);
    }

    public boolean temporary() {
        return Boolean.TRUE.equals(temporaryAccount);
    }
}
