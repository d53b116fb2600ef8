package org.shebao.casework;

import java.util.List;

/**
 * Published (in the transaction of the change) at every step of a case: the notification module tells the
 * applicant (N-3d).
 */
public record CaseStatusChanged(long caseId, String reference, CaseType type, Long personId, String applicantUser,
                                String action, CaseStatus from, CaseStatus to, String reason, List<String> missing) {
}
