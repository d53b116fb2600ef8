package org.shebao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.Case;
import org.shebao.casework.CaseFixtures;
import org.shebao.casework.CaseIntake;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.DeferralFixtures;
import org.shebao.policy.internal.EmergencyDate;
import org.shebao.policy.internal.EmergencyDateChanged;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The policy module's events arriving where they are heard (issue 19): deadlines fixed by an emergency date
 * (DeadlinesChanged) at the modules that own the items, and a date changed (EmergencyDateChanged) in the operation log.
 */
@ShebaoIntegrationTest
@EnableScenarios
@DisplayName("Policy module events: deadlines fixed by Fujian's lifted date reach their owners; a date changed reaches "
        + "the operation log")
class PolicyModuleIT {
    private static final String RULE = "LIFTED_PLUS_3_MONTHS";
    /** Fujian's lifted date for these tests; lifted + 3 months is the corresponding day, 2020-07-30 (Civil Code). */
    private static final LocalDate LIFTED = LocalDate.of(2020, 4, 30);

    @Autowired
    FujianEmergency fujian;
    @Autowired
    Contributions contributions;
    @Autowired
    CaseIntake intake;
    @Autowired
    Persons persons;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreFujian() {
        fujian.restore();
    }

    private boolean told(String column, Object who, String link, String text) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE " + column + " = :w AND link = :l"
                        + " AND body LIKE :t").param("w", who).param("l", link).param("t", "%" + text + "%")
                .query(Long.class).single() > 0;
    }

    @Test
    @DisplayName("N-5c / FJ-5c / FJ-3: fj.admin enters Fujian's lifted date; DeadlinesChanged arrives for the open items "
            + "counting from it (lifted + 3 months: 2020-07-30, pending before), a deferred year and a commitment among "
            + "them; after the commit their modules tell the deferred person and the applicant who committed")
    void deadlinesArrive(Scenario scenario) {
        long person = DeferralFixtures.eligibleFlexibleWorker(jdbc, "350100");
        contributions.defer(users.get("fz.clerk"), person, 2020);
        Case c = CaseFixtures.workInjuryWithCommitment(intake, persons, users);
        long commitment = jdbc.sql("SELECT id FROM casework_commitment WHERE case_id = :c").param("c", c.id())
                .query(Long.class).single();
        TrackedRef deferralRef = TrackedRef.of("deferral", person, 2020);
        TrackedRef commitmentRef = TrackedRef.of("commitment", commitment);
        long fujianId = fujian.get().id();

        scenario.stimulate(() -> fujian.lift(LIFTED))
                .andWaitForEventOfType(DeadlinesChanged.class)
                .matching(e -> e.emergencyId() == fujianId && RULE.equals(e.ruleCode()))
                .toArriveAndVerify((e, entered) -> {
                    assertThat(e.dueOn()).isEqualTo(LocalDate.of(2020, 7, 30));
                    assertThat(e.previousDueOn()).as("pending before").isNull();
                    assertThat(e.items()).extracting(DeadlinesChanged.TrackedItem::ref)
                            .contains(deferralRef, commitmentRef);
                    assertThat(e.items()).filteredOn(i -> i.ref().equals(deferralRef))
                            .extracting(DeadlinesChanged.TrackedItem::owner).containsExactly("contribution");
                    assertThat(e.items()).filteredOn(i -> i.ref().equals(commitmentRef))
                            .extracting(DeadlinesChanged.TrackedItem::owner).containsExactly("casework");
                    assertThat(entered.itemsGotDeadline()).isGreaterThanOrEqualTo(e.items().size());
                    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                        assertThat(told("person_id", person, "/portal/contributions", "请于 2020-07-30 前补缴"))
                                .as("the contribution module told the deferred person").isTrue();
                        assertThat(told("recipient_user", "citizen.fz", "/portal/cases/" + c.id(),
                                c.reference() + " 承诺补交的「医疗诊断证明及病历」请于 2020-07-30 前补交"))
                                .as("the casework module told the applicant").isTrue();
                    });
                });
    }

    @Test
    @DisplayName("fj.admin corrects Fujian's lifted date with a reason; EmergencyDateChanged arrives with the old and the "
            + "new date, and the operation log has the change with who made it and why (安全审计)")
    void dateChangeArrives(Scenario scenario) {
        fujian.lift(LIFTED);
        long fujianId = fujian.get().id();
        LocalDate corrected = LocalDate.of(2020, 5, 31);

        scenario.stimulate(() -> fujian.lift(corrected))
                .andWaitForEventOfType(EmergencyDateChanged.class)
                .matching(e -> e.emergencyId() == fujianId && e.which() == EmergencyDate.LIFTED
                        && corrected.equals(e.newDate()))
                .toArriveAndVerify(e -> {
                    assertThat(e.oldDate()).isEqualTo(LIFTED);
                    assertThat(e.changedBy()).isEqualTo("fj.admin");
                    assertThat(e.reason()).isEqualTo("测试：更正疫情解除日期");
                    assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM audit_log WHERE action = 'EMERGENCY_DATE_CHANGED'"
                                    + " AND target = :t ORDER BY seq").param("t", "emergency " + fujianId)
                            .query(String.class).list())
                            .as("the operation log (EmergencyAudit, in the change's transaction)")
                            .endsWith("fj.admin LIFTED: 2020-04-30→2020-05-31：测试：更正疫情解除日期");
                });
    }
}
