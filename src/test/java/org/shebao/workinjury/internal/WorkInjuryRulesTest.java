package org.shebao.workinjury.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.shebao.policy.CivilPeriods;
import org.shebao.policy.PolicyBook;
import org.shebao.workinjury.Applicant;
import org.shebao.workinjury.ClaimChannel;
import org.shebao.workinjury.Due;
import org.shebao.workinjury.internal.ApplicationTimeRule.Claim;
import org.shebao.workinjury.internal.AppraisalDeadlineRule.Suspension;

/** The work-injury time limits as pure rules, each computed by hand on the 2020 holiday calendar. */
@DisplayName("Work-injury time limits (工伤保险条例 第十七、二十、二十五、二十六条; FJ-6a/b/c; N-4)")
class WorkInjuryRulesTest {
    private static final CivilPeriods P = PolicyBook.load().periods();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Nested
    @DisplayName("第十七条 filing limits")
    class Filing {
        @Test
        @DisplayName("第十七条: the employer within 30 days of the injury (3-2 → 4-1), a day later is late")
        void employer30Days() {
            Due in = FilingLimitRule.limit(Applicant.EMPLOYER, d("2020-03-02"), d("2020-04-01"), 30, 1, P);
            assertThat(in.dueOn()).isEqualTo(d("2020-04-01"));
            assertThat(in.movedFrom()).isNull();
            assertThat(FilingLimitRule.inTime(in)).isTrue();
            assertThat(FilingLimitRule.inTime(FilingLimitRule.limit(Applicant.EMPLOYER, d("2020-03-02"),
                    d("2020-04-02"), 30, 1, P))).isFalse();
        }

        @Test
        @DisplayName("第十七条 with 民法典 第二百零三条: 30 days ending on Labour Day (5-1) end on 5-6")
        void employerEndOnHoliday() {
            Due due = FilingLimitRule.limit(Applicant.EMPLOYER, d("2020-04-01"), d("2020-05-06"), 30, 1, P);
            assertThat(due.dueOn()).isEqualTo(d("2020-05-06"));
            assertThat(due.movedFrom()).isEqualTo(d("2020-05-01"));
            assertThat(FilingLimitRule.inTime(due)).isTrue();
        }

        @Test
        @DisplayName("第十七条: the worker or family within 1 year (2019-4-4 → 2020-4-4, Qingming → 4-7)")
        void worker1Year() {
            Due due = FilingLimitRule.limit(Applicant.FAMILY, d("2019-04-04"), d("2020-04-07"), 30, 1, P);
            assertThat(due.dueOn()).isEqualTo(d("2020-04-07"));
            assertThat(due.movedFrom()).isEqualTo(d("2020-04-04"));
            assertThat(due.rule()).isEqualTo("FILING_WORKER");
            assertThat(FilingLimitRule.inTime(due)).isTrue();
        }
    }

    @Nested
    @DisplayName("FJ-6c application time")
    class ApplicationTime {
        private final List<Claim> claims = List.of(new Claim(ClaimChannel.WINDOW, d("2020-03-05")),
                new Claim(ClaimChannel.POSTMARK, d("2020-03-03")), new Claim(ClaimChannel.PHONE, d("2020-03-02")));

        @Test
        @DisplayName("FJ-6c: the earliest of phone call, postmark and online submission counts, and decides the "
                + "limit (injury 1-31 + 30 days = 3-1, a Sunday → 3-2: the phone call of 3-2 is in time)")
        void earliestCounts() {
            Claim at = ApplicationTimeRule.applicationTime(claims, true).orElseThrow();
            assertThat(at).isEqualTo(new Claim(ClaimChannel.PHONE, d("2020-03-02")));
            Due limit = FilingLimitRule.limit(Applicant.EMPLOYER, d("2020-01-31"), at.on(), 30, 1, P);
            assertThat(limit.dueOn()).isEqualTo(d("2020-03-02"));
            assertThat(FilingLimitRule.inTime(limit)).isTrue();
        }

