package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.EventsOnAnyThread;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** The contribution module's event arriving where it is heard (issue 19): a deferred year's deadline, to the person. */
@ShebaoIntegrationTest
@EnableScenarios
@DisplayName("Contribution module events: a deferred year's deadline reaches the person, and so does its withdrawal")
class ContributionModuleIT {
    /** Fujian's lifted date for this test; lifted + 3 months is the corresponding day, 2020-07-30 (Civil Code). */
    private static final LocalDate LIFTED = LocalDate.of(2020, 4, 30);

    @Autowired
    Contributions contributions;
    @Autowired
    TestUsers users;
    @Autowired
    FujianEmergency fujian;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @AfterEach
    void restoreFujian() {
        fujian.restore();
    }

    private List<String> messages(long person) {
        return jdbc.sql("SELECT body FROM notification_outbox WHERE person_id = :p AND link = '/portal/contributions'"
                + " ORDER BY id").param("p", person).query(String.class).list();
    }

    @Test
    @DisplayName("N-5b / N-5c / FJ-5b / FJ-5c: fz.clerk registers a flexible worker's 2020 deferral (deadline pending); "
            + "when fj.admin enters the lifted date the contribution module publishes DeferralDeadlineChanged for the "
            + "person and year (lifted + 3 months) and the person is told to pay by then, with no late fee; when the "
            + "date is withdrawn, DeferralDeadlineChanged without a day, and the person is told it is pending again")
    void deferralDeadlineArrives(Scenario scenario) {
        long person = DeferralFixtures.eligibleFlexibleWorker(jdbc, "350100");
        Deferral deferral = contributions.defer(users.get("fz.clerk"), person, 2020);
        assertThat(deferral.deadline().isPending()).isTrue();

        // published by the module's listener on the async executor: recorded on any thread (see EventsOnAnyThread)
        try (EventsOnAnyThread<DeferralDeadlineChanged> deadlines =
                     EventsOnAnyThread.record(context, DeferralDeadlineChanged.class)) {
            scenario.stimulate(() -> fujian.lift(LIFTED))
                    .andWaitForStateChange(() -> deadlines.first(e -> e.personId() == person && e.dueOn() != null))
                    .andVerify(e -> {
                        assertThat(e.year()).isEqualTo(2020);
                        assertThat(e.dueOn()).isEqualTo(LocalDate.of(2020, 7, 30));
                        assertThat(contributions.deferrals(person).get(0).deadline().dueOn()).isEqualTo(e.dueOn());
                        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                                assertThat(messages(person)).as("the person's messages (SMS at least)")
                                        .anyMatch(b -> b.contains("2020 年度延期缴纳的社会保险费请于 2020-07-30 前补缴")
                                                && b.contains("不收滞纳金")));
                    });

            scenario.stimulate(() -> fujian.restore())
                    .andWaitForStateChange(() -> deadlines.first(e -> e.personId() == person && e.dueOn() == null))
                    .andVerify(e -> {
                        assertThat(contributions.deferrals(person).get(0).deadline().isPending()).isTrue();
                        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                                assertThat(messages(person)).last().asString()
                                        .contains("2020 年度延期缴纳的社会保险费补缴期限恢复为待定"));
                    });
        }
    }
}
