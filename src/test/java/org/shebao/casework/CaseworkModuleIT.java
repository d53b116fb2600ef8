package org.shebao.casework;

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
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The casework module's events arriving where they are heard (issue 19): a step on a case (CaseStatusChanged) in the
 * operation log and in the applicant's messages, and a commitment's deadline (CommitmentDeadlineChanged) in the
 * applicant's messages.
 */
@ShebaoIntegrationTest
@EnableScenarios
@DisplayName("Casework module events: a case step and a commitment's deadline reach the operation log and the applicant")
class CaseworkModuleIT {
    /** Fujian's lifted date for these tests; lifted + 3 months is the corresponding day, 2020-07-30 (Civil Code). */
    private static final LocalDate LIFTED = LocalDate.of(2020, 4, 30);

    @Autowired
    CaseIntake intake;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    Persons persons;
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

    private List<String> messages(String user, String link) {
        return jdbc.sql("SELECT body FROM notification_outbox WHERE recipient_user = :u AND link = :l AND channel = 'IN_APP'"
                + " ORDER BY id").param("u", user).param("l", link).query(String.class).list();
    }

    @Test
    @DisplayName("N-3d: fz.clerk returns a case once with the complete list of what is missing; CaseStatusChanged "
            + "arrives with the step, the operation log has it from the step's own transaction, and after the commit "
            + "the applicant is told the status, the reason and the missing item")
    void caseStepArrives(Scenario scenario) {
        Case submitted = CaseFixtures.workInjuryWithoutRecords(intake, users);
        assertThat(submitted.missing()).containsExactly("MEDICAL_RECORDS");
        String link = "/portal/cases/" + submitted.id();

        scenario.stimulate(() -> workflow.returnCase(users.get("fz.clerk"), submitted.id(), submitted.version(),
                        List.of("MEDICAL_RECORDS"), "请补交医院出具的诊断证明"))
                .andWaitForEventOfType(CaseStatusChanged.class)
                .matching(e -> e.caseId() == submitted.id() && "RETURN".equals(e.action()))
                .toArriveAndVerify((e, returned) -> {
                    assertThat(returned.status()).isEqualTo(CaseStatus.RETURNED);
                    assertThat(e.from()).isEqualTo(CaseStatus.SUBMITTED);
                    assertThat(e.to()).isEqualTo(CaseStatus.RETURNED);
                    assertThat(e.missing()).containsExactly("MEDICAL_RECORDS");
                    assertThat(e.applicantUser()).isEqualTo("citizen.fz");
                    assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'CASE_STEP'"
                                    + " AND target = :t ORDER BY seq").param("t", "case " + submitted.reference())
                            .query(String.class).list())
                            .as("the operation log (CaseAudit, in the step's transaction)")
                            .contains("RETURN SUBMITTED→RETURNED：请补交医院出具的诊断证明");
                    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                            assertThat(messages("citizen.fz", link)).as("the applicant's in-app messages")
                                    .anyMatch(b -> b.contains(submitted.reference()) && b.contains("已退回，待补正")
                                            && b.contains("请补交医院出具的诊断证明") && b.contains("医疗诊断证明及病历")));
                });
    }

    @Test
    @DisplayName("FJ-3 / SX-3: a commitment signed on an application waits for Fujian's lifted date; when fj.admin "
            + "enters it, the casework module publishes CommitmentDeadlineChanged for it (lifted + 3 months), and the "
            + "applicant is told to send the promised material by that day")
    void commitmentDeadlineArrives(Scenario scenario) {
        Case c = CaseFixtures.workInjuryWithCommitment(intake, persons, users);
        assertThat(c.hasFlag(CaseFlags.COMMITMENT_RULE)).isTrue();
        String link = "/portal/cases/" + c.id();

        // published by the module's listener on the async executor: recorded on any thread (see EventsOnAnyThread)
        try (EventsOnAnyThread<CommitmentDeadlineChanged> commitments =
                     EventsOnAnyThread.record(context, CommitmentDeadlineChanged.class)) {
            scenario.stimulate(() -> fujian.lift(LIFTED))
                    .andWaitForStateChange(() -> commitments.first(e -> e.caseId() == c.id()))
                    .andVerify(e -> {
                        assertThat(e.reference()).isEqualTo(c.reference());
                        assertThat(e.item()).isEqualTo("MEDICAL_RECORDS");
                        assertThat(e.dueOn()).isEqualTo(LocalDate.of(2020, 7, 30));
                        assertThat(e.applicantUser()).isEqualTo("citizen.fz");
                        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                                assertThat(messages("citizen.fz", link)).as("the applicant's in-app messages")
                                        .contains("您办件 " + c.reference() + " 承诺补交的「医疗诊断证明及病历」请于 2020-07-30 前补交。"));
                    });
        }
    }
}