        @Test
        @DisplayName("without FJ-6c a phone call is no application: the postmark of 3-3 counts, which is late")
        void withoutFj6c() {
            Claim at = ApplicationTimeRule.applicationTime(claims, false).orElseThrow();
            assertThat(at.channel()).isEqualTo(ClaimChannel.POSTMARK);
            assertThat(FilingLimitRule.inTime(FilingLimitRule.limit(Applicant.EMPLOYER, d("2020-01-31"), at.on(),
                    30, 1, P))).isFalse();
            assertThat(ApplicationTimeRule.applicationTime(List.of(new Claim(ClaimChannel.PHONE, d("2020-03-02"))),
                    false)).isEmpty();
        }
    }

    @Nested
    @DisplayName("第二十条 decision deadline and the green channel")
    class Decision {
        @Test
        @DisplayName("第二十条: 60 days from acceptance (3-2 → 5-1, Labour Day → 5-6)")
        void sixtyDays() {
            Due due = DecisionDeadlineRule.due(d("2020-03-02"), false, List.of(), 60, 15, 3, P);
            assertThat(due.dueOn()).isEqualTo(d("2020-05-06"));
            assertThat(due.movedFrom()).isEqualTo(d("2020-05-01"));
            assertThat(due.rule()).isEqualTo("DECISION");
            assertThat(due.clauses()).isEmpty();
        }

        @Test
        @DisplayName("第二十条第二款: 15 days when the facts are clear (3-2 → 3-17)")
        void clearFacts() {
            Due due = DecisionDeadlineRule.due(d("2020-03-02"), true, List.of(), 60, 15, 3, P);
            assertThat(due.dueOn()).isEqualTo(d("2020-03-17"));
            assertThat(due.rule()).isEqualTo("DECISION_CLEAR_FACTS");
        }

        @Test
        @DisplayName("N-4 / FJ-4: the green channel's 3 working days (accepted Friday 1-23 → 2-5, the extended "
                + "Spring Festival skipped), citing its clauses")
        void greenChannel() {
            Due due = DecisionDeadlineRule.due(d("2020-01-23"), true, List.of("N-4", "FJ-4"), 60, 15, 3, P);
            assertThat(due.dueOn()).isEqualTo(d("2020-02-05"));
            assertThat(due.rule()).isEqualTo("DECISION_GREEN_CHANNEL");
            assertThat(due.clauses()).containsExactly("N-4", "FJ-4");
        }
    }

    @Nested
    @DisplayName("第二十五条 conclusion deadline, FJ-6a suspensions")
    class Conclusion {
        private final List<Suspension> threeWeeks = List.of(
                new Suspension(d("2020-02-01"), d("2020-02-21"), "疫情防控，暂缓现场鉴定"));

        @Test
        @DisplayName("第二十五条: 60 days from the application (1-10 → 3-10)")
        void sixtyDays() {
            Due due = AppraisalDeadlineRule.due(d("2020-01-10"), 60, false, 30, List.of(), List.of("FJ-6a"), P);
            assertThat(due.dueOn()).isEqualTo(d("2020-03-10"));
            assertThat(due.clauses()).isEmpty();
            assertThat(due.note()).isNull();
        }

        @Test
        @DisplayName("FJ-6a: an appraisal whose 60-day deadline crosses a suspension of 21 days (2-1 to 2-21): "
                + "3-10 + 21 days = 3-31, shown with the reason")
        void crossesSuspension() {
            Due due = AppraisalDeadlineRule.due(d("2020-01-10"), 60, false, 30, threeWeeks, List.of("FJ-6a"), P);
            assertThat(due.dueOn()).isEqualTo(d("2020-03-31"));
            assertThat(due.rule()).isEqualTo("CONCLUSION_SUSPENDED");
            assertThat(due.ruleArgs()).containsExactly("60", "30", "21");
            assertThat(due.clauses()).containsExactly("FJ-6a");
            assertThat(due.note()).contains("21日").contains("疫情防控，暂缓现场鉴定");
        }

