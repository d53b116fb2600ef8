package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.shebao.hall.internal.OpeningHours;
import org.shebao.hall.internal.ScreeningRule;
import org.shebao.hall.internal.SlotRule;
import org.shebao.hall.internal.SlotRule.Outcome;
import org.shebao.hall.internal.SlotRule.Slot;
import org.shebao.policy.ParameterValues.Range;

@DisplayName("Hall rules: slots (SX-5) and screening at the door (N-2, FJ-2)")
class HallRulesTest {
    static final OpeningHours HOURS = OpeningHours.parse("09:00-17:00", 60);
    static final LocalDate DAY = LocalDate.of(2020, 3, 2); // a Monday
    static final LocalDateTime NOW = DAY.atTime(10, 30);
    /** hall.booking.horizonDays as hall.yml has it. */
    static final int HORIZON = 30;

    @Nested
    @DisplayName("SX-5 people-flow control: slot availability")
    class SX5_Availability {
        @Test
        @DisplayName("opening hours 09:00-17:00 by 60 minutes give eight slots, 16:00 the last")
        void slots() {
            assertThat(HOURS.slotStarts()).hasSize(8).startsWith(LocalTime.of(9, 0)).endsWith(LocalTime.of(16, 0));
            assertThat(HOURS.slotAt(LocalTime.of(10, 59))).contains(LocalTime.of(10, 0));
            assertThat(HOURS.slotAt(LocalTime.of(17, 0))).isEmpty();
        }

        @Test
        @DisplayName("a later slot with a place is available; with none it is full")
        void availableOrFull() {
            assertThat(SlotRule.decide(DAY.atTime(11, 0), HOURS, true, 1, NOW, HORIZON)).isEqualTo(Outcome.AVAILABLE);
            assertThat(SlotRule.decide(DAY.atTime(11, 0), HOURS, true, 0, NOW, HORIZON)).isEqualTo(Outcome.FULL);
        }

        @Test
        @DisplayName("a slot that has begun (10:00 at 10:30) or passed is refused as past")
        void past() {
            assertThat(SlotRule.decide(DAY.atTime(10, 0), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.PAST);
            assertThat(SlotRule.decide(DAY.minusDays(1).atTime(11, 0), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.PAST);
        }

        @Test
        @DisplayName("outside the opening hours (08:00, 17:00, 11:30 not a slot start) refused; a rest day closed")
        void outsideHours() {
            assertThat(SlotRule.decide(DAY.plusDays(1).atTime(8, 0), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.OUTSIDE_HOURS);
            assertThat(SlotRule.decide(DAY.plusDays(1).atTime(17, 0), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.OUTSIDE_HOURS);
            assertThat(SlotRule.decide(DAY.plusDays(1).atTime(11, 30), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.OUTSIDE_HOURS);
            assertThat(SlotRule.decide(DAY.plusDays(5).atTime(11, 0), HOURS, false, 5, NOW, HORIZON)).isEqualTo(Outcome.CLOSED_DAY);
        }

        @Test
        @DisplayName("the booking horizon (hall.booking.horizonDays): the 30th day ahead may be booked, the 31st not; "
                + "a shorter horizon refuses earlier")
        void horizon() {
            assertThat(SlotRule.decide(DAY.plusDays(30).atTime(11, 0), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.AVAILABLE);
            assertThat(SlotRule.decide(DAY.plusDays(31).atTime(11, 0), HOURS, true, 5, NOW, HORIZON)).isEqualTo(Outcome.TOO_FAR);
            assertThat(SlotRule.decide(DAY.plusDays(8).atTime(11, 0), HOURS, true, 5, NOW, 7)).isEqualTo(Outcome.TOO_FAR);
        }
    }

    @Nested
    @DisplayName("SX-5 people-flow control: the nearest free slots suggested")
    class SX5_Suggestions {
        @Test
        @DisplayName("nearest first, the earlier of two at the same distance first; full, begun and the requested "
                + "slot left out; at most three")
        void nearest() {
            LocalDateTime requested = DAY.atTime(13, 0);
            List<Slot> slots = List.of(new Slot(DAY.atTime(9, 0), 5, 0), new Slot(DAY.atTime(11, 0), 5, 1),
                    new Slot(DAY.atTime(12, 0), 5, 5), new Slot(DAY.atTime(13, 0), 5, 5),
                    new Slot(DAY.atTime(14, 0), 5, 4), new Slot(DAY.atTime(15, 0), 5, 0),
                    new Slot(DAY.plusDays(1).atTime(13, 0), 5, 0));
            assertThat(SlotRule.nearestFree(requested, slots, NOW, 3))
                    .containsExactly(DAY.atTime(14, 0), DAY.atTime(11, 0), DAY.atTime(15, 0));
        }

        @Test
        @DisplayName("nothing free: no suggestion")
        void none() {
            assertThat(SlotRule.nearestFree(DAY.atTime(13, 0), List.of(new Slot(DAY.atTime(14, 0), 3, 3)), NOW, 3))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("N-2 / FJ-2 screening at the door: fever threshold and plausibility")
    class N2_FJ2_Screening {
        final BigDecimal threshold = new BigDecimal("37.3");
        final Range plausible = new Range(new BigDecimal("34.0"), new BigDecimal("42.0"));

        @Test
        @DisplayName("37.3 °C (at the threshold) and 37.5 °C: fever, not admitted; 37.2 °C and 36.5 °C admitted")
        void feverThreshold() {
            assertThat(ScreeningRule.decide(new BigDecimal("37.3"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.FEVER);
            assertThat(ScreeningRule.decide(new BigDecimal("37.5"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.FEVER);
            assertThat(ScreeningRule.decide(new BigDecimal("37.2"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.ADMIT);
            assertThat(ScreeningRule.decide(new BigDecimal("36.5"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.ADMIT);
        }

        @Test
        @DisplayName("45 °C and 30 °C are implausible (a measuring or typing error), refused before any decision")
        void plausibility() {
            assertThat(ScreeningRule.decide(new BigDecimal("45.0"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.IMPLAUSIBLE);
            assertThat(ScreeningRule.decide(new BigDecimal("30.0"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.IMPLAUSIBLE);
            assertThat(ScreeningRule.decide(new BigDecimal("42.0"), threshold, plausible)).isEqualTo(ScreeningRule.Outcome.FEVER);
        }
    }
}
