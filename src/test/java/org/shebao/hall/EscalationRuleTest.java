package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.hall.internal.EscalationRule;
import org.shebao.hall.internal.IncidentKind;
import org.shebao.hall.internal.IncidentLevel;

@DisplayName("Incidents reported upward (N-7, FJ-7): where an acknowledgement sends a report, and when it is overdue")
class EscalationRuleTest {
    @Test
    @DisplayName("N-7 / FJ-7: a suspected case acknowledged by the city goes to the province (FJ-7: 报省厅), which "
            + "settles it unless it reports further to the ministry; the ministry is the top")
    void suspectedCase() {
        assertThat(EscalationRule.next(IncidentKind.SUSPECTED_CASE, IncidentLevel.CITY, false)).isEqualTo(IncidentLevel.PROVINCE);
        assertThat(EscalationRule.next(IncidentKind.SUSPECTED_CASE, IncidentLevel.PROVINCE, false)).isNull();
        assertThat(EscalationRule.next(IncidentKind.SUSPECTED_CASE, IncidentLevel.PROVINCE, true)).isEqualTo(IncidentLevel.NATIONAL);
        assertThat(EscalationRule.next(IncidentKind.SUSPECTED_CASE, IncidentLevel.NATIONAL, true)).isNull();
    }

    @Test
    @DisplayName("N-7: crowding and complaints are the city's: its acknowledgement settles them unless it reports further")
    void crowdingAndComplaints() {
        for (IncidentKind k : new IncidentKind[]{IncidentKind.CROWDING, IncidentKind.COMPLAINT}) {
            assertThat(EscalationRule.mustReach(k)).isEqualTo(IncidentLevel.CITY);
            assertThat(EscalationRule.next(k, IncidentLevel.CITY, false)).isNull();
            assertThat(EscalationRule.next(k, IncidentLevel.CITY, true)).isEqualTo(IncidentLevel.PROVINCE);
        }
    }

    @Test
    @DisplayName("N-7: overdue only while waiting and after the limit; at the limit itself still in time")
    void overdue() {
        OffsetDateTime due = OffsetDateTime.of(2020, 2, 3, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        assertThat(EscalationRule.overdue(true, due, due)).isFalse();
        assertThat(EscalationRule.overdue(true, due, due.plusMinutes(1))).isTrue();
        assertThat(EscalationRule.overdue(false, due, due.plusDays(1))).isFalse();
    }

    @Test
    @DisplayName("N-7: the level holding a report or one above closes it, whether open or acknowledged; a level below, a "
            + "user of no level, or a report already closed: not")
    void whoCloses() {
        assertThat(EscalationRule.mayClose("OPEN", IncidentLevel.CITY, IncidentLevel.CITY)).isTrue();
        assertThat(EscalationRule.mayClose("OPEN", IncidentLevel.CITY, IncidentLevel.PROVINCE)).isTrue();
        assertThat(EscalationRule.mayClose("ACKNOWLEDGED", IncidentLevel.PROVINCE, IncidentLevel.NATIONAL)).isTrue();
        assertThat(EscalationRule.mayClose("OPEN", IncidentLevel.PROVINCE, IncidentLevel.CITY)).isFalse();
        assertThat(EscalationRule.mayClose("OPEN", IncidentLevel.CITY, null)).isFalse();
        assertThat(EscalationRule.mayClose("CLOSED", IncidentLevel.CITY, IncidentLevel.NATIONAL)).isFalse();
    }
}
