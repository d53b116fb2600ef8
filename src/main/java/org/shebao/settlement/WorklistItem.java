package org.shebao.settlement;

import java.time.OffsetDateTime;
import java.util.List;
import org.shebao.common.Money;

/** An item of a settlement worklist, open or closed by a decision (by whom, when, with a note). */
public record WorklistItem(long id, String regionCode, long emergencyId, String kind, String ref, String caseRef,
                           String label, List<String> clauses, Money amount, OffsetDateTime openedAt,
                           Decision decision, String decidedBy, OffsetDateTime decidedAt, String note) {
    public boolean open() {
        return decision == null;
    }
}
