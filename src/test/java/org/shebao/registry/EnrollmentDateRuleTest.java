package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.FieldViolation;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.policy.Emergency;
import org.shebao.policy.PolicyBook;

@DisplayName("Enrollment dates: backdating (FJ-5a) and late registration (N-5a), by clause")
class EnrollmentDateRuleTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final RegionCode TAIYUAN = new RegionCode("140100");
    private static final LocalDate DECLARED_FJ = LocalDate.of(2020, 1, 24);

    /** Fujian's emergency from 2020-01-24, lifted on {@code lifted} (null: not yet); Shanxi's from 2020-01-25. */
    private static List<Emergency> emergencies(LocalDate lifted) {
        return List.of(new Emergency(1, new RegionCode("350000"), "福建", DECLARED_FJ, null, lifted, 0),
                new Emergency(2, new RegionCode("140000"), "山西", LocalDate.of(2020, 1, 25), null, null, 0));
    }

    private record Outcome(EnrollmentDateRule.Decision decision, List<FieldViolation> violations) {
        List<String> codes() {
            return violations.stream().map(FieldViolation::code).toList();
        }
    }

    private static Outcome decide(RegionCode region, EnrollmentCategory category, LocalDate first, LocalDate start,
                                  String remark, LocalDate registeredOn, LocalDate lifted) {
        List<Emergency> all = emergencies(lifted);
        Violations v = Violations.of(Set.of());
        EnrollmentDateRule.Decision d = EnrollmentDateRule.decide(new EnrollmentDateRule.Facts(category, first, start,
                remark, registeredOn, 30,
                BOOK.measure(EnrollmentDateRule.BACKDATED, region, registeredOn, all),
                BOOK.measure(EnrollmentDateRule.LATE, region, registeredOn, all)), v);
        return new Outcome(d, v.list());
    }

    @Test
    @DisplayName("FJ-5a: employment from 2020-02-03, registered 2020-04-10, insured from 2020-02-03 with a remark: accepted, flagged FJ-5a and (67 days after the start, 37 late) N-5a")
    void backdatedInFujian() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 2, 3), LocalDate.of(2020, 2, 3),
                "疫情期间无法到窗口办理", LocalDate.of(2020, 4, 10), null);
        assertThat(o.violations()).isEmpty();
        assertThat(o.decision().flags()).isEqualTo("BACKDATED_ENROLLMENT:FJ-5a LATE_EMPLOYER_ENROLLMENT:N-5a");
        // 2020-02-03 + 30 days = 2020-03-04; 2020-03-04 → 2020-04-10 is 37 days
        assertThat(o.decision().daysLate()).isEqualTo(37);
    }

    @Test
    @DisplayName("FJ-5a: a backdated date without a remark is refused, naming the clause")
    void backdatedNeedsRemark() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 2, 3), LocalDate.of(2020, 2, 3),
                null, LocalDate.of(2020, 4, 10), null);
        assertThat(o.codes()).containsExactly("error.enrollment.backdatedNeedsRemark");
        assertThat(o.violations().get(0).field()).isEqualTo("remark");
        assertThat(o.violations().get(0).args()).containsExactly("FJ-5a");
    }

    @Test
    @DisplayName("FJ-5a: an employment that began before the emergency (2020-01-20 < 2020-01-24) cannot be backdated")
    void startBeforeEmergency() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 1, 20), LocalDate.of(2020, 1, 20),
                "补办", LocalDate.of(2020, 4, 10), null);
        assertThat(o.codes()).containsExactly("error.enrollment.backdatedStartBefore");
        assertThat(o.violations().get(0).field()).isEqualTo("employmentStart");
    }

    @Test
    @DisplayName("FJ-5a: after lifted (2020-04-30), an employment begun on 2020-05-06 is not during the emergency: refused")
    void startAfterLifted() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 5, 6), LocalDate.of(2020, 5, 6),
                "补办", LocalDate.of(2020, 7, 1), LocalDate.of(2020, 4, 30));
        assertThat(o.codes()).containsExactly("error.enrollment.backdatedStartOutside");
    }

    @Test
    @DisplayName("FJ-5a: the window ends lifted + 3 months (2020-07-30); registered 2020-07-31, a backdated date is refused")
    void windowClosed() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 2),
                "补办", LocalDate.of(2020, 7, 31), LocalDate.of(2020, 4, 30));
        assertThat(o.codes()).containsExactly("error.enrollment.backdatedNoMeasure");
        Outcome inTime = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 2),
                "补办", LocalDate.of(2020, 7, 30), LocalDate.of(2020, 4, 30));
        assertThat(inTime.violations()).isEmpty();
        assertThat(inTime.decision().flags()).contains("BACKDATED_ENROLLMENT:FJ-5a");
    }

    @Test
    @DisplayName("FJ-5a is Fujian's: in Taiyuan a backdated date is refused; N-5a still flags the late registration")
    void shanxiHasNoBackdating() {
        Outcome refused = decide(TAIYUAN, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 2, 3),
                LocalDate.of(2020, 2, 3), "补办", LocalDate.of(2020, 4, 10), null);
        assertThat(refused.codes()).containsExactly("error.enrollment.backdatedNoMeasure");
        Outcome current = decide(TAIYUAN, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 4, 1),
                LocalDate.of(2020, 2, 3), null, LocalDate.of(2020, 4, 10), null);
        assertThat(current.violations()).isEmpty();
        assertThat(current.decision().flags()).isEqualTo("LATE_EMPLOYER_ENROLLMENT:N-5a");
    }

    @Test
    @DisplayName("FJ-5a covers employees only: a flexible worker's date before the month of registration is refused")
    void flexibleNotBackdated() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.FLEXIBLE, LocalDate.of(2020, 3, 1), null, "补办",
                LocalDate.of(2020, 4, 10), null);
        assertThat(o.codes()).containsExactly("error.enrollment.backdatedNotEmployee");
    }

    @Test
    @DisplayName("社会保险法 第五十八条: registered on day 30 after the start is in time, no flag; the first day of the month is not backdated")
    void inTime() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 4, 1), LocalDate.of(2020, 3, 11),
                null, LocalDate.of(2020, 4, 10), null);
        assertThat(o.violations()).isEmpty();
        assertThat(o.decision().flags()).isEmpty();
        assertThat(o.decision().daysLate()).isZero();
    }

    @Test
    @DisplayName("N-5a: outside an emergency a late registration is accepted, counted late, and not flagged")
    void lateOutsideEmergency() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2021, 3, 1), LocalDate.of(2020, 12, 1),
                null, LocalDate.of(2021, 3, 5), LocalDate.of(2020, 4, 30));
        assertThat(o.violations()).isEmpty();
        assertThat(o.decision().flags()).isEmpty();
        assertThat(o.decision().daysLate()).isEqualTo(64);
    }

    @Test
    @DisplayName("the first-insured date cannot be before the employment began; the start is an employee's only")
    void startAndFirst() {
        Outcome o = decide(FUZHOU, EnrollmentCategory.EMPLOYEE, LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 5),
                null, LocalDate.of(2020, 4, 10), null);
        assertThat(o.codes()).containsExactly("error.enrollment.beforeEmploymentStart");
        Outcome flexible = decide(FUZHOU, EnrollmentCategory.FLEXIBLE, LocalDate.of(2020, 4, 1),
                LocalDate.of(2020, 4, 1), null, LocalDate.of(2020, 4, 10), null);
        assertThat(flexible.codes()).containsExactly("error.enrollment.startForEmployeesOnly");
    }
}
