package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.RegionCode;
import org.shebao.policy.PolicyBook;

@DisplayName("Case due dates: the type's time limit, or the green channel's (N-4, SX-4, FJ-4), in working days")
class CaseDueDateTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final RegionCode XIAMEN = new RegionCode("350200");
    private static final RegionCode XINZHOU = new RegionCode("140900");

    private static LocalDate due(boolean green, RegionCode region, LocalDate received) {
        return CaseDueDate.of("casework.timeLimit.workInjury", green, region, received, BOOK.parameters(),
                BOOK.calculus()::plusWorkingDays);
    }

    @Test
    @DisplayName("N-4 / FJ-4: received 2026-09-30, green channel due 2026-10-10 (National Day skipped, the 调休 "
            + "Saturday counts); the ordinary work-injury case 2026-10-27")
    void overNationalDay() {
        LocalDate received = LocalDate.of(2026, 9, 30);
        assertThat(due(true, XIAMEN, received)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(due(false, XIAMEN, received)).isEqualTo(LocalDate.of(2026, 10, 27));
    }

    @Test
    @DisplayName("N-4 / SX-4: received 2026-02-12, green channel due 2026-02-24 (Spring Festival 2/15–2/23 skipped, "
            + "the 调休 Saturday 2/14 counts)")
    void overSpringFestival() {
        assertThat(due(true, XINZHOU, LocalDate.of(2026, 2, 12))).isEqualTo(LocalDate.of(2026, 2, 24));
    }
}
