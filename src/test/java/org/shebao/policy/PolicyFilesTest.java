package org.shebao.policy;

import org.shebao.policy.internal.DeadlineRule;
import org.shebao.policy.internal.HolidayCalendar;
import org.shebao.policy.internal.PolicyFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.assertj.core.api.Assertions;

/** A broken policy set is refused with file, line and reason, before anything runs on it. */
@DisplayName("Policy files: bad input is rejected with file, line and reason")
class PolicyFilesTest {
    private static final Path BROKEN = Path.of("src/test/resources/policy-broken");

    private static PolicyFileException refused(String dir) {
        Throwable t = Assertions.catchThrowable(() -> PolicyBook.load(BROKEN.resolve(dir)));
        assertThat(t).isInstanceOf(PolicyFileException.class);
        return (PolicyFileException) t;
    }

    @Test
    @DisplayName("the shipped set loads: parameters, holidays, deadline rules, measures, emergencies")
    void shippedSetLoads() {
        PolicyBook book = PolicyBook.load();
        assertThat(book.parameters().definitions()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(book.rules()).extracting(DeadlineRule::code)
                .containsExactly("LIFTED_PLUS_3_MONTHS", "LEVEL1_ENDED_PLUS_15_DAYS");
        assertThat(book.measures()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(book.emergencySeeds()).extracting(PolicyBook.EmergencySeed::key)
                .containsExactly("FJ-2020-COVID", "SX-2020-COVID");
        assertThat(book.calendar().knows(2020)).isTrue();
        assertThat(book.calendar().knows(2026)).isTrue();
    }

    @Test
    @DisplayName("FJ-1.3: two Fujian pre-payment standards in force on the same day (overlapping dates)")
    void overlap() {
        PolicyFileException e = refused("overlap");
        assertThat(e.file()).endsWith("fujian-extra.yml");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("fujian-extra.yml:4")
                .contains("from 2020-06-01 overlaps the value from 2020-02-01 (no end date) at policy/parameters/fujian.yml:");
    }

    @Test
    @DisplayName("a value without a source (clause ID or law article)")
    void missingSource() {
        PolicyFileException e = refused("missing-source");
        assertThat(e.getMessage()).contains("shanxi-extra.yml:4").contains("has no source");
    }

    @Test
    @DisplayName("a value for a region the platform does not know")
    void unknownRegion() {
        PolicyFileException e = refused("unknown-region");
        assertThat(e.getMessage()).contains("extra.yml:4").contains("unknown region 350999");
    }

    @Test
    @DisplayName("a province value in force beside the national one without saying it overrides it (Catala rule)")
    void silentOverride() {
        PolicyFileException e = refused("silent-override");
        assertThat(e.getMessage()).contains("fujian-extra.yml:5")
                .contains("in force at the same time as the value of 000000")
                .contains("overrides: \"000000\"");
    }

    @Test
    @DisplayName("a value claiming to override a jurisdiction that has no value then")
    void falseOverride() {
        PolicyFileException e = refused("false-override");
        assertThat(e.getMessage()).contains("taiyuan.yml:4").contains("says it overrides 140000, but 140000 has no value");
    }

    @Test
    @DisplayName("人社部发〔2015〕71号: a work-injury rate table (rateTable) with a negative rate")
    void negativeRate() {
        PolicyFileException e = refused("negative-rate");
        assertThat(e.getMessage()).contains("extra.yml:").contains("a rate must not be negative, was -0.004");
    }

    @Test
    @DisplayName("an emergency lifted before it was declared")
    void liftedBeforeDeclared() {
        PolicyBook ok = PolicyBook.load();
        assertThatThrownBy(() -> PolicyBook.load(ok.jurisdictions(), ok.parameters(), ok.calendar(),
                new ClassPathResource("policy/measures.yml"), new ClassPathResource("policy-broken/emergencies-lifted-before.yml")))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("emergencies-lifted-before.yml:2")
                .hasMessageContaining("liftedOn 2020-01-20 is before declaredOn 2020-01-24");
    }

    @Test
    @DisplayName("a 调休 working day that is not a weekend day")
    void holidayWorkdayOnWeekday() {
        assertThatThrownBy(() -> HolidayCalendar.load(new ClassPathResource("policy-broken/holidays-weekday.yml")))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("holidays-weekday.yml:6")
                .hasMessageContaining("2020-01-20 is not a weekend day");
    }
}
