package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.Case;
import org.shebao.casework.CaseStatus;
import org.shebao.casework.CaseWorkflow;
import org.shebao.common.Money;
import org.shebao.contribution.BillFixtures.Employee;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An employer's deferral of contributions (缓缴, 人社部发〔2020〕11号 第三条: at most 6 months, no late fee while
 * deferred; issue 11, item 4) on the real database: applied for online by the employer (or by a clerk on its behalf),
 * approved by a reviewer through the casework workflow, recorded with its end (the due date of the last month's bill,
 * the 15th of the month after) and its back-payment deadline (lifted + 3 months: pending, Fujian's lifted date being
 * unknown in the demo); FJ-1.4's question answered for the work-injury module.
 */
@ShebaoIntegrationTest
@DisplayName("Employer deferral (缓缴): case, reviewer approval, late fee waived, FJ-1.4 standing")
class EmployerDeferralIT extends ContributionIntegration {
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    EmployerDeferrals deferrals;

    private static Map<String, Object> application(String from, String months, String reason) {
        return Map.of("type", "EMPLOYER_DEFERRAL", "form", Map.of("fromMonth", from, "months", months,
                "reason", reason));
    }

    private long cases() {
        return jdbc.sql("SELECT count(*) FROM casework_case").query(Long.class).single();
    }

    /** Accepted by one clerk, pre-reviewed by another, approved by the reviewer. */
    private Case approve(long caseId) {
        Case c = workflow.accept(users.get("fz.clerk"), caseId, 0);
        c = workflow.preReview(users.get("fz.clerk2"), caseId, c.version(), "经营困难情况属实");
        return workflow.approve(users.get("fz.reviewer"), caseId, c.version());
    }

