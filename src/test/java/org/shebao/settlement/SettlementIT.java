package org.shebao.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shebao.casework.Case;
import org.shebao.casework.CaseFixtures;
import org.shebao.casework.CaseIntake;
import org.shebao.registry.Persons;

/**
 * Settlement worklists (issue 15, item 1) on the real database: Xiamen's February 2020 run pays a pre-payment
 * (N-1b, FJ-1.3) and a recipient whose certification lapsed (N-1c, FJ-1.1); entering Fujian's lifted date opens an
 * item for each, which finance closes by a decision, once.
 */
@ShebaoIntegrationTest
@DisplayName("Settlement worklists after the emergency (N-1e, FJ-1.7): opened when Fujian is lifted, one decision per item")
class SettlementIT {
    private static final RegionCode XIAMEN = new RegionCode("350200");
    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    Persons persons;
    @Autowired
    Worklists worklists;
    @Autowired
    Emergencies emergencies;
    @Autowired
    StandingOrders orders;
    @Autowired
    Payroll payroll;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private Emergency fujian() {
        return emergencies.all().stream().filter(x -> x.region().value().equals("350000")).findFirst().orElseThrow();
    }

    /** Fujian's emergency as the demo has it (lifted date pending), for the tests that follow. */
    @AfterEach
    void restoreFujian() {
        Emergency e = fujian();
        if (e.liftedOn() != null) {
            emergencies.enterDates(users.get("fj.admin"), e.id(), e.version(),
                    new DateEntry("", "", "测试结束：撤销录入", false, true));
        }
    }

    private long order(long person, OrderKind kind, String amount, LocalDate certifiedUntil, String flags) {
        long id = orders.registerOrder(new StandingOrders.NewOrder(person, XIAMEN, Benefit.PENSION, kind,
                Money.yuan(amount), YearMonth.of(2020, 2), certifiedUntil, "6222" + person, "清理" + person, flags,
                "R-TEST-" + person));
        orders.endOrder(id, YearMonth.of(2020, 2)); // only in this test's month
        return id;
    }

    private Optional<WorklistItem> item(String kind, long orderId) {
        return item(kind, "payroll-order:" + orderId);
    }

    private Optional<WorklistItem> item(String kind, String ref) {
        return worklists.items(users.get("fj.finance"), kind, false, 10_000).stream()
                .filter(i -> i.ref().equals(ref)).findFirst();
    }

