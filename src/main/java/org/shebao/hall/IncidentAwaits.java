package org.shebao.hall;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incident report waits for a level's acknowledgement (N-7, FJ-7): it was just reported up to that level
 * ({@code overdue} false), or the level let its time limit pass ({@code overdue} true). Published in the transaction of
 * the change; the notification module tells the level's users in-app: the city's hall managers (and the day's leaders
 * on duty, {@code dutyLeaders}), the province's administrators, the ministry's administrators.
 *
 * @param kind  the incident's kind ({@code hall.incident.kind.*} messages)
 * @param level the level that must acknowledge: CITY, PROVINCE or NATIONAL
 */
public record IncidentAwaits(long incidentId, String regionCode, String hallName, String kind, String level,
                             OffsetDateTime dueAt, boolean overdue, List<String> dutyLeaders) {
}
