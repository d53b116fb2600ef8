package org.shebao.settlement;

import java.time.OffsetDateTime;
import java.util.List;
import org.shebao.common.Money;

/** A sampled item, in the order drawn, with its second review once made (by whom, when). */
public record AuditItem(long id, long sampleId, String itemRegion, int position, String ref, String caseRef,
                        String label, List<String> clauses, Money amount, Finding finding, Money errorAmount,
                        String note, String reviewedBy, OffsetDateTime reviewedAt) {
    public boolean reviewed() {
        return finding != null;
    }
}
