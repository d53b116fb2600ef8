package org.shebao.hall.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hall's opening hours on a working day and the length of its appointment slots (parameters
 * {@code hall.openingHours}, {@code hall.slot.minutes}): slots start at the opening time, every {@code slotMinutes},
 * the last one ending by the closing time.
 */
public record OpeningHours(LocalTime opens, LocalTime closes, int slotMinutes) {
    public OpeningHours {
        if (!opens.isBefore(closes) || slotMinutes <= 0) {
            throw new IllegalArgumentException("opening hours " + opens + "-" + closes + " / " + slotMinutes);
        }
    }

    /** Parses {@code 09:00-17:00}. */
    public static OpeningHours parse(String hours, int slotMinutes) {
        String[] parts = hours.strip().split("-");
        try {
            return new OpeningHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), slotMinutes);
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("hall.openingHours must read HH:mm-HH:mm, was " + hours, e);
        }
    }

    /** The start of every slot of a day, in order. */
    public List<LocalTime> slotStarts() {
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime t = opens; !t.plusMinutes(slotMinutes).isAfter(closes) && !t.plusMinutes(slotMinutes).isBefore(t);
             t = t.plusMinutes(slotMinutes)) {
            starts.add(t);
        }
        return starts;
    }

    /** Whether a time is the start of one of the slots. */
    public boolean isSlotStart(LocalTime t) {
        return slotStarts().contains(t);
    }

    /** The slot a moment of the day falls in, if the hall is open then. */
    public java.util.Optional<LocalTime> slotAt(LocalTime t) {
        LocalTime found = null;
        for (LocalTime s : slotStarts()) {
            if (!t.isBefore(s) && t.isBefore(s.plusMinutes(slotMinutes))) {
                found = s;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
