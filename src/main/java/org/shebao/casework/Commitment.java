package org.shebao.casework;

import java.time.OffsetDateTime;
import org.shebao.policy.Deadline;
import java.time.LocalDate;

/**
 * A commitment letter (承诺书, SX-3) covering a missing material, and its line in the deferred-materials ledger:
 * the deadline (lifted + 3 months, pending while unknown) and, once it came, when and how the material arrived.
 */
public record Commitment(long id, long caseId, String caseReference, CaseType caseType, String applicantName,
                         String applicantId, String regionCode, String item, String letter, String clauses,
                         String signedBy, OffsetDateTime signedAt, OffsetDateTime arrivedAt, String arrivedVia,
                         Boolean arrivedLate, Deadline deadline) {

    /** Where the line stands on a day: PENDING (no deadline yet), OPEN, OVERDUE, ARRIVED, ARRIVED_LATE. */
    public String state(LocalDate today) {
        if (arrivedAt != null) {
            return Boolean.TRUE.equals(arrivedLate) ? "ARRIVED_LATE" : "ARRIVED";
        }
        return deadline == null ? "PENDING" : deadline.status(today).name();
    }
}
