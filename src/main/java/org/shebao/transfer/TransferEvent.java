package org.shebao.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A step of a transfer as its history keeps it: what was done, from which status to which, by whom, when. */
public record TransferEvent(String action, TransferStatus fromStatus, TransferStatus toStatus, String actor,
                            OffsetDateTime at, String detail) {
    /** The day the step was done, in the platform's zone. */
    public LocalDate day(java.time.ZoneId zone) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }
}
