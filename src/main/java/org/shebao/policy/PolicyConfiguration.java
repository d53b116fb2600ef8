package org.shebao.policy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the policy set once at start. A broken file (an overlapping or unsourced parameter, an unknown region, a
 * lifted date before the declared one …) throws here, and the platform refuses to start, naming file, line and
 * reason.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyBook policyBook() {
        return PolicyBook.load();
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
    HolidayCalendar holidayCalendar(PolicyBook book) {
        return book.calendar();
    }
}
