package org.shebao.transfer;

import java.util.Map;
import java.util.Set;

/**
 * Where a transfer stands (国办发〔2009〕66号 暂行办法 第八条): applied at the receiving agency → contact letter sent
 * to the sending agency → record and funds sent → completed by the receiving agency; or refused by the receiving
 * agency, with its reason, before the letter.
 */
public enum TransferStatus {
    APPLIED, LETTER_SENT, FUNDS_SENT, COMPLETED, REFUSED;

    private static final Map<TransferStatus, Set<TransferStatus>> NEXT = Map.of(
            APPLIED, Set.of(LETTER_SENT, REFUSED),
            LETTER_SENT, Set.of(FUNDS_SENT),
            FUNDS_SENT, Set.of(COMPLETED),
            COMPLETED, Set.of(),
            REFUSED, Set.of());

    public boolean isOpen() {
        return this != COMPLETED && this != REFUSED;
    }

    public boolean canMoveTo(TransferStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whose step it is: the receiving agency (true), the sending one (false); null when closed. */
    public Boolean receivingActs() {
        return switch (this) {
            case APPLIED, FUNDS_SENT -> true;
            case LETTER_SENT -> false;
            default -> null;
        };
    }
}