    @Test
    @DisplayName("人社部发〔2020〕11号 第三条: 7 months asked is refused, naming the maximum of 6 and its source; a missing "
            + "reason and a malformed month are named; a citizen cannot apply for a unit; nothing written")
    void badApplications() {
        long before = cases();
        Response r = api.post("employer.fz", "/api/v1/cases", application("2021-01", "7", "受疫情影响停产"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("months");
        assertThat(r.firstErrorMessage()).contains("7 个月").contains("最长期限 6 个月").contains("人社部发〔2020〕11号");
        Response bad = api.post("employer.fz", "/api/v1/cases", application("2021-13", "3", " "));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("fromMonth", "reason");
        Response citizen = api.post("citizen.fz", "/api/v1/cases", application("2021-01", "3", "停产"));
        assertThat(citizen.status()).isEqualTo(400);
        assertThat(citizen.firstErrorMessage()).contains("由参保单位办理");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    @DisplayName("employer.fz applies online for March–August 2021; another employer cannot see the case; the reviewer "
            + "approves; the deferral ends 2021-09-15 with its back-payment deadline pending; an overlapping one is refused")
    void appliedOnlineAndApproved() {
        ShebaoUser employer = users.get("employer.fz");
        Response r = api.post("employer.fz", "/api/v1/cases", application("2021-03", "6", "受疫情影响生产经营严重困难"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        long id = r.body().path("id").asLong();
        assertThat(r.body().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.body().path("form").path("toMonth").asString()).isEqualTo("2021-08");
        assertThat(api.get("employer.xm", "/api/v1/cases/" + id).status()).isEqualTo(403);
        assertThat(api.get("citizen.fz", "/api/v1/cases/" + id).status()).isEqualTo(403);
        JsonNode mine = api.get("employer.fz", "/api/v1/cases").body();
        assertThat(mine.findValuesAsString("reference")).contains(r.body().path("reference").asString());

        Case approved = approve(id);
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        Response list = api.get("employer.fz", "/api/v1/employers/" + employer.employerId() + "/deferrals");
        assertThat(list.status()).isEqualTo(200);
        JsonNode d = list.body().get(0);
        assertThat(d.path("fromMonth").asString()).isEqualTo("2021-03");
        assertThat(d.path("toMonth").asString()).isEqualTo("2021-08");
        assertThat(d.path("endsOn").asString()).isEqualTo("2021-09-15");
        assertThat(d.path("backPaymentPending").asBoolean()).isTrue();
        assertThat(d.path("caseReference").asString()).isEqualTo(approved.reference());
        assertThat(d.path("approvedBy").asString()).doesNotContain("fz.reviewer");
        assertThat(api.get("employer.xm", "/api/v1/employers/" + employer.employerId() + "/deferrals").status())
                .isEqualTo(403);

        Response overlap = api.post("employer.fz", "/api/v1/cases", application("2021-08", "2", "继续困难"));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.firstErrorMessage()).contains("重叠").contains(approved.reference());
    }

    @Test
    @DisplayName("a clerk registers a deferral by phone for July–August 2020; approved; July paid 2020-09-10 (26 days "
            + "after its due date, inside the deferral ending 2020-09-15): fee waived citing 人社部发〔2020〕11号; FJ-1.4: "
            + "deferred on 2020-07-10, open until both months are paid, then paid in time; not deferred on 2020-10-01")
    void clerkOnBehalfAndStanding() {
        Employer e = employer(EmployerSize.LARGE);
        Employee a = employee(e, "赵缓缴");
        assertThat(api.post("xm.clerk", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("employerId", String.valueOf(e.id()), "fromMonth", "2020-07", "months", "2",
                        "reason", "电话申请"))).status()).as("not Xiamen's unit").isEqualTo(403);
        Response r = api.post("fz.clerk", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("employerId", String.valueOf(e.id()), "fromMonth", "2020-07", "months", "2",
                        "reason", "单位电话申请，停产两个月")));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("channel").asString()).isEqualTo("PHONE");
        long id = r.body().path("id").asLong();
        Case c = workflow.accept(users.get("fz.clerk2"), id, 0);
        c = workflow.preReview(users.get("fz.clerk2"), id, c.version(), "属实");
        workflow.approve(users.get("fz.reviewer"), id, c.version());

        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2020", "6000.00")));
        for (String m : List.of("2020-07", "2020-08")) {
            assertThat(bills.assess(clerk, e.id(), YearMonth.parse(m)).bill().totalDue())
                    .isEqualTo(Money.yuan("1512.00"));
        }
        DeferralStanding open = deferrals.standing(e.id(), LocalDate.of(2020, 7, 10));
        assertThat(open.deferred()).isTrue();
        assertThat(open.backPayment()).isEqualTo(DeferralStanding.BackPayment.OPEN);
        assertThat(open.unpaidMonths()).containsExactly(YearMonth.of(2020, 7), YearMonth.of(2020, 8));

        ShebaoUser finance = users.get("fz.finance");
        Payment july = payments.record(finance, e.id(), new Payments.OnlinePayment("2020-07", "1512.00",
                "DEF" + e.id() + "-07", "2020-09-10"));
        // July's bill was due 2020-08-15: 26 days late, 1512.00 × 0.0005 × 26 = 19.656 → 19.66 computed, all waived
        assertThat(july.feeDays()).isEqualTo(26);
        assertThat(july.feeComputed()).isEqualTo(Money.yuan("19.66"));
        assertThat(july.feeCharged()).isEqualTo(Money.yuan("0.00"));
        assertThat(july.feeWaiver()).contains("缓缴至2020-09-15");
        assertThat(july.sources()).contains("人社部发〔2020〕11号 第三条");
        assertThat(deferrals.standing(e.id(), LocalDate.of(2020, 7, 10)).unpaidMonths())
                .containsExactly(YearMonth.of(2020, 8));
        payments.record(finance, e.id(), new Payments.OnlinePayment("2020-08", "1512.00", "DEF" + e.id() + "-08",
                "2020-09-15"));
        DeferralStanding paid = deferrals.standing(e.id(), LocalDate.of(2020, 8, 31));
        assertThat(paid.backPayment()).isEqualTo(DeferralStanding.BackPayment.PAID_IN_TIME);
        assertThat(paid.lastPaidOn()).isEqualTo(LocalDate.of(2020, 9, 15));
        assertThat(deferrals.standing(e.id(), LocalDate.of(2020, 10, 1)).backPayment())
                .isEqualTo(DeferralStanding.BackPayment.NOT_DEFERRED);
    }
}
