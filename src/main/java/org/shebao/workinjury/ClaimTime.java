package org.shebao.workinjury;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One recorded time an application reached the department (FJ-6c), with its evidence and who recorded it. */
public record ClaimTime(long id, ClaimChannel channel, LocalDate claimedOn, String evidenceSha256, String evidenceNote,
                        String recordedByName, OffsetDateTime recordedAt) {
}
