package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.registry.EmployerSize;
import org.shebao.policy.Deadline;
import org.shebao.policy.Emergency;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Parameters;
import org.shebao.policy.PolicyBook;
import org.shebao.policy.internal.YamlNode;
import org.springframework.core.io.ClassPathResource;

/**
 * The contribution rules on the shipped parameters (loaded as the policy module's own tests load them), no Spring
 * context. Average wages are the illustrative demo figures of wages.yml: Fujian 2019 4815.00 (floor 60% = 2889.00,
 * ceiling 300% = 14445.00), Shanxi 2019 4237.00 (floor 2542.20, ceiling 12711.00); a 2020 month uses 2019's.
 * Unemployment splits (illustrative): Fujian 0.5% / 0.5%, Shanxi 0.7% / 0.3%. Amounts 四舍五入 to the fen.
 */
@DisplayName("Contribution rules: base clamping, monthly assessment with the 2020 relief, late fee, FJ-1.5")
class ContributionRulesTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final Parameters P = BOOK.parameters();
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final RegionCode TAIYUAN = new RegionCode("140100");
    private static final AssessmentRule ASSESS = new AssessmentRule(P);
    private static final BaseRule BASE = new BaseRule(P);
    private static final LateFeeRule LATE = new LateFeeRule(P);
    private static final BackPayment2019Rule FJ_1_5 = new BackPayment2019Rule(P);

    private static Money yuan(String s) {
        return Money.yuan(s);
    }

    @Nested
    @DisplayName("缴费基数 (国办发〔2019〕13号 三): 60%–300% of the province's average wage of the year before")
    class Base {
        @Test
        @DisplayName("国办发〔2019〕13号: Fuzhou 2020-03, declared 2000.00 < floor 4815.00 × 60% = 2889.00: raised to 2889.00")
        void belowFloor() {
            BaseDecision d = BASE.clamp(FUZHOU, YearMonth.of(2020, 3), yuan("2000.00"));
            assertThat(d.outcome()).isEqualTo(BaseDecision.Outcome.RAISED_TO_FLOOR);
            assertThat(d.used()).isEqualTo(yuan("2889.00"));
            assertThat(d.floor()).isEqualTo(yuan("2889.00"));
            assertThat(d.averageWage()).isEqualTo(yuan("4815.00"));
            assertThat(d.wageYear()).isEqualTo(2019);
            assertThat(d.illustrative()).isTrue(); // the demo average wage
            assertThat(d.reason()).contains("低于缴费基数下限2889.00元").contains("60%").contains("2019年");
            assertThat(d.sources()).anyMatch(s -> s.contains("国办发〔2019〕13号"));
        }

        @Test
        @DisplayName("国办发〔2019〕13号: Fuzhou 2020-03, declared 20000.00 > ceiling 4815.00 × 300% = 14445.00: lowered to 14445.00")
        void aboveCeiling() {
            BaseDecision d = BASE.clamp(FUZHOU, YearMonth.of(2020, 3), yuan("20000.00"));
            assertThat(d.outcome()).isEqualTo(BaseDecision.Outcome.LOWERED_TO_CEILING);
            assertThat(d.used()).isEqualTo(yuan("14445.00"));
            assertThat(d.reason()).contains("高于缴费基数上限14445.00元").contains("300%");
        }

        @Test
        @DisplayName("国办发〔2019〕13号: within the range used as declared; Shanxi's floor 4237.00 × 0.6 = 2542.20 to the fen")
        void withinAndToTheFen() {
            BaseDecision within = BASE.clamp(FUZHOU, YearMonth.of(2020, 3), yuan("5000.00"));
            assertThat(within.clamped()).isFalse();
            assertThat(within.used()).isEqualTo(yuan("5000.00"));
            assertThat(within.reason()).isEmpty();
            BaseDecision floor = BASE.clamp(TAIYUAN, YearMonth.of(2020, 3), yuan("2542.19"));
            assertThat(floor.used()).isEqualTo(yuan("2542.20"));
            assertThat(BASE.clamp(TAIYUAN, YearMonth.of(2020, 3), yuan("2542.20")).clamped()).isFalse();
        }

        @Test
        @DisplayName("a negative declared base is refused; a month before the 2019-05-01 values is a missing parameter")
        void refusals() {
            assertThatThrownBy(() -> BASE.clamp(FUZHOU, YearMonth.of(2020, 3), yuan("-1.00")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BASE.clamp(FUZHOU, YearMonth.of(2019, 4), yuan("5000.00")))
                    .isInstanceOf(Parameters.MissingParameterException.class);
        }
    }

    @Nested
    @DisplayName("核定 with the 2020 relief (人社部发〔2020〕11号, 人社部发〔2020〕49号)")
    class Assess {
        @Test
        @DisplayName("人社部发〔2020〕11号 第一条: a small enterprise in Fuzhou, March 2020, base 5000.00, risk class 2: employer shares exempt")
        void smallEnterpriseMarch2020() {
            Assessment a = ASSESS.assess(AssessmentFacts.allThree(FUZHOU, EmployerSize.SMALL, 2, yuan("5000.00")),
                    YearMonth.of(2020, 3));
            // pension:      5000.00 × 16%  = 800.00 employer (exempt → 0.00), × 8% = 400.00 personal
            // unemployment: 5000.00 × 0.5% =  25.00 employer (exempt → 0.00), × 0.5% = 25.00 personal
            // work injury:  5000.00 × 0.4% =  20.00 employer (exempt → 0.00), no personal share
            assertThat(a.relief().kind()).isEqualTo(Relief.Kind.EXEMPT);
            Assessment.Line pension = a.line(Insurance.PENSION);
            assertThat(pension.employerFull()).isEqualTo(yuan("800.00"));
            assertThat(pension.employerRelieved()).isEqualTo(yuan("800.00"));
            assertThat(pension.employerDue()).isEqualTo(yuan("0.00"));
            assertThat(pension.personalDue()).isEqualTo(yuan("400.00"));
            assertThat(pension.reliefSource()).contains("人社部发〔2020〕11号").contains("人社部发〔2020〕49号");
            assertThat(pension.sources()).anyMatch(s -> s.contains("国办发〔2019〕13号"));
            assertThat(a.line(Insurance.UNEMPLOYMENT).employerFull()).isEqualTo(yuan("25.00"));
            assertThat(a.line(Insurance.UNEMPLOYMENT).personalDue()).isEqualTo(yuan("25.00"));
            Assessment.Line injury = a.line(Insurance.WORK_INJURY);
            assertThat(injury.employerFull()).isEqualTo(yuan("20.00"));
            assertThat(injury.personalDue()).isEqualTo(yuan("0.00"));
            assertThat(injury.sources()).anyMatch(s -> s.contains("人社部发〔2015〕71号"));
            // totals: employer 0.00 due, 845.00 relieved; personal 425.00
            assertThat(a.employerDue()).isEqualTo(yuan("0.00"));
            assertThat(a.employerRelieved()).isEqualTo(yuan("845.00"));
            assertThat(a.personalDue()).isEqualTo(yuan("425.00"));
            assertThat(a.totalDue()).isEqualTo(yuan("425.00"));
        }

        @Test
        @DisplayName("today's bills: a small enterprise in Taiyuan, November 2026, base 6000.00, risk class 3: no relief, the 1% unemployment rate continued (illustrative)")
        void taiyuanNovember2026() {
            Assessment a = ASSESS.assess(AssessmentFacts.allThree(TAIYUAN, EmployerSize.SMALL, 3, yuan("6000.00")),
                    YearMonth.of(2026, 11));
            // pension:      6000.00 × 16%  = 960.00 employer, × 8%   = 480.00 personal
            // unemployment: 6000.00 × 0.7% =  42.00 employer, × 0.3% =  18.00 personal (2026: illustrative value)
            // work injury:  6000.00 × 0.7% =  42.00 employer (class 3)
            assertThat(a.relief().kind()).isEqualTo(Relief.Kind.NONE);
            assertThat(a.employerDue()).isEqualTo(yuan("1044.00"));
            assertThat(a.personalDue()).isEqualTo(yuan("498.00"));
            assertThat(a.line(Insurance.UNEMPLOYMENT).employerDue()).isEqualTo(yuan("42.00"));
            assertThat(a.line(Insurance.UNEMPLOYMENT).personalDue()).isEqualTo(yuan("18.00"));
        }

        @Test
        @DisplayName("人社部发〔2020〕49号 第一条: a large enterprise in Taiyuan is halved in June 2020 and pays in full in July 2020")
        void largeEnterpriseJuneThenJuly() {
            AssessmentFacts f = AssessmentFacts.allThree(TAIYUAN, EmployerSize.LARGE, 3, yuan("6000.00"));
            Assessment june = ASSESS.assess(f, YearMonth.of(2020, 6));
            // pension:      6000.00 × 16%  = 960.00 → halved 480.00; personal × 8% = 480.00
            // unemployment: 6000.00 × 0.7% =  42.00 → halved  21.00; personal × 0.3% = 18.00
            // work injury:  6000.00 × 0.7% =  42.00 → halved  21.00 (class 3)
            assertThat(june.relief().kind()).isEqualTo(Relief.Kind.REDUCED);
            assertThat(june.relief().label()).isEqualTo("阶段性减半征收单位缴费");
            assertThat(june.line(Insurance.PENSION).employerDue()).isEqualTo(yuan("480.00"));
            assertThat(june.line(Insurance.UNEMPLOYMENT).employerDue()).isEqualTo(yuan("21.00"));
            assertThat(june.line(Insurance.UNEMPLOYMENT).personalDue()).isEqualTo(yuan("18.00"));
            assertThat(june.line(Insurance.WORK_INJURY).employerDue()).isEqualTo(yuan("21.00"));
            assertThat(june.employerDue()).isEqualTo(yuan("522.00"));
            assertThat(june.employerRelieved()).isEqualTo(yuan("522.00"));
            assertThat(june.personalDue()).isEqualTo(yuan("498.00"));
            assertThat(june.line(Insurance.PENSION).reliefSource()).contains("减半征收");

            Assessment july = ASSESS.assess(f, YearMonth.of(2020, 7));
            // 960.00 + 42.00 + 42.00 = 1044.00 employer, 498.00 personal, nothing relieved
            assertThat(july.relief().kind()).isEqualTo(Relief.Kind.NONE);
            assertThat(july.employerDue()).isEqualTo(yuan("1044.00"));
            assertThat(july.employerRelieved()).isEqualTo(yuan("0.00"));
            assertThat(july.personalDue()).isEqualTo(yuan("498.00"));
            assertThat(july.lines()).allSatisfy(l -> assertThat(l.reliefSource()).isNull());
        }

        @Test
        @DisplayName("人社部发〔2020〕11号 第一条 “中小微企业”: a medium enterprise counts with small and micro, exempt to 2020-12, full in 2021-01")
        void mediumEnterprise() {
            AssessmentFacts f = AssessmentFacts.allThree(FUZHOU, EmployerSize.MEDIUM, 1, yuan("5000.00"));
            Assessment december = ASSESS.assess(f, YearMonth.of(2020, 12));
            assertThat(december.relief().kind()).isEqualTo(Relief.Kind.EXEMPT);
            assertThat(december.employerDue()).isEqualTo(yuan("0.00"));
            // 2021-01 (base from Fujian 2020: 5056.00, floor 3033.60): 800.00 + 25.00 + 5000.00 × 0.2% = 10.00 → 835.00
            Assessment january = ASSESS.assess(f, YearMonth.of(2021, 1));
            assertThat(january.relief().kind()).isEqualTo(Relief.Kind.NONE);
            assertThat(january.employerDue()).isEqualTo(yuan("835.00"));
            // before the relief: January 2020 in full
            assertThat(ASSESS.assess(f, YearMonth.of(2020, 1)).employerDue()).isEqualTo(yuan("835.00"));
        }

        @Test
        @DisplayName("人社部发〔2020〕11号 第一条 “不含机关事业单位”: a public institution in Fuzhou, March 2020, pays in full")
        void publicInstitution() {
            Assessment a = ASSESS.assess(AssessmentFacts.allThree(FUZHOU, EmployerSize.PUBLIC_INSTITUTION, 1,
                    yuan("5000.00")), YearMonth.of(2020, 3));
            // 800.00 + 25.00 + 5000.00 × 0.2% = 10.00 → 835.00 employer; 400.00 + 25.00 = 425.00 personal
            assertThat(a.relief().kind()).isEqualTo(Relief.Kind.EXCLUDED);
            assertThat(a.relief().source()).contains("不含机关事业单位");
            assertThat(a.employerDue()).isEqualTo(yuan("835.00"));
            assertThat(a.employerRelieved()).isEqualTo(yuan("0.00"));
            assertThat(a.personalDue()).isEqualTo(yuan("425.00"));
            assertThat(a.lines()).allSatisfy(l -> assertThat(l.reliefSource()).isNull());
            // outside any relief period nothing needs saying
            assertThat(ASSESS.assess(AssessmentFacts.allThree(FUZHOU, EmployerSize.PUBLIC_INSTITUTION, 1,
                    yuan("5000.00")), YearMonth.of(2021, 3)).relief().kind()).isEqualTo(Relief.Kind.NONE);
        }

        @Test
        @DisplayName("国办发〔2019〕13号 三: the bill is on the clamped base; only the insurances the employee is enrolled in")
        void clampedBaseAndEnrolment() {
            Assessment a = ASSESS.assess(new AssessmentFacts(FUZHOU, EmployerSize.LARGE, 8,
                    EnumSet.of(Insurance.PENSION, Insurance.WORK_INJURY), yuan("20000.00")), YearMonth.of(2020, 8));
            // base 14445.00: pension 14445.00 × 16% = 2311.20 employer, × 8% = 1155.60 personal;
            // work injury class 8: 14445.00 × 1.9% = 274.455 → 274.46 (HALF_UP)
            assertThat(a.base().used()).isEqualTo(yuan("14445.00"));
            assertThat(a.lines()).extracting(Assessment.Line::insurance)
                    .containsExactly(Insurance.PENSION, Insurance.WORK_INJURY);
            assertThat(a.line(Insurance.PENSION).employerDue()).isEqualTo(yuan("2311.20"));
            assertThat(a.line(Insurance.PENSION).personalDue()).isEqualTo(yuan("1155.60"));
            assertThat(a.line(Insurance.WORK_INJURY).employerDue()).isEqualTo(yuan("274.46"));
            assertThatThrownBy(() -> a.line(Insurance.UNEMPLOYMENT)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AssessmentFacts.allThree(FUZHOU, EmployerSize.LARGE, 9, yuan("1.00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("人社部发〔2020〕11号 第二条 (Hubei, a parameter example in the test fixtures): a large enterprise exempt in April 2020")
        void hubeiExample() {
            Jurisdictions withHubei = new Jurisdictions(new ClassPathResource("contribution/hubei/jurisdictions.yml"));
            List<YamlNode> files = new ArrayList<>(Parameters.files());
            files.addAll(Parameters.files(Path.of("src/test/resources/contribution/hubei/parameters")));
            AssessmentRule rule = new AssessmentRule(Parameters.from(files, withHubei));
            RegionCode hubei = new RegionCode("420000");
            Assessment april = rule.assess(AssessmentFacts.allThree(hubei, EmployerSize.LARGE, 1, yuan("5000.00")),
                    YearMonth.of(2020, 4));
            // 800.00 + 5000.00 × 0.7% = 35.00 + 5000.00 × 0.2% = 10.00 → 845.00 relieved, 0.00 due
            assertThat(april.relief().kind()).isEqualTo(Relief.Kind.EXEMPT);
            assertThat(april.relief().source()).contains("湖北省");
            assertThat(april.employerDue()).isEqualTo(yuan("0.00"));
            assertThat(april.employerRelieved()).isEqualTo(yuan("845.00"));
            // elsewhere the same month is halved: the Hubei value overrides the national one only in Hubei
            assertThat(rule.assess(AssessmentFacts.allThree(FUZHOU, EmployerSize.LARGE, 1, yuan("5000.00")),
                    YearMonth.of(2020, 4)).employerDue()).isEqualTo(yuan("417.50"));
            // July 2020 in Hubei: large enterprises pay in full again
            assertThat(rule.assess(AssessmentFacts.allThree(hubei, EmployerSize.LARGE, 1, yuan("5000.00")),
                    YearMonth.of(2020, 7)).employerDue()).isEqualTo(yuan("845.00"));
        }
    }

    @Nested
    @DisplayName("滞纳金 (社会保险法 第八十六条) and its waiver (N-5c / FJ-5c)")
    class LateFee {
        /** Fujian's emergency with an assumed lifted date 2020-04-30: lifted + 3 months = 2020-07-30 (Thursday). */
        private final Emergency fujian = new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24),
                null, LocalDate.of(2020, 4, 30), 0);
        private final Deadline liftedPlus3 = BOOK.deadline(BOOK.rule("LIFTED_PLUS_3_MONTHS"), fujian);
        private final List<String> clauses = List.of("N-5c", "FJ-5c");

        @Test
        @DisplayName("社会保险法 第八十六条: 1234.56 due 2020-03-15, paid 2020-04-20: 36 days × 0.05% → 22.22")
        void lateFeeToTheFen() {
            // days 2020-03-16 … 2020-04-20 = 16 + 20 = 36; 1234.56 × 0.0005 × 36 = 22.22208 → 22.22
            LateFeeDecision d = LATE.fee(FUZHOU, yuan("1234.56"), LocalDate.of(2020, 3, 15),
                    LocalDate.of(2020, 4, 20), null);
            assertThat(d.days()).isEqualTo(36);
            assertThat(d.computed()).isEqualTo(yuan("22.22"));
            assertThat(d.charged()).isEqualTo(yuan("22.22"));
            assertThat(d.isWaived()).isFalse();
            assertThat(d.sources()).containsExactly("社会保险法 第八十六条（自欠缴之日起，按日加收万分之五的滞纳金）");
        }

        @Test
        @DisplayName("社会保险法 第八十六条: rounded once, half up (10.00 × 0.05% × 1 day = 0.005 → 0.01); paid on the due date: none")
        void roundingAndOnTime() {
            assertThat(LATE.fee(FUZHOU, yuan("10.00"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 3, 16), null)
                    .charged()).isEqualTo(yuan("0.01"));
            LateFeeDecision onTime = LATE.fee(FUZHOU, yuan("1234.56"), LocalDate.of(2020, 3, 15),
                    LocalDate.of(2020, 3, 15), null);
            assertThat(onTime.days()).isZero();
            assertThat(onTime.charged()).isEqualTo(yuan("0.00"));
        }

        @Test
        @DisplayName("N-5c / FJ-5c: the same arrears paid on 2020-07-30 (lifted 2020-04-30 + 3 months): 84.57 computed, all waived")
        void waivedWithinLiftedPlusThreeMonths() {
            LocalDate paid = LocalDate.of(2020, 7, 30);
            assertThat(liftedPlus3.dueOn()).isEqualTo(paid);
            LateFeeWaiver waiver = LateFeeWaiver.paidByDeadline(liftedPlus3, paid, clauses).orElseThrow();
            // days 2020-03-16 … 2020-07-30 = 16 + 30 + 31 + 30 + 30 = 137; 1234.56 × 0.0005 × 137 = 84.56736 → 84.57
            LateFeeDecision d = LATE.fee(FUZHOU, yuan("1234.56"), LocalDate.of(2020, 3, 15), paid, waiver);
            assertThat(d.days()).isEqualTo(137);
            assertThat(d.computed()).isEqualTo(yuan("84.57"));
            assertThat(d.waived()).isEqualTo(yuan("84.57"));
            assertThat(d.charged()).isEqualTo(yuan("0.00"));
            assertThat(d.isWaived()).isTrue();
            assertThat(d.sources()).contains("N-5c", "FJ-5c");
            assertThat(d.waiver().reason()).contains("2020-07-30");
        }

        @Test
        @DisplayName("N-5c: one day after lifted + 3 months (2020-07-31) the normal rule applies: 138 days → 85.18")
        void oneDayAfter() {
            LocalDate paid = LocalDate.of(2020, 7, 31);
            assertThat(LateFeeWaiver.paidByDeadline(liftedPlus3, paid, clauses)).isEmpty();
            // 1234.56 × 0.0005 × 138 = 85.18464 → 85.18
            LateFeeDecision d = LATE.fee(FUZHOU, yuan("1234.56"), LocalDate.of(2020, 3, 15), paid, null);
            assertThat(d.days()).isEqualTo(138);
            assertThat(d.charged()).isEqualTo(yuan("85.18"));
        }

        @Test
        @DisplayName("N-5c: while the lifted date is unknown the deadline is pending, so a payment is in time; a deferral waives too")
        void pendingAndDeferral() {
            Deadline pending = BOOK.deadline(BOOK.rule("LIFTED_PLUS_3_MONTHS"), new Emergency(1,
                    new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null, null, 0));
            assertThat(LateFeeWaiver.paidByDeadline(pending, LocalDate.of(2021, 1, 1), clauses)).isPresent();
            LateFeeDecision d = LATE.fee(FUZHOU, yuan("1234.56"), LocalDate.of(2020, 3, 15),
                    LocalDate.of(2020, 4, 20), LateFeeWaiver.deferral("缓缴 2020-001"));
            assertThat(d.charged()).isEqualTo(yuan("0.00"));
            assertThat(d.sources()).contains("人社部发〔2020〕11号 第三条");
        }
    }

    @Nested
    @DisplayName("FJ-1.5: 2019 unemployment back-payment declarations until 2020-02-29")
    class BackPayment {
        @Test
        @DisplayName("FJ-1.5: declared in Fuzhou on 2020-02-29: accepted")
        void lastDayAccepted() {
            BackPaymentDecision d = FJ_1_5.decide(FUZHOU, 2019, LocalDate.of(2020, 2, 29));
            assertThat(d.outcome()).isEqualTo(BackPaymentDecision.Outcome.ACCEPTED);
            assertThat(d.lastDay()).isEqualTo(LocalDate.of(2020, 2, 29));
            assertThat(d.sources()).containsExactly("FJ-1.5");
        }

        @Test
        @DisplayName("FJ-1.5: declared in Fuzhou on 2020-03-01: refused with the clause")
        void dayAfterRefused() {
            BackPaymentDecision d = FJ_1_5.decide(FUZHOU, 2019, LocalDate.of(2020, 3, 1));
            assertThat(d.outcome()).isEqualTo(BackPaymentDecision.Outcome.REFUSED);
            assertThat(d.accepted()).isFalse();
            assertThat(d.reason()).contains("2020-02-29").contains("FJ-1.5").contains("不予受理");
        }

        @Test
        @DisplayName("FJ-1.5 governs neither Shanxi nor another contribution year")
        void notGoverned() {
            assertThat(FJ_1_5.decide(TAIYUAN, 2019, LocalDate.of(2020, 3, 1)).outcome())
                    .isEqualTo(BackPaymentDecision.Outcome.NOT_GOVERNED);
            assertThat(FJ_1_5.decide(FUZHOU, 2018, LocalDate.of(2020, 3, 1)).outcome())
                    .isEqualTo(BackPaymentDecision.Outcome.NOT_GOVERNED);
        }
    }
}
