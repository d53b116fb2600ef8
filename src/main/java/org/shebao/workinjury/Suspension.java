package org.shebao.workinjury;

import java.time.LocalDate;

/** FJ-6a: a period on-site appraisal was suspended in a jurisdiction (both days included), with the reason. */
public record Suspension(long id, String regionCode, LocalDate startsOn, LocalDate endsOn, String reason,
                         String clauses, String recordedByName) {

    public long days() {
        return endsOn.toEpochDay() - startsOn.toEpochDay() + 1;
    }
}
