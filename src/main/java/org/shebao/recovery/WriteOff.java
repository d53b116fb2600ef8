package org.shebao.recovery;

import java.time.OffsetDateTime;
import org.shebao.common.Money;

/** A write-off request and its decision by a second user (maker-checker). */
public record WriteOff(long id, long caseId, Money amount, String reason, String status, String requestedBy,
                       OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt) {
    public boolean open() {
        return "REQUESTED".equals(status);
    }
}