        @Test
        @DisplayName("第二十五条: extended once by 30 days (1-10 → 4-9), and by the suspension too (→ 4-30)")
        void extended() {
            assertThat(AppraisalDeadlineRule.due(d("2020-01-10"), 60, true, 30, List.of(), List.of("FJ-6a"), P).dueOn())
                    .isEqualTo(d("2020-04-09"));
            assertThat(AppraisalDeadlineRule.due(d("2020-01-10"), 60, true, 30, threeWeeks, List.of("FJ-6a"), P).dueOn())
                    .isEqualTo(d("2020-04-30"));
        }

        @Test
        @DisplayName("FJ-6a: suspended days before the application do not count; a part inside the period does "
                + "(applied 2-11: 2-12 to 2-21 is 10 days, 4-11 + 10 = 4-21)")
        void partly() {
            Due due = AppraisalDeadlineRule.due(d("2020-02-11"), 60, false, 30, threeWeeks, List.of("FJ-6a"), P);
            assertThat(due.dueOn()).isEqualTo(d("2020-04-21"));
            assertThat(due.ruleArgs()).containsExactly("60", "30", "10");
            assertThat(AppraisalDeadlineRule.due(d("2020-03-01"), 60, false, 30, threeWeeks, List.of("FJ-6a"), P)
                    .dueOn()).isEqualTo(d("2020-04-30"));
        }
    }

    @Nested
    @DisplayName("第二十六条 re-appraisal window, FJ-6b")
    class Reappraisal {
        @Test
        @DisplayName("第二十六条: 15 days from receiving the conclusion (2020-11-2 → 11-17)")
        void fifteenDays() {
            Due due = ReappraisalWindowRule.window(d("2020-11-02"), 15, true, d("2020-01-24"), d("2020-02-26"), 15,
                    List.of("FJ-6b"), P);
            assertThat(due.dueOn()).isEqualTo(d("2020-11-17"));
            assertThat(due.clauses()).isEmpty();
        }

        @Test
        @DisplayName("FJ-6b: a window ending during the emergency (received 2-20, ordinary end 3-6) is pending while "
                + "the level-1 end is unknown, then ends 15 days after it: entered as 9-16, 10-1 is National Day → 10-9")
        void pendingThenConcreteOverHoliday() {
            Due pending = ReappraisalWindowRule.window(d("2020-02-20"), 15, true, d("2020-01-24"), null, 15,
                    List.of("FJ-6b"), P);
            assertThat(pending.pending()).isTrue();
            assertThat(pending.status(d("2020-09-30"))).isEqualTo(Due.Status.PENDING);
            assertThat(pending.clauses()).containsExactly("FJ-6b");
            Due concrete = ReappraisalWindowRule.window(d("2020-02-20"), 15, true, d("2020-01-24"), d("2020-09-16"), 15,
                    List.of("FJ-6b"), P);
            assertThat(concrete.dueOn()).isEqualTo(d("2020-10-09"));
            assertThat(concrete.movedFrom()).isEqualTo(d("2020-10-01"));
            assertThat(concrete.rule()).isEqualTo("REAPPRAISAL_LEVEL1");
        }

        @Test
        @DisplayName("FJ-6b does not move a window ending after the level-1 end, nor where it is not in force")
        void notMoved() {
            assertThat(ReappraisalWindowRule.window(d("2020-02-20"), 15, true, d("2020-01-24"), d("2020-02-26"), 15,
                    List.of("FJ-6b"), P).dueOn()).isEqualTo(d("2020-03-06"));
            assertThat(ReappraisalWindowRule.window(d("2020-02-20"), 15, false, d("2020-01-25"), null, 15,
                    List.of(), P).dueOn()).isEqualTo(d("2020-03-06"));
        }
    }
}
