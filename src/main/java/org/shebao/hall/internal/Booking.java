package org.shebao.hall.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** A booking of a slot (or a walk-in's place), with its code for the door. */
public record Booking(long id, String regionCode, long hallId, String hallName, String hallNameEn, LocalDate day,
                      LocalTime startsAt, LocalTime endsAt, String code, String service, String holderKind,
                      String visitorName, String visitorIdMasked, String status, OffsetDateTime bookedAt) {
    public boolean isBooked() {
        return "BOOKED".equals(status);
    }
}
