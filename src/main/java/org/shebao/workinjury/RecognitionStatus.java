package org.shebao.workinjury;

import java.util.Map;
import java.util.Set;

/** The states of a recognition application and the one table of its legal moves. */
public enum RecognitionStatus {
    APPLIED, ACCEPTED, RECOGNIZED, NOT_RECOGNIZED;

    private static final Map<RecognitionStatus, Set<RecognitionStatus>> NEXT = Map.of(
            APPLIED, Set.of(ACCEPTED),
            ACCEPTED, Set.of(RECOGNIZED, NOT_RECOGNIZED),
            RECOGNIZED, Set.of(),
            NOT_RECOGNIZED, Set.of());

    public boolean canMoveTo(RecognitionStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean decided() {
        return this == RECOGNIZED || this == NOT_RECOGNIZED;
    }
}
