package org.shebao.hall.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.shebao.policy.Implements;

/**
 * Incidents reported upward (N-7: 应急处理机制，重大疫情事件报告上级部门; FJ-7: 向省厅报告). A report is held by one
 * level at a time, which acknowledges it within its time limit (parameters hall.incident.acknowledge.*.minutes) or
 * the report shows overdue. Where it goes after an acknowledgement:
 * <ul>
 *   <li>a suspected case goes up to the province at least (N-7: the superior department; FJ-7: the provincial
 *       department): the city's acknowledgement forwards it;</li>
 *   <li>crowding and complaints are the city's to handle: its acknowledgement settles them;</li>
 *   <li>any level below the ministry may also choose to report further up (e.g. a province reporting a cluster to
 *       the ministry); the ministry is the top.</li>
 * </ul>
 * Pure: the level, the kind and the acknowledger's choice are arguments.
 */
@Implements(measure = "HALL_DUTY_AND_ESCALATION", rule = "事件逐级报告：疑似病例由市级确认后报省厅，拥挤、投诉由市级处理；各级在时限内确认，逾时标为逾期，确认以先到者为准",
        ruleEn = "Incidents reported upward: a suspected case goes from the city to the province, crowding and complaints stay with the city; each level acknowledges in time or it shows overdue, the first acknowledgement wins")
public final class EscalationRule {
    /** The clauses this rule rests on. */
    public static final List<String> CLAUSES = List.of("N-7", "FJ-7");

    private EscalationRule() {
    }

    /** The highest level the report must reach, whatever the levels below choose. */
    public static IncidentLevel mustReach(IncidentKind kind) {
        return kind == IncidentKind.SUSPECTED_CASE ? IncidentLevel.PROVINCE : IncidentLevel.CITY;
    }

    /** After {@code level} acknowledged: the next level it goes to, or null when the acknowledgement settles it. */
    public static IncidentLevel next(IncidentKind kind, IncidentLevel level, boolean reportFurther) {
        if (level == IncidentLevel.NATIONAL) {
            return null;
        }
        return reportFurther || level.compareTo(mustReach(kind)) < 0 ? level.up() : null;
    }

    /**
     * Who may close a report (with its resolution): a user of the level holding it or of a level above; a report
     * already closed is closed for good.
     */
    public static boolean mayClose(String status, IncidentLevel holding, IncidentLevel user) {
        return !"CLOSED".equals(status) && user != null && user.compareTo(holding) >= 0;
    }

    /** Overdue: still waiting for the level's acknowledgement after its time limit. */
    public static boolean overdue(boolean open, OffsetDateTime dueAt, OffsetDateTime now) {
        return open && dueAt != null && now.isAfter(dueAt);
    }
}
