package org.shebao.policy;

import org.shebao.TestUsers;
import org.shebao.policy.internal.EmergencyChange;
import org.shebao.policy.internal.EmergencyDate;
import org.shebao.policy.internal.EmergencyDateChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergencies.Declaration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.shebao.contribution.Contributions;

@ShebaoIntegrationTest
@RecordApplicationEvents
@DisplayName("Emergencies on PostgreSQL: dates entered later turn pending deadlines concrete (N-5c, SX-1a, SX-3)")
class PolicyIT {
    private static final RegionCode SHANXI = new RegionCode("140000");
    private static final RegionCode TAIYUAN = new RegionCode("140100");
    private static final RegionCode XINZHOU = new RegionCode("140900");
    private static final String RULE = "LIFTED_PLUS_3_MONTHS";

    @Autowired
    Emergencies emergencies;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Measures measures;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Contributions contributions;

    private Emergency shanxi() {
        return emergencies.all().stream().filter(e -> e.region().equals(SHANXI)).findFirst().orElseThrow();
    }

    private int historySize(long id) {
        return emergencies.history(id).size();
    }

    @Test
    @DisplayName("SX-3 / N-5c: entering liftedOn gives every open item its deadline at once; bad dates change nothing; "
            + "a correction needs a reason and re-computes them")
    void lifecycle() {
        Emergency e = shanxi();
        assertThat(e.declaredOn()).isEqualTo(LocalDate.of(2020, 1, 25));
        assertThat(e.liftedOn()).isNull();
        assertThat(emergencies.history(e.id()).get(0).field()).isEqualTo("DECLARE");

        Deadline a = deadlines.track("test", TrackedRef.of("test", 1), "测试事项A", TAIYUAN, LocalDate.of(2020, 3, 1), RULE);
        deadlines.track("test", TrackedRef.of("test", 2), "测试事项B", XINZHOU, LocalDate.of(2020, 3, 2), RULE);
        deadlines.track("test", TrackedRef.of("test", 3), "测试事项C", XINZHOU, LocalDate.of(2020, 3, 3), RULE);
        assertThat(deadlines.close("test", TrackedRef.of("test", 3))).isTrue();
        assertThat(a.isPending()).isTrue();
        int pending = deadlines.openCounts(e.id(), RULE)[0];
        assertThat(pending).as("open items waiting for the lifted date (2 of the test's, plus demo deferrals)")
                .isGreaterThanOrEqualTo(2);
        assertThat(measures.status("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", TAIYUAN, LocalDate.of(2026, 1, 1)).inForce())
                .as("while liftedOn is unknown the emergency lasts").isTrue();

        // a Fujian administrator cannot touch Shanxi's emergency
        assertThatThrownBy(() -> emergencies.enterDates(staff.get("fj.admin"), e.id(), e.version(),
                new DateEntry("", "2020-05-31", "", false, false))).isInstanceOf(AccessDeniedToRecordException.class);
        // lifted before declared, lifted before the level-1 end: refused, nothing changed
        ShebaoUser admin = staff.get("sx.admin");
        assertThatThrownBy(() -> emergencies.enterDates(admin, e.id(), e.version(),
                new DateEntry("", "2020-01-01", "", false, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations().get(0).code())
                        .isEqualTo("error.emergency.liftedBeforeDeclared"));
        assertThatThrownBy(() -> emergencies.enterDates(admin, e.id(), e.version(),
                new DateEntry("2020-03-10", "2020-03-01", "", false, false))).isInstanceOfSatisfying(InvalidInputException.class,
                        x -> assertThat(x.violations().get(0).code()).isEqualTo("error.emergency.liftedBeforeLevel1"));
        assertThatThrownBy(() -> emergencies.enterDates(admin, e.id(), e.version(),
                new DateEntry("2020-02-30", "", "", false, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations().get(0).code())
                        .isEqualTo("error.date.impossible"));
        assertThat(shanxi()).isEqualTo(e);
        assertThat(historySize(e.id())).isEqualTo(1);
        assertThat(deadlines.openCounts(e.id(), RULE)[0]).isEqualTo(pending);

        // N-5b: a Taiyuan flexible worker paid 6 months of 2020; the clerk registers the deferral of the rest
        long deferred = jdbc.sql("""
                SELECT min(id) FROM registry_person p WHERE region_code = '140100'
                   AND NOT EXISTS (SELECT 1 FROM contribution_year y WHERE y.person_id = p.id AND y.year = 2020)""")
                .query(Long.class).single();
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(deferred, 2020,
                "140100", null, 6, Money.yuan("3000.00"), Money.yuan("1440.00"))));
        contributions.defer(staff.get("ty.clerk"), deferred, 2020);
        assertThat(contributions.deferrals(deferred).get(0).clauses()).isEqualTo("N-5b, N-5c");
        assertThat(contributions.deferrals(deferred).get(0).deadline().isPending()).as("N-5b deferral, N-5c pending").isTrue();
        pending = deadlines.openCounts(e.id(), RULE)[0];

        Emergencies.DatesEntered r = emergencies.enterDates(admin, e.id(), e.version(),
                new DateEntry("2020-03-10", "2020-05-31", "", false, false));
        assertThat(contributions.deferrals(deferred).get(0).deadline().dueOn()).isEqualTo(LocalDate.of(2020, 8, 31));
        // the contribution module hears of the deadline after commit, and the notification module after it
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT body FROM notification_outbox WHERE person_id = :p ORDER BY id DESC LIMIT 1")
                        .param("p", deferred).query(String.class).list())
                .as("the person concerned is told (SMS at least)").anyMatch(b -> b.contains("请于 2020-08-31 前补缴")));
        assertThat(r.itemsGotDeadline()).isEqualTo(pending);
        assertThat(deadlines.openCounts(e.id(), RULE)).containsExactly(0, pending);
        assertThat(deadlines.tracked("test", TrackedRef.of("test", 1), RULE).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2020, 8, 31));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_deadline_item WHERE ref = 'test:3' AND due_on IS NULL")
                .query(Integer.class).single()).as("a closed item is left alone").isEqualTo(1);
        List<DeadlinesChanged> changed = events.stream(DeadlinesChanged.class).toList();
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).dueOn()).isEqualTo(LocalDate.of(2020, 8, 31));
        assertThat(changed.get(0).previousDueOn()).isNull();
        assertThat(changed.get(0).items()).extracting(DeadlinesChanged.TrackedItem::ref)
                .contains(TrackedRef.of("test", 1), TrackedRef.of("test", 2)).doesNotContain(TrackedRef.of("test", 3)).hasSize(pending);
        assertThat(events.stream(EmergencyDateChanged.class)).extracting(EmergencyDateChanged::which)
                .containsExactly(EmergencyDate.LEVEL1_ENDED, EmergencyDate.LIFTED);
        assertThat(measures.status("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", TAIYUAN, LocalDate.of(2020, 5, 31)).inForce()).isTrue();
        assertThat(measures.status("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", TAIYUAN, LocalDate.of(2020, 6, 1)).inForce()).isFalse();
        assertThat(measures.status("ARREARS_AFTER_LATE_DECLARATION", TAIYUAN, LocalDate.of(2020, 8, 31)).clauses())
                .containsExactly("N-1d", "SX-1a");

        // a new item after the date is known gets its deadline at once
        assertThat(deadlines.track("test", TrackedRef.of("test", 4), "测试事项D", TAIYUAN, LocalDate.of(2020, 6, 15), RULE).dueOn())
                .isEqualTo(LocalDate.of(2020, 8, 31));

        // a correction needs a reason, and a stale form is refused
        Emergency now = shanxi();
        assertThatThrownBy(() -> emergencies.enterDates(admin, now.id(), now.version(),
                new DateEntry("", "2020-06-30", " ", false, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations().get(0).code())
                        .isEqualTo("error.emergency.reasonRequired"));
        assertThatThrownBy(() -> emergencies.enterDates(admin, now.id(), e.version(),
                new DateEntry("", "2020-06-30", "更正", false, false)))
                .isInstanceOf(ConflictException.class);
        Emergencies.DatesEntered fixed = emergencies.enterDates(admin, now.id(), now.version(),
                new DateEntry("", "2020-06-30", "省政府通告更正", false, false));
        assertThat(fixed.itemsRescheduled()).isEqualTo(pending + 1);
        assertThat(deadlines.tracked("test", TrackedRef.of("test", 1), RULE).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2020, 9, 30));
        EmergencyChange last = emergencies.history(e.id()).get(historySize(e.id()) - 1);
        assertThat(last.field()).isEqualTo("liftedOn");
        assertThat(last.oldValue()).isEqualTo("2020-05-31");
        assertThat(last.newValue()).isEqualTo("2020-06-30");
        assertThat(last.reason()).isEqualTo("省政府通告更正");
        assertThat(last.changedBy()).isEqualTo("sx.admin");

        // the dates can be withdrawn (with a reason): every item is pending again; this also leaves the shared
        // test database as the demo has it, for the tests that need Shanxi's emergency in force today
        Emergency fixedNow = shanxi();
        Emergencies.DatesEntered withdrawn = emergencies.enterDates(admin, fixedNow.id(), fixedNow.version(),
                new DateEntry("", "", "测试：撤销录入", true, true));
        assertThat(withdrawn.itemsPendingAgain()).isEqualTo(pending + 1);
        assertThat(deadlines.tracked("test", TrackedRef.of("test", 1), RULE).orElseThrow().isPending()).isTrue();
    }

    @Test
    @DisplayName("declaring: not twice for a region with an emergency not lifted, not in the future, only in one's scope")
    void declaring() {
        assertThatThrownBy(() -> emergencies.declare(staff.get("fj.admin"), new Declaration("350000", "重复", "2020-02-01")))
                .isInstanceOfSatisfying(ConflictException.class, x -> assertThat(x.violation().code())
                        .isEqualTo("error.emergency.overlap"));
        assertThatThrownBy(() -> emergencies.declare(staff.get("fj.admin"), new Declaration("350200", "未来", "2099-01-01")))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations().get(0).code())
                        .isEqualTo("error.date.future"));
        assertThatThrownBy(() -> emergencies.declare(staff.get("fj.admin"), new Declaration("140900", "越权", "2020-02-01")))
                .isInstanceOf(AccessDeniedToRecordException.class);
        assertThatThrownBy(() -> emergencies.declare(staff.get("fz.clerk"), new Declaration("350100", "无权", "2020-02-01")))
                .isInstanceOf(AccessDeniedToRecordException.class);
        assertThat(emergencies.all()).hasSize(2);
    }
}
