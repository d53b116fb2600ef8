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

    public boolean hasFlag(String code) {
        return flags.stream().anyMatch(f -> f.code().equals(code));
    }

    public boolean greenChannel() {
        return hasFlag(CaseFlags.GREEN_CHANNEL);
    }
}
