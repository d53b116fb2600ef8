package org.shebao.casework;

import java.time.LocalDate;

/** Published when the deadline of a commitment (SX-3) becomes known or changes, for the applicant to be told. */
public record CommitmentDeadlineChanged(long caseId, String reference, Long personId, String applicantUser,
                                        String item, LocalDate dueOn) {
}
