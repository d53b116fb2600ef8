package org.shebao.casework;

import java.time.LocalDate;
import java.util.function.BiFunction;
import org.shebao.common.RegionCode;
import org.shebao.policy.Parameters;

/**
 * The day a case is due: the time limit of its type in working days from the day it was received, or, for a case
 * in the green channel (N-4, SX-4, FJ-4), the green channel's shorter limit; both are parameters, and working days
 * skip the statutory holidays and count 调休 working weekends (the holiday calendar).
 */
public final class CaseDueDate {
    static final String GREEN_TIME_LIMIT = "casework.timeLimit.greenChannel";

    private CaseDueDate() {
    }

    /**
     * @param typeTimeLimit the parameter of the type's own time limit
     * @param plusWorkingDays the calendar's "n working days after a day"
     */
    public static LocalDate of(String typeTimeLimit, boolean greenChannel, RegionCode region, LocalDate received,
                               Parameters parameters, BiFunction<LocalDate, Integer, LocalDate> plusWorkingDays) {
        int days = parameters.integer(greenChannel ? GREEN_TIME_LIMIT : typeTimeLimit, region, received);
        return plusWorkingDays.apply(received, days);
    }
}
