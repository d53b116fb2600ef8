package org.shebao.recovery;

import java.time.OffsetDateTime;
import org.shebao.common.Money;
import org.shebao.ledger.Fund;

/** A recovery case as stored: who owes what to which fund, why, from where, and how much is left. */
public record Recovery(long id, String regionCode, long personId, String personName, Fund fund, Cause cause,
                       String sourceRef, String caseRef, Long paidOrder, String clauses, Money amount, Money balance,
                       RecoveryStatus status, Long deductOrder, String bookedAs, String openedBy,
                       OffsetDateTime openedAt, OffsetDateTime noticeAt, int version) {
    public boolean closed() {
        return status == RecoveryStatus.CLOSED;
    }

    /** What was collected or written off so far. */
    public Money settled() {
        return amount.minus(balance);
    }
}
