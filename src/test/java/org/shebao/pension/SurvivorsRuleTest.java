package org.shebao.pension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.PolicyBook;

@DisplayName("社会保险法 第十七条（丧葬补助金和抚恤金）、第十四条（个人账户余额继承）: the survivors' amounts, by hand")
class SurvivorsRuleTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final LocalDate DIED = LocalDate.of(2019, 1, 20);

    private static SurvivorsRule.Decision decide(String region, SurvivorsRule.Facts f) {
        RegionCode r = new RegionCode(region);
        ParameterValue grant = BOOK.parameters().require("pension.survivors.funeralGrant", r, f.diedOn());
        ParameterValue months = BOOK.parameters().require("pension.survivors.benefitMonths", r, f.diedOn());
        return SurvivorsRule.decide(f, grant, months);
    }

    @Test
    @DisplayName("社会保险法 第十七条、第十四条 (Taiyuan, Shanxi's illustrative standard): grant 3,000.00; benefit 9 × "
            + "2,345.67 = 21,111.03; balance 80,000.00 less 575.54 × 13 months drawn = 7,482.02 → inherited 72,517.98")
    void taiyuan() {
        SurvivorsRule.Decision d = decide("140100", new SurvivorsRule.Facts(Money.yuan("2345.67"), DIED,
                Money.yuan("80000.00"), Money.yuan("575.54"), 13));
        assertThat(d.funeralGrant()).isEqualTo(Money.yuan("3000.00"));
        assertThat(d.survivorsBenefit()).isEqualTo(Money.yuan("21111.03"));
        assertThat(d.drawn()).isEqualTo(Money.yuan("7482.02"));
        assertThat(d.inheritance()).isEqualTo(Money.yuan("72517.98"));
        assertThat(d.grants()).isEqualTo(Money.yuan("24111.03"));
        assertThat(d.total()).isEqualTo(Money.yuan("96629.01"));
        assertThat(d.illustrative()).as("the standards are not confirmed: the decision says so").isTrue();
        assertThat(d.clauses()).containsExactly("社会保险法 第十七条", "社会保险法 第十四条");
        assertThat(d.lines()).extracting(SurvivorsRule.Line::code).containsExactly("diedOn", "funeralGrant",
                "monthlyPension", "benefitMonths", "survivorsBenefit", "accountBalance", "accountPart", "monthsPaid",
                "drawn", "inheritance");
        assertThat(d.lines()).filteredOn(l -> l.code().equals("funeralGrant")).singleElement()
                .satisfies(l -> assertThat(l.source()).contains("社会保险法 第十七条").contains("示意"));
    }

    @Test
    @DisplayName("社会保险法 第十七条 (Fuzhou, Fujian's illustrative standard): grant 5,000.00; benefit 10 × 1,800.00")
    void fuzhou() {
        SurvivorsRule.Decision d = decide("350100", new SurvivorsRule.Facts(Money.yuan("1800.00"), DIED,
                Money.yuan("1000.00"), Money.yuan("100.00"), 2));
        assertThat(d.funeralGrant()).isEqualTo(Money.yuan("5000.00"));
        assertThat(d.survivorsBenefit()).isEqualTo(Money.yuan("18000.00"));
        assertThat(d.inheritance()).isEqualTo(Money.yuan("800.00"));
    }

    @Test
    @DisplayName("社会保险法 第十四条: what the pension drew beyond the balance leaves nothing to inherit, never a negative")
    void exhausted() {
        SurvivorsRule.Decision d = decide("140100", new SurvivorsRule.Facts(Money.yuan("2000.00"), DIED,
                Money.yuan("5000.00"), Money.yuan("300.00"), 40));
        assertThat(d.drawn()).isEqualTo(Money.yuan("5000.00"));
        assertThat(d.inheritance()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("社会保险法 第十四条: without a pension award the part drawn is not known; it counts as 0 and the line says so")
    void noAward() {
        SurvivorsRule.Decision d = decide("140100", new SurvivorsRule.Facts(Money.yuan("2000.00"), DIED,
                Money.yuan("5000.00"), null, 7));
        assertThat(d.inheritance()).isEqualTo(Money.yuan("5000.00"));
        assertThat(d.lines()).extracting(SurvivorsRule.Line::code).contains("drawnUnknown").doesNotContain("drawn");
    }

    @Test
    @DisplayName("no rule for a death before 社会保险法 came into force (2011-07-01): the parameter is missing, not guessed")
    void beforeTheLaw() {
        assertThatThrownBy(() -> decide("140100", new SurvivorsRule.Facts(Money.yuan("2000.00"),
                LocalDate.of(2010, 5, 1), Money.ZERO, null, 0))).isInstanceOf(RuntimeException.class);
    }
}
