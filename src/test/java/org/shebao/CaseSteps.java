package org.shebao;

import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseWorkflow;
import org.springframework.stereotype.Component;

/**
 * The agency's steps on a case as staff take them through the real workflow, each on the case's current version:
 * for tests whose subject is what a decision does, not the workflow itself.
 */
@Component
@RequiredArgsConstructor
public class CaseSteps {
    private final CaseWorkflow workflow;
    private final CaseQueries queries;
    private final TestUsers staff;

    public Case accept(String clerk, long caseId) {
        return workflow.accept(staff.get(clerk), caseId, version(clerk, caseId));
    }

    public Case preReview(String clerk, long caseId, String note) {
        return workflow.preReview(staff.get(clerk), caseId, version(clerk, caseId), note);
    }

    public Case approve(String reviewer, long caseId) {
        return workflow.approve(staff.get(reviewer), caseId, version(reviewer, caseId));
    }

    /** Accepted by one clerk, pre-reviewed by a second (with the note), approved by a reviewer. */
    public Case decide(long caseId, String clerk, String clerk2, String note, String reviewer) {
        accept(clerk, caseId);
        preReview(clerk2, caseId, note);
        return approve(reviewer, caseId);
    }

    private int version(String user, long caseId) {
        return queries.get(staff.get(user), caseId).version();
    }
}
