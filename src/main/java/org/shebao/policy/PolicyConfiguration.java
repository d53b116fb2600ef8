package org.shebao.policy;

import org.shebao.policy.internal.HolidayCalendar;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Loads the policy set once at start. A broken file (an overlapping or unsourced parameter, an unknown region, a
 * lifted date before the declared one …) throws here, and the platform refuses to start, naming file, line and
 * reason.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    /** The shipped policy files and an agency's own parameter files ({@code shebao.policy.parameters-dir}). */
    @Bean
    PolicyBook policyBook(PolicyProperties settings) {
        String extraDir = settings.parametersDir();
        return PolicyBook.load(StringUtils.hasText(extraDir) ? Path.of(extraDir) : null);
    }

    @Bean
    Jurisdictions jurisdictions(PolicyBook book) {
        return book.jurisdictions();
    }

    @Bean
    Parameters parameters(PolicyBook book) {
        return book.parameters();
    }

    @Bean
    CivilPeriods civilPeriods(PolicyBook book) {
        return book.periods();
    }

    @Bean
    HolidayCalendar holidayCalendar(PolicyBook book) {
        return book.calendar();
    }
}