    @Test
    @DisplayName("N-1b, FJ-1.3, N-1c, FJ-1.1, SX-3, FJ-3: lifting opens an unsettled pre-payment and an uncertified "
            + "recipient with the amounts paid, and an overdue commitment; a decision closes each once; a correction without a note and a second decision are "
            + "refused with their reason (400, 409), nothing written; outside the region: 403")
    void liftedOpensWorklists() throws Exception {
        long prepaid = order(840_001, OrderKind.PREPAYMENT, "1800.00", LocalDate.of(2030, 12, 31),
                "PENSION_PREPAYMENT:N-1b,FJ-1.3");
        long lapsed = order(840_002, OrderKind.REGULAR, "2000.00", LocalDate.of(2019, 12, 31), "");
        PayrollRun run = payroll.open(users.get("fj.admin"), XIAMEN, YearMonth.of(2020, 2));
        payroll.execute(run.id());
        Case promised = CaseFixtures.workInjuryWithCommitment(intake, persons, users);
        String commitment = "casework-commitment:" + jdbc.sql("SELECT id FROM casework_commitment WHERE case_id = :c")
                .param("c", promised.id()).query(Long.class).single();

        Emergency e = fujian();
        emergencies.enterDates(users.get("fj.admin"), e.id(), e.version(),
                new DateEntry("", "2020-06-30", "疫情解除（测试）", false, false));
        long until = System.currentTimeMillis() + 20_000;
        while ((item("PREPAYMENT_UNSETTLED", prepaid).isEmpty() || item("PAID_WITHOUT_CERTIFICATION", lapsed).isEmpty()
                || item("COMMITMENT_OVERDUE", commitment).isEmpty()) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        WorklistItem p = item("PREPAYMENT_UNSETTLED", prepaid).orElseThrow();
        assertThat(p.amount()).isEqualTo(Money.yuan("1800.00"));
        assertThat(p.clauses()).containsExactly("N-1b", "FJ-1.3");
        assertThat(p.caseRef()).isEqualTo("R-TEST-840001");
        assertThat(p.regionCode()).isEqualTo("350200");
        WorklistItem u = item("PAID_WITHOUT_CERTIFICATION", lapsed).orElseThrow();
        assertThat(u.amount()).isEqualTo(Money.yuan("2000.00"));
        assertThat(u.clauses()).containsExactly("N-1c", "SX-1c", "FJ-1.1");
        assertThat(item("PAID_WITHOUT_CERTIFICATION", prepaid)).as("certified: not on the list").isEmpty();
        // SX-3, FJ-3: the medical records promised were due on the lifted date plus three months, long past
        WorklistItem c = item("COMMITMENT_OVERDUE", commitment).orElseThrow();
        assertThat(c.caseRef()).isEqualTo(promised.reference());
        assertThat(c.regionCode()).isEqualTo("350100");
        assertThat(c.clauses()).containsExactly("SX-3", "FJ-3");
        assertThat(worklists.open(fujian())).as("opening again adds nothing already open").isZero();
        assertThat(worklists.items(users.get("fz.finance"), null, false, 10_000))
                .as("Fuzhou's finance does not see Xiamen's items").noneMatch(i -> i.regionCode().equals("350200"));
        assertThatThrownBy(() -> worklists.decide(users.get("fz.finance"), p.id(), "CONFIRMED", null))
                .isInstanceOf(AccessDeniedToRecordException.class);

        // bad input over the screen: a correction without a note (400), an unknown decision (400)
        WebSession web = WebSession.login(port, "fj.finance");
        HttpResponse<String> noNote = web.submit("/settlement", "/settlement/items/" + u.id() + "/decision",
                Map.of("decision", "CORRECTED", "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("更正或追回须填写处理说明");
        assertThat(web.submit("/settlement", "/settlement/items/" + u.id() + "/decision",
                Map.of("decision", "DELETED")).statusCode()).isEqualTo(400);
        assertThat(item("PAID_WITHOUT_CERTIFICATION", lapsed).orElseThrow().open()).isTrue();
        assertThatThrownBy(() -> worklists.decide(users.get("fj.finance"), u.id(), "RECOVERY_OPENED", "x".repeat(501)))
                .isInstanceOf(InvalidInputException.class);

        HttpResponse<String> done = web.submit("/settlement", "/settlement/items/" + u.id() + "/decision",
                Map.of("decision", "RECOVERY_OPENED", "note", "认证逾期，比对死亡信息后停发并追回（测试）"));
        assertThat(done.statusCode()).isEqualTo(302);
        WorklistItem closed = item("PAID_WITHOUT_CERTIFICATION", lapsed).orElseThrow();
        assertThat(closed.decision()).isEqualTo(Decision.RECOVERY_OPENED);
        assertThat(closed.decidedBy()).isEqualTo("fj.finance");
        assertThat(closed.note()).contains("停发并追回");
        assertThatThrownBy(() -> worklists.decide(users.get("fj.auditor"), u.id(), "CONFIRMED", null))
                .isInstanceOf(ConflictException.class);
        assertThat(worklists.decide(users.get("fj.auditor"), p.id(), "CONFIRMED", null).decidedBy()).isEqualTo("fj.auditor");

        List<Worklists.Progress> progress = worklists.progress(users.get("fj.finance"));
        assertThat(progress).anySatisfy(g -> {
            assertThat(g.regionCode()).isEqualTo("350200");
            assertThat(g.kind()).isEqualTo("PAID_WITHOUT_CERTIFICATION");
            assertThat(g.decided()).isPositive();
        });
        HttpResponse<String> page = web.get("/settlement?all=true");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("未认证照常发放人员").contains("已决定追回").contains("福建省财务 陈静")
                .doesNotContain("PAID_WITHOUT_CERTIFICATION\"<").doesNotContain(">fj.finance<");
        assertThat(web.get("/settlement/items.xlsx").statusCode()).isEqualTo(200);
    }
}
