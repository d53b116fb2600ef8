package org.shebao.casework;

import java.util.List;

/**
 * Published (in the transaction of the change) at every step of a case: the notification module tells the
 * applicant (N-3d). {@code personId} is the person told ({@link Case#notifiedPersonId}): on a claim about another
 * person (a deceased recipient's survivors' claim) the applicant, not the person the case is about.
 */
public record CaseStatusChanged(long caseId, String reference, CaseType type, Long personId, String applicantUser,
                                String action, CaseStatus from, CaseStatus to, String reason, List<String> missing) {
}
