package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.EventsOnAnyThread;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.Upload;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** The work-injury module's event arriving where it is heard: an FJ-6b re-appraisal window's last day, to the person. */
@ShebaoIntegrationTest
@EnableScenarios
@DisplayName("Work-injury module events: an FJ-6b re-appraisal window pending, then concrete when the level-1 end is "
        + "entered, and the person is told")
class WorkInjuryModuleIT {
    @Autowired
    Recognitions recognitions;
    @Autowired
    Appraisals appraisals;
    @Autowired
    WorkInjuryQueries queries;
    @Autowired
    Emergencies emergencies;
    @Autowired
    FujianEmergency fujian;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @AfterEach
    void restoreFujian() {
        Emergency e = fujian.get();
        if (e.level1EndedOn() != null) {
            emergencies.enterDates(users.get("fj.admin"), e.id(), e.version(),
                    new Emergencies.DateEntry("", "", "测试结束：撤销录入", true, false));
        }
    }

    private List<String> messages(long person) {
        return jdbc.sql("SELECT body FROM notification_outbox WHERE person_id = :p AND link = '/portal/work-injury'"
                + " ORDER BY id").param("p", person).query(String.class).list();
    }

    @Test
    @DisplayName("FJ-6b / 第二十六条: a conclusion received today in Fuzhou has its 15-day window end during the level-1 "
            + "response (its end unknown): pending; fj.admin enters the level-1 end (today + 20 days): the module "
            + "publishes ReappraisalWindowChanged with level-1 end + 15 days and the person is told the day")
    void windowBecomesConcrete(Scenario scenario) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long person = WorkInjuryFixtures.freshPerson(jdbc, "350100");
        Recognition r = WorkInjuryFixtures.recognized(recognitions, users, person, today);
        Appraisal a = appraisals.apply(users.get("fz.clerk"), person, r.id(), today.toString());
        appraisals.conclude(users.get("fz.reviewer"), a.id(),
                new Appraisals.Conclusion("9", "NONE", today.toString(), today.toString()),
                new Upload("EVIDENCE", "结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("nine")));
        Due pending = queries.view(users.get("fz.clerk"), r.id()).appraisals().get(0).reappraisal();
        assertThat(pending.pending()).isTrue();
        assertThat(pending.rule()).isEqualTo("REAPPRAISAL_LEVEL1_PENDING");

        LocalDate level1 = today.plusDays(20);
        try (EventsOnAnyThread<ReappraisalWindowChanged> windows =
                     EventsOnAnyThread.record(context, ReappraisalWindowChanged.class)) {
            scenario.stimulate(() -> {
                        Emergency e = fujian.get();
                        emergencies.enterDates(users.get("fj.admin"), e.id(), e.version(),
                                new Emergencies.DateEntry(level1.toString(), "", null, false, false));
                    })
                    .andWaitForStateChange(() -> windows.first(w -> w.personId() == person && w.dueOn() != null))
                    .andVerify(w -> {
                        assertThat(w.appraisalId()).isEqualTo(a.id());
                        assertThat(w.dueOn()).isBetween(level1.plusDays(15), level1.plusDays(25));
                        Due concrete = queries.view(users.get("fz.clerk"), r.id()).appraisals().get(0).reappraisal();
                        assertThat(concrete.dueOn()).isEqualTo(w.dueOn());
                        assertThat(concrete.rule()).isEqualTo("REAPPRAISAL_LEVEL1");
                        assertThat(concrete.clauses()).containsExactly("FJ-6b");
                        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                                assertThat(messages(person)).as("the person's messages (SMS at least)")
                                        .anyMatch(b -> b.contains("再次鉴定申请期限已确定") && b.contains(w.dueOn().toString())));
                    });
        }
    }
}
