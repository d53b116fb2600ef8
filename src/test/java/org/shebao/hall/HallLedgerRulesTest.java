package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.shebao.hall.internal.HygieneRule;
import org.shebao.hall.internal.HygieneRule.Status;
import org.shebao.hall.internal.StaffHealthRule;
import org.shebao.hall.internal.StaffHealthRule.Outcome;
import org.shebao.hall.internal.SupplyRule;
import org.shebao.hall.internal.Symptom;
import org.shebao.policy.ParameterValues.Range;

@DisplayName("Hall ledger rules: hygiene checks and supplies (N-2, FJ-2, SX-5), staff health (SX-5)")
class HallLedgerRulesTest {
    static final LocalDate DAY = LocalDate.of(2020, 3, 2);
    /** hall.fever.threshold and hall.temperature.plausible as hall.yml has them. */
    static final BigDecimal THRESHOLD = new BigDecimal("37.3");
    static final Range PLAUSIBLE = new Range(new BigDecimal("34.0"), new BigDecimal("42.0"));

    @Nested
    @DisplayName("N-2 / FJ-2 / SX-5 hygiene ledger: a check is done, due, or overdue once its time has passed")
    class N2_Hygiene {
        @Test
        @DisplayName("N-2: a check not done by 09:00 is overdue at 09:01, still due at 08:59 and at 09:00 sharp")
        void overdueAfterItsTime() {
            LocalDateTime due = DAY.atTime(9, 0);
            assertThat(HygieneRule.status(due, false, DAY.atTime(9, 1))).isEqualTo(Status.OVERDUE);
            assertThat(HygieneRule.status(due, false, DAY.atTime(8, 59))).isEqualTo(Status.DUE);
            assertThat(HygieneRule.status(due, false, DAY.atTime(9, 0))).isEqualTo(Status.DUE);
        }

        @Test
        @DisplayName("N-2: a check done is done, whenever it was done (late is recorded with its time)")
        void doneIsDone() {
            assertThat(HygieneRule.status(DAY.atTime(9, 0), true, DAY.atTime(16, 0))).isEqualTo(Status.DONE);
        }

        @Test
        @DisplayName("SX-5: the due times of a parameter are read sorted and once each; a malformed value is an error of the file")
        void dueTimes() {
            assertThat(HygieneRule.parseTimes("14:00, 09:00,11:00,09:00"))
                    .containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(14, 0));
            assertThatThrownBy(() -> HygieneRule.parseTimes("9 o'clock")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("N-2 / SX-5 protective supplies: never issue more than the stock; a warning below the minimum")
    class N2_Supplies {
        @Test
        @DisplayName("N-2: an issue up to the stock is allowed, one more than the stock or of nothing is not")
        void issue() {
            assertThat(SupplyRule.mayIssue(10, 10)).isTrue();
            assertThat(SupplyRule.mayIssue(10, 11)).isFalse();
            assertThat(SupplyRule.mayIssue(10, 0)).isFalse();
        }

        @Test
        @DisplayName("SX-5: a stock below the minimum warns, at the minimum it does not")
        void low() {
            assertThat(SupplyRule.low(199, 200)).isTrue();
            assertThat(SupplyRule.low(200, 200)).isFalse();
        }
    }

    @Nested
    @DisplayName("SX-5 staff health ledger: a fever (37.3 °C) or a symptom flags the person; implausible refused")
    class SX5_StaffHealth {
        @Test
        @DisplayName("SX-5: 37.6 °C is a fever, flagged; 37.3 °C sharp too; 37.2 °C with no symptom is well")
        void fever() {
            assertThat(StaffHealthRule.decide(new BigDecimal("37.6"), Set.of(), THRESHOLD, PLAUSIBLE)).isEqualTo(Outcome.FEVER);
            assertThat(StaffHealthRule.decide(new BigDecimal("37.3"), Set.of(), THRESHOLD, PLAUSIBLE)).isEqualTo(Outcome.FEVER);
            assertThat(StaffHealthRule.decide(new BigDecimal("37.2"), Set.of(), THRESHOLD, PLAUSIBLE)).isEqualTo(Outcome.WELL);
            assertThat(StaffHealthRule.flagged(Outcome.FEVER)).isTrue();
            assertThat(StaffHealthRule.flagged(Outcome.WELL)).isFalse();
        }

        @Test
        @DisplayName("SX-5: a normal temperature with a cough is flagged for the symptom")
        void symptoms() {
            Outcome o = StaffHealthRule.decide(new BigDecimal("36.5"), EnumSet.of(Symptom.COUGH), THRESHOLD, PLAUSIBLE);
            assertThat(o).isEqualTo(Outcome.SYMPTOMS);
            assertThat(StaffHealthRule.flagged(o)).isTrue();
        }

        @Test
        @DisplayName("SX-5 / N-2: 45 °C and 30 °C are implausible, as at the door, whatever the symptoms")
        void implausible() {
            assertThat(StaffHealthRule.decide(new BigDecimal("45.0"), Set.of(), THRESHOLD, PLAUSIBLE)).isEqualTo(Outcome.IMPLAUSIBLE);
            assertThat(StaffHealthRule.decide(new BigDecimal("30.0"), EnumSet.of(Symptom.FATIGUE), THRESHOLD, PLAUSIBLE))
                    .isEqualTo(Outcome.IMPLAUSIBLE);
        }
    }
}
