package org.shebao.casework;

import java.util.EnumSet;
import java.util.Set;
import org.shebao.common.ConflictException;

/**
 * The workflow's steps, each with the statuses it may start from and the status it leads to: the one table of
 * legal transitions (submitted → accepted or returned once → resubmitted → accepted → pre-reviewed → approved; an
 * accepted or pre-reviewed case may be rejected). A step's name is the action its history entry records.
 */
public enum CaseStep {
    ACCEPT(CaseStatus.ACCEPTED, CaseStatus.SUBMITTED),
    RETURN(CaseStatus.RETURNED, CaseStatus.SUBMITTED),
    RESUBMIT(CaseStatus.SUBMITTED, CaseStatus.RETURNED),
    PRE_REVIEW(CaseStatus.PRE_REVIEWED, CaseStatus.ACCEPTED),
    APPROVE(CaseStatus.APPROVED, CaseStatus.PRE_REVIEWED),
    REJECT(CaseStatus.REJECTED, CaseStatus.ACCEPTED, CaseStatus.PRE_REVIEWED);

    private final CaseStatus to;
    private final Set<CaseStatus> from;

    CaseStep(CaseStatus to, CaseStatus first, CaseStatus... more) {
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    public CaseStatus to() {
        return to;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** The status this step leads to from {@code status}; a step the status does not allow is a conflict (409). */
    CaseStatus from(CaseStatus status) {
        if (!allowedFrom(status)) {
            throw new ConflictException("status", "error.case.status", status.name());
        }
        return to;
    }
}
