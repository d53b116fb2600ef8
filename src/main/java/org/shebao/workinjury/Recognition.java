package org.shebao.workinjury;

import java.time.LocalDate;

/** A recognition application (工伤认定申请) as stored: facts, application day, acceptance and decision. */
public record Recognition(long id, String regionCode, long personId, LocalDate injuredOn, String description,
                          Applicant applicant, boolean medicalWorker, boolean infectedAtWork, boolean sentToArea,
                          String greenClauses, RecognitionStatus status, LocalDate appliedOn, String appliedRule,
                          LocalDate acceptedOn, Boolean clearFacts, LocalDate decidedOn, String decidedByName,
                          String decisionSource, String decisionNumber, String decisionNote, int version) {

    public boolean greenChannel() {
        return greenClauses != null && !greenClauses.isBlank();
    }
}
