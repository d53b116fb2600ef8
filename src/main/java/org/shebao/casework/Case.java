package org.shebao.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An application (办件) of any business type, as stored. */
public record Case(long id, String reference, CaseType type, Long personId, Long employerId, String regionCode,
                   Channel channel, String submittedBy, String applicantUser, OffsetDateTime receivedAt,
                   CaseStatus status, int priority, LocalDate dueOn, List<CaseFlag> flags, Map<String, String> form,
                   List<String> missing, boolean returnedOnce, String acceptedBy, String decidedBy,
                   String decisionReason, int version) {
    /**
     * The form field the intake writes on a claim about another person ({@link CaseTypeHandler#subject}): the
     * applicant's person id, who signs, follows and is told of the case.
     */
    public static final String APPLICANT_PERSON_ID = "applicantPersonId";

    /** The person told of the case's steps: the applicant of a claim about another person, else the case's person. */
    public Long notifiedPersonId() {
        String applicant = form == null ? null : form.get(APPLICANT_PERSON_ID);
        return applicant != null ? Long.valueOf(applicant) : personId;
    }

    public boolean hasFlag(String code) {
        return flags.stream().anyMatch(f -> f.code().equals(code));
    }

    public boolean greenChannel() {
        return hasFlag(CaseFlags.GREEN_CHANNEL);
    }
}
