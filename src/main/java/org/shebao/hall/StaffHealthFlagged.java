package org.shebao.hall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A staff member was flagged in the staff health ledger (SX-5): a fever at or above the threshold, or symptoms.
 * Published in the report's transaction; the notification module tells the hall managers of the city in-app.
 *
 * @param regionCode the hall's city
 * @param symptoms   the symptoms' codes (labelled by {@code hall.symptom.*} messages)
 */
public record StaffHealthFlagged(long reportId, long hallId, String regionCode, String staffName, LocalDate day,
                                 BigDecimal temperature, boolean fever, List<String> symptoms) {
}
