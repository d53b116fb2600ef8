package org.shebao.policy;

import org.shebao.policy.internal.DeadlineCalculus;
import org.shebao.policy.internal.TimeLimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;

@DisplayName("Policy rules: deadlines, measures and parameters, by clause")
class PolicyRulesTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final RegionCode XIAMEN = new RegionCode("350200");
    private static final RegionCode TAIYUAN = new RegionCode("140100");
    private static final RegionCode XINZHOU = new RegionCode("140900");

    private static Emergency fujian(LocalDate level1, LocalDate lifted) {
        return new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), level1, lifted, 0);
    }

    private static Emergency shanxi(LocalDate level1, LocalDate lifted) {
        return new Emergency(2, new RegionCode("140000"), "山西", LocalDate.of(2020, 1, 25), level1, lifted, 0);
    }

    @Test
    @DisplayName("N-5c / SX-3: while liftedOn is unknown the deadline is pending and nothing is overdue")
    void pendingDeadline() {
        Deadline d = BOOK.deadline(BOOK.rule("LIFTED_PLUS_3_MONTHS"), fujian(null, null));
        assertThat(d.isPending()).isTrue();
        assertThat(d.status(LocalDate.of(2030, 1, 1))).isEqualTo(Deadline.Status.PENDING);
        assertThat(d.inTime(LocalDate.of(2030, 1, 1))).isTrue();
    }

    @Test
    @DisplayName("N-5c: lifted 2020-04-30 + 3 months = 2020-07-30; overdue from 2020-07-31")
    void liftedPlusThreeMonths() {
        Deadline d = BOOK.deadline(BOOK.rule("LIFTED_PLUS_3_MONTHS"), fujian(null, LocalDate.of(2020, 4, 30)));
        assertThat(d.dueOn()).isEqualTo(LocalDate.of(2020, 7, 30));
        assertThat(d.movedFrom()).isNull();
        assertThat(d.status(LocalDate.of(2020, 7, 30))).isEqualTo(Deadline.Status.OPEN);
        assertThat(d.status(LocalDate.of(2020, 7, 31))).isEqualTo(Deadline.Status.OVERDUE);
    }

    @Test
    @DisplayName("民法典 第二百零二条: 2020-11-30 + 3 months ends on 2021-02-28 (month end), a Sunday, so 2021-03-01")
    void monthEndThenWeekend() {
        DeadlineCalculus.End end = BOOK.calculus().endOf(LocalDate.of(2020, 11, 30), TimeLimit.months(3));
        assertThat(end.movedFrom()).isEqualTo(LocalDate.of(2021, 2, 28));
        assertThat(end.dueOn()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(end.calendarKnown()).isTrue();
    }

    @Test
    @DisplayName("FJ-6b: level-1 end 2020-09-16 + 15 days falls on National Day, so 2020-10-09")
    void level1PlusFifteenDaysOverNationalDay() {
        Deadline d = BOOK.deadline(BOOK.rule("LEVEL1_ENDED_PLUS_15_DAYS"), fujian(LocalDate.of(2020, 9, 16), null));
        assertThat(d.dueOn()).isEqualTo(LocalDate.of(2020, 10, 9));
        assertThat(d.movedFrom()).isEqualTo(LocalDate.of(2020, 10, 1));
    }

    @Test
    @DisplayName("民法典 第二百零三条: a 调休 working Sunday (2020-09-27) is not moved; a year without a calendar says so")
    void makeUpDayAndUnknownYear() {
        assertThat(BOOK.calculus().endOf(LocalDate.of(2020, 9, 12), TimeLimit.days(15)).movedFrom()).isNull();
        DeadlineCalculus.End far = BOOK.calculus().endOf(LocalDate.of(2030, 1, 1), TimeLimit.days(4)); // Saturday
        assertThat(far.dueOn()).isEqualTo(LocalDate.of(2030, 1, 7));
        assertThat(far.calendarKnown()).isFalse();
    }

    @Test
    @DisplayName("民法典 第二百零三条 over 2020–2026: every year has its State Council calendar; a month from 2023-09-01 "
            + "ends on National Day and moves to the 调休 Saturday 2023-10-07; 2024-02-04 (Sunday) is a working day")
    void calendarEveryYear() {
        for (int year = 2020; year <= 2026; year++) {
            assertThat(BOOK.calendar().knows(year)).as("calendar of " + year).isTrue();
            assertThat(BOOK.calendar().years().get(year).source()).contains("国办发明电");
        }
        DeadlineCalculus.End end = BOOK.calculus().endOf(LocalDate.of(2023, 9, 1), TimeLimit.months(1));
        assertThat(end.dueOn()).isEqualTo(LocalDate.of(2023, 10, 7));
        assertThat(end.movedFrom()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(BOOK.calendar().isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
        assertThat(BOOK.calendar().isWorkingDay(LocalDate.of(2022, 10, 7))).isFalse();
    }

    @Test
    @DisplayName("N-1c / FJ-1.1: no suspension for a missed certification while the emergency lasts, not after liftedOn")
    void noSuspension() {
        List<Emergency> open = List.of(fujian(null, null));
        MeasureStatus s = BOOK.measure("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", FUZHOU, LocalDate.of(2020, 3, 1), open);
        assertThat(s.inForce()).isTrue();
        assertThat(s.clauses()).containsExactly("N-1c", "FJ-1.1");
        assertThat(s.untilPending()).isTrue();
        List<Emergency> lifted = List.of(fujian(null, LocalDate.of(2020, 4, 30)));
        assertThat(BOOK.measure("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", FUZHOU, LocalDate.of(2020, 4, 30), lifted).inForce()).isTrue();
        MeasureStatus after = BOOK.measure("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", FUZHOU, LocalDate.of(2020, 5, 1), lifted);
        assertThat(after.inForce()).isFalse();
        assertThat(after.reason()).isEqualTo("measure.reason.ended");
        assertThat(BOOK.measure("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", TAIYUAN, LocalDate.of(2020, 3, 1), open).inForce())
                .as("Fujian's emergency does not cover Taiyuan").isFalse();
    }

    @Test
    @DisplayName("SX-1a overrides N-1d's window in Shanxi: arrears after a late declaration until lifted + 3 months")
    void shanxiOverride() {
        List<Emergency> all = List.of(shanxi(null, LocalDate.of(2020, 5, 31)), fujian(null, LocalDate.of(2020, 4, 30)));
        MeasureStatus sx = BOOK.measure("ARREARS_AFTER_LATE_DECLARATION", XINZHOU, LocalDate.of(2020, 8, 31), all);
        assertThat(sx.inForce()).isTrue();
        assertThat(sx.clauses()).containsExactly("N-1d", "SX-1a");
        assertThat(sx.until()).isEqualTo(LocalDate.of(2020, 8, 31));
        MeasureStatus fj = BOOK.measure("ARREARS_AFTER_LATE_DECLARATION", XIAMEN, LocalDate.of(2020, 5, 1), all);
        assertThat(fj.inForce()).isFalse();
        assertThat(fj.until()).isEqualTo(LocalDate.of(2020, 4, 30));
    }

    @Test
    @DisplayName("FJ-5a: backdated enrollment is in force in Fujian while the emergency runs (its end pending), and Fujian only")
    void backdatedEnrollmentFujianOnly() {
        List<Emergency> all = List.of(shanxi(null, null), fujian(null, null));
        MeasureStatus fz = BOOK.measure("BACKDATED_ENROLLMENT", FUZHOU, LocalDate.of(2020, 3, 1), all);
        assertThat(fz.clauses()).containsExactly("FJ-5a");
        assertThat(fz.inForce()).isTrue();
        assertThat(fz.untilPending()).isTrue();
        assertThat(fz.measure().waitsFor()).isNull();
        MeasureStatus sx = BOOK.measure("BACKDATED_ENROLLMENT", TAIYUAN, LocalDate.of(2020, 3, 1), all);
        assertThat(sx.inForce()).isFalse();
        assertThat(sx.reason()).isEqualTo("measure.reason.notHere");
    }

    @Test
    @DisplayName("Parameter lookup (not a rule): a province value (FJ-1.3 standard) is inherited by its cities, absent in other provinces")
    void prepaymentStandard() {
        LocalDate d = LocalDate.of(2020, 3, 1);
        ParameterValue fz = BOOK.parameters().require("pension.prepayment.enterprise.monthly", FUZHOU, d);
        assertThat(fz.value()).isEqualTo(new BigDecimal("1800.00"));
        assertThat(fz.source()).isEqualTo("FJ-1.3");
        assertThat(fz.region()).isEqualTo(new RegionCode("350000"));
        assertThat(BOOK.parameters().money("pension.prepayment.enterprise.monthly", XIAMEN, d)).isEqualTo(Money.yuan(1800));
        assertThat(BOOK.parameters().find("pension.prepayment.enterprise.monthly", TAIYUAN, d)).isEmpty();
    }

    @Test
    @DisplayName("Retirement age: 60 for men born 1964-12; 60 years 1 month for January 1965 (2024-09-13 decision)")
    void retirementAge() {
        assertThat(BOOK.parameters().retirementDate("retirement.age.male", FUZHOU, LocalDate.of(1964, 12, 15)))
                .isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(BOOK.parameters().retirementDate("retirement.age.male", FUZHOU, LocalDate.of(1965, 1, 10)))
                .isEqualTo(LocalDate.of(2025, 2, 10));
    }
}
