package org.shebao.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseStatusChanged;
import org.shebao.casework.CaseType;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Issue 19, item 3: events between modules are recorded with the change and delivered after its commit. */
@ShebaoIntegrationTest
@EnableScenarios
@DisplayName("Events between modules: a case step reaches the notification module after commit, its delivery recorded")
class ModuleEventsIT {
    @Autowired
    CaseIntake intake;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    private long outbox(String link) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE link = :l").param("l", link)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("N-3d: a submission publishes CaseStatusChanged; after the commit the applicant's messages are "
            + "queued on every channel that reaches them, and no publication is left incomplete")
    void caseStepReachesTheApplicant(Scenario scenario) {
        ShebaoUser citizen = (ShebaoUser) users.loadUserByUsername("citizen.xm");
        Submission s = new Submission(CaseType.CERTIFICATE_REQUEST, Channel.MOBILE_API, null,
                Map.of("certificate", "CONTRIBUTION_RECORD", "purpose", "事件测试"), List.of(), Set.of(), null, null);
        long[] caseId = new long[1];
        scenario.stimulate(() -> caseId[0] = intake.submit(citizen, s).c().id())
                .andWaitForStateChange(() -> outbox("/portal/cases/" + caseId[0]), n -> n >= 3)
                .andVerify(n -> assertThat(jdbc.sql("SELECT DISTINCT channel FROM notification_outbox WHERE link = :l")
                        .param("l", "/portal/cases/" + caseId[0]).query(String.class).list())
                        .containsExactlyInAnyOrder("IN_APP", "SMS", "WECHAT"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND event_type = :t").param("t", CaseStatusChanged.class.getName())
                        .query(Long.class).single()).as("case events not yet delivered").isZero());
    }

    @Test
    @DisplayName("the event is published by the case module and arrives as a CaseStatusChanged for that case")
    void eventArrives(Scenario scenario) {
        ShebaoUser citizen = (ShebaoUser) users.loadUserByUsername("citizen.xm");
        Submission s = new Submission(CaseType.CERTIFICATE_REQUEST, Channel.WEB, null,
                Map.of("certificate", "CONTRIBUTION_RECORD", "purpose", "事件测试二"), List.of(), Set.of(), null, null);
        scenario.stimulate(() -> intake.submit(citizen, s).c())
                .andWaitForEventOfType(CaseStatusChanged.class)
                .matching(e -> "SUBMIT".equals(e.action()))
                .toArriveAndVerify((e, c) -> assertThat(e.caseId()).isEqualTo(c.id()));
    }
}
