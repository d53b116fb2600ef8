package org.shebao.workinjury;

import java.time.LocalDate;

/** A labour-capacity appraisal (劳动能力鉴定) or re-appraisal of a recognized injury, as stored. */
public record Appraisal(long id, String regionCode, long recognitionId, long personId, Long reappraisalOf,
                        boolean concluded, LocalDate appliedOn, boolean extended, String extensionReason,
                        Integer grade, NursingLevel nursingLevel, LocalDate concludedOn, LocalDate receivedOn,
                        String conclusionSha256, String reappraisalClauses, int version) {
}
