package org.shebao.hall.internal;

import java.time.LocalDateTime;
import java.util.List;
import org.shebao.common.ConflictException;

/** The slot has no place left (409): with the nearest free slots of the hall to offer instead. */
public class SlotFullException extends ConflictException {
    private final long hallId;
    private final List<LocalDateTime> alternatives;

    public SlotFullException(long hallId, List<LocalDateTime> alternatives, String alternativesText) {
        super("time", alternatives.isEmpty() ? "error.hall.full.none" : "error.hall.full", alternativesText);
        this.hallId = hallId;
        this.alternatives = List.copyOf(alternatives);
    }

    public long hallId() {
        return hallId;
    }

    public List<LocalDateTime> alternatives() {
        return alternatives;
    }
}
