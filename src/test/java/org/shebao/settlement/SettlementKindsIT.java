package org.shebao.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.CaseSteps;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.IdNumber;
import org.shebao.common.Money;
import org.shebao.contribution.BillFixtures;
import org.shebao.contribution.Bills;
import org.shebao.contribution.DeclaredLine;
import org.shebao.contribution.Declarations;
import org.shebao.contribution.Payments;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.workinjury.Recognition;
import org.shebao.workinjury.Recognitions;
import org.shebao.workinjury.WorkInjuryFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settlement worklist kinds of the contribution, registry and work-injury modules (issue 15, item 1; N-1e,
 * FJ-1.7), each made through the product and opened by entering Fujian's lifted date, which is withdrawn after each
 * test (the demo's emergency is ongoing).
 */
@ShebaoIntegrationTest
@DisplayName("Settlement worklist kinds (N-1e, FJ-1.7): deferred contributions unpaid (N-5c, FJ-5c), backdated "
        + "enrollments (FJ-5a), injuries during a deferral (FJ-1.4)")
class SettlementKindsIT {
    @Autowired
    Worklists worklists;
    @Autowired
    FujianEmergency fujian;
    @Autowired
    TestUsers users;
    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Employers employers;
    @Autowired
    Persons persons;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    Declarations declarations;
    @Autowired
    Bills bills;
    @Autowired
    Payments payments;
    @Autowired
    Recognitions recognitions;

    @AfterEach
    void restore() {
        fujian.restore();
    }

    private Optional<WorklistItem> item(String kind, String ref) {
        return worklists.items(users.get("fj.finance"), kind, false, 100_000).stream()
                .filter(i -> i.ref().equals(ref)).findFirst();
    }

    /** A Fuzhou employer deferred for {@code months} from {@code from} (applied by fz.clerk, approved), one employee
     * declared at 6000.00 and the deferred months' bills assessed. */
    private record Deferred(Employer employer, BillFixtures.Employee worker, long deferralId, String caseReference) {
    }

    private Deferred deferred(String name, YearMonth from, int months) {
        ShebaoUser clerk = users.get("fz.clerk");
        Employer e = BillFixtures.employer(employers, clerk, EmployerSize.LARGE);
        BillFixtures.Employee worker = BillFixtures.employee(persons, bulk, clerk, e.id(), name);
        Response r = api.post("fz.clerk", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("employerId", String.valueOf(e.id()), "fromMonth", from.toString(),
                        "months", String.valueOf(months), "reason", "受疫情影响停产")));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        steps.decide(r.body().path("id").asLong(), "fz.clerk", "fz.clerk2", "属实", "fz.reviewer");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, worker.idNumber(), worker.name(),
                String.valueOf(from.getYear()), "6000.00")));
        for (int i = 0; i < months; i++) {
            bills.assess(clerk, e.id(), from.plusMonths(i));
        }
        long id = jdbc.sql("SELECT id FROM contribution_employer_deferral WHERE employer_id = :e")
                .param("e", e.id()).query(Long.class).single();
        return new Deferred(e, worker, id, r.body().path("reference").asString());
    }

    @Test
    @DisplayName("N-5c, FJ-5c: an employer deferred July–August 2020 pays July only; Fujian lifted on 2020-06-30 "
            + "(deadline 2020-09-30, passed): its deferral is on the list with August's 1512.00 still due and the case "
            + "it was approved in; an employer that paid both months is not")
    void deferralUnpaid() {
        Deferred late = deferred("孙未补", YearMonth.of(2020, 7), 2);
        Deferred paid = deferred("周已补", YearMonth.of(2020, 7), 2);
        ShebaoUser finance = users.get("fz.finance");
        payments.record(finance, late.employer().id(), new Payments.OnlinePayment("2020-07", "1512.00",
                "SK-" + late.employer().id() + "-07", "2020-09-10"));
        for (String m : List.of("2020-07", "2020-08")) {
            payments.record(finance, paid.employer().id(), new Payments.OnlinePayment(m, "1512.00",
                    "SK-" + paid.employer().id() + "-" + m, "2020-09-15"));
        }
        fujian.lift(LocalDate.of(2020, 6, 30));
        worklists.open(fujian.get());

        WorklistItem i = item("DEFERRAL_UNPAID", "contribution-employer-deferral:" + late.deferralId()).orElseThrow();
        assertThat(i.amount()).isEqualTo(Money.yuan("1512.00"));
        assertThat(i.caseRef()).isEqualTo(late.caseReference());
        assertThat(i.regionCode()).isEqualTo("350100");
        assertThat(i.clauses()).containsExactly("N-5c", "FJ-5c");
        assertThat(i.label()).contains(late.employer().name()).contains("2020-07…2020-08");
        assertThat(item("DEFERRAL_UNPAID", "contribution-employer-deferral:" + paid.deferralId())).isEmpty();
    }

    @Test
    @DisplayName("FJ-5a: employer.xm registers late an employment begun two months ago, backdated with a remark; "
            + "Fujian lifted yesterday: one item for the hire (three insurances), with the person and the employer")
    void backdatedEnrollment() {
        long employer = jdbc.sql("SELECT employer_id FROM identity_user WHERE username = 'employer.xm'")
                .query(Long.class).single();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate start = YearMonth.from(today).minusMonths(2).atDay(6);
        String first17 = "350203" + "19881102" + String.format("%03d", (int) (System.nanoTime() % 1000));
        Map<String, Object> hire = new HashMap<>();
        hire.put("idNumber", first17 + IdNumber.checkChar(first17));
        hire.put("name", "清理倒签");
        hire.put("phone", "13905910188");
        hire.put("employmentStart", start.toString());
        hire.put("firstInsuredOn", start.toString());
        hire.put("remark", "疫情期间未能及时申报（清理测试）");
        Response r = api.post("employer.xm", "/api/v1/employers/" + employer + "/employees", hire);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        long person = r.body().path("personId").asLong();
        long first = jdbc.sql("SELECT min(id) FROM registry_enrollment WHERE person_id = :p").param("p", person)
                .query(Long.class).single();

        fujian.lift(today.minusDays(1));
        worklists.open(fujian.get());
        WorklistItem i = item("ENROLLMENT_BACKDATED", "registry-enrollment:" + first).orElseThrow();
        assertThat(i.regionCode()).isEqualTo("350200");
        assertThat(i.clauses()).containsExactly("FJ-5a");
        assertThat(i.label()).contains("清理倒签").contains(start.toString());
        assertThat(worklists.items(users.get("fj.finance"), "ENROLLMENT_BACKDATED", false, 100_000))
                .filteredOn(x -> x.label().contains("清理倒签")).hasSize(1);
    }

    @Test
    @DisplayName("FJ-1.4: injured 2020-03-10 during the employer's deferral of March 2020, recognized; March never "
            + "paid; Fujian lifted on 2020-06-30 (back payment due 2020-09-30, passed): the injury is on the list, "
            + "borne by the employer")
    void injuryDuringDeferral() {
        YearMonth month = YearMonth.of(2020, 3);
        Deferred d = deferred("吴受伤", month, 1);
        // injured 2020-03-10 (20 days before the recognition of 2020-03-30), applied for online, recognized
        Recognition r = WorkInjuryFixtures.recognized(recognitions, users, d.worker().personId(),
                LocalDate.of(2020, 3, 30));
        assertThat(r.injuredOn()).isEqualTo(LocalDate.of(2020, 3, 10));

        fujian.lift(LocalDate.of(2020, 6, 30));
        worklists.open(fujian.get());
        WorklistItem i = item("INJURY_DURING_DEFERRAL", "workinjury-recognition:" + r.id()).orElseThrow();
        assertThat(i.regionCode()).isEqualTo("350100");
        assertThat(i.clauses()).containsExactly("FJ-1.4");
        assertThat(i.label()).contains("吴受伤").contains(d.employer().name()).contains("2020-03-10")
                .contains("单位承担");
        assertThat(i.amount()).as("nothing awarded by the fund").isNull();
    }

    @Test
    @DisplayName("N-4, FJ-4: a nurse infected at work applies for recognition ten days ago, in the green channel while "
            + "Fujian's emergency is in force; Fujian lifted today: the application is on the green-channel list")
    void greenChannel() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long person = BillFixtures.person(persons, users.get("fz.clerk"), "郑护士").id();
        Recognition r = recognitions.apply(users.get("fz.clerk"), person, new Recognitions.Application("WORKER",
                today.minusDays(20).toString(), "救治患者时感染", true, true, false,
                List.of(new Recognitions.ClaimInput("ONLINE", today.minusDays(10).toString(), "政务网申请回执",
                        null))));
        assertThat(r.greenChannel()).isTrue();

        fujian.lift(today);
        worklists.open(fujian.get());
        WorklistItem i = item("GREEN_CHANNEL_INJURY", "workinjury-recognition:" + r.id()).orElseThrow();
        assertThat(i.regionCode()).isEqualTo("350100");
        assertThat(i.clauses()).containsExactly("N-4", "SX-4", "FJ-4");
        assertThat(i.label()).contains("郑护士").contains("救治患者时感染");
    }
}
