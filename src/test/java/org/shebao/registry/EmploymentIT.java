package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("增员 / 减员 (issue 11): an employer enrolls and removes its employees, FJ-5a and N-5a on the day of registration")
class EmploymentIT {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiClient api;


    static String freshIdNumber(String region) {
        String first17 = region + "19900307" + String.format("%03d", SEQ.incrementAndGet());
        return first17 + IdNumber.checkChar(first17);
    }

    long employerOf(String user) {
        return jdbc.sql("SELECT employer_id FROM identity_user WHERE username = :u").param("u", user)
                .query(Long.class).single();
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    static Map<String, Object> hire(String idNumber, String name, LocalDate start, LocalDate first, String remark) {
        Map<String, Object> m = new HashMap<>();
        m.put("idNumber", idNumber);
        m.put("name", name);
        m.put("phone", "13905910123");
        m.put("employmentStart", start.toString());
        m.put("firstInsuredOn", first.toString());
        m.put("remark", remark);
        return m;
    }

    long personsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM registry_person WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    @DisplayName("社会保险法 第五十八条: employer.ty adds a new employee in time: the person is registered in Taiyuan and "
            + "enrolled in the three insurances from this month, with no flag")
    void hireInTime() {
        long employer = employerOf("employer.ty");
        String id = freshIdNumber("140105");
        LocalDate first = YearMonth.from(today()).atDay(1);
        Response r = api.post("employer.ty", "/api/v1/employers/" + employer + "/employees",
                hire(id, "增员甲", first.minusDays(3), first, null));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().path("personRegistered").asBoolean()).isTrue();
        assertThat(r.body().path("daysLate").asLong()).isZero();
        assertThat(r.body().path("enrollments").findValuesAsString("insuranceType"))
                .containsExactly("ENTERPRISE_PENSION", "UNEMPLOYMENT", "WORK_INJURY");
        assertThat(r.body().path("enrollments").findValuesAsString("flags")).containsOnly("");
        assertThat(r.body().path("enrollments").findValuesAsString("employmentStart"))
                .containsOnly(first.minusDays(3).toString());
        assertThat(r.raw().body()).doesNotContain(id);
        assertThat(jdbc.sql("SELECT region_code FROM registry_person WHERE name = '增员甲'").query(String.class).single())
                .isEqualTo(jdbc.sql("SELECT region_code FROM registry_employer WHERE id = :e").param("e", employer)
                        .query(String.class).single());
        // the same person again: already enrolled (with this employer), refused, nothing more written
        Response again = api.post("employer.ty", "/api/v1/employers/" + employer + "/employees",
                hire(id, "增员甲", first.minusDays(3), first, null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("须由原单位先办理减员");
        assertThat(jdbc.sql("SELECT count(*) FROM registry_enrollment en JOIN registry_person p ON p.id = en.person_id"
                + " WHERE p.name = '增员甲'").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    @DisplayName("FJ-5a / N-5a: employer.xm registers late an employment begun during Fujian's emergency: backdated to "
            + "the start only with a remark; accepted and flagged with both clauses")
    void backdatedInFujian() {
        long employer = employerOf("employer.xm");
        String id = freshIdNumber("350203");
        LocalDate start = YearMonth.from(today()).minusMonths(2).atDay(5);
        Response noRemark = api.post("employer.xm", "/api/v1/employers/" + employer + "/employees",
                hire(id, "增员乙", start, start, null));
        assertThat(noRemark.status()).isEqualTo(400);
        assertThat(noRemark.firstErrorField()).isEqualTo("remark");
        assertThat(noRemark.firstErrorMessage()).contains("备注").contains("FJ-5a");
        assertThat(personsNamed("增员乙")).as("nothing written, not even the person").isZero();
        Response ok = api.post("employer.xm", "/api/v1/employers/" + employer + "/employees",
                hire(id, "增员乙", start, start, "疫情期间未能及时申报"));
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(201);
        assertThat(ok.body().path("enrollments").findValuesAsString("firstInsuredOn")).containsOnly(start.toString());
        assertThat(ok.body().path("enrollments").findValuesAsString("flags"))
                .containsOnly("BACKDATED_ENROLLMENT:FJ-5a LATE_EMPLOYER_ENROLLMENT:N-5a");
        // late by the days after start + 30 (社会保险法 第五十八条)
        assertThat(ok.body().path("daysLate").asLong())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(start.plusDays(30), today()));
    }

    @Test
    @DisplayName("FJ-5a is Fujian's: a Taiyuan employer's backdated date is refused with the reason, nothing written")
    void noBackdatingInShanxi() {
        long employer = employerOf("employer.ty");
        LocalDate start = YearMonth.from(today()).minusMonths(2).atDay(5);
        Response r = api.post("employer.ty", "/api/v1/employers/" + employer + "/employees",
                hire(freshIdNumber("140105"), "增员丙", start, start, "补办"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo("firstInsuredOn");
        assertThat(r.firstErrorMessage()).contains("现行政策不允许向前更改首次参保时间").doesNotContain("FJ-5a");
        assertThat(personsNamed("增员丙")).isZero();
    }

    @Test
    @DisplayName("an employer acts for its own unit only: employer.ty adding or removing at Xiamen's employer gets 403, "
            + "nothing written; a name that is not the registered one is refused")
    void ownUnitOnly() {
        long xm = employerOf("employer.xm");
        LocalDate first = YearMonth.from(today()).atDay(1);
        Response other = api.post("employer.ty", "/api/v1/employers/" + xm + "/employees",
                hire(freshIdNumber("350203"), "增员丁", first, first, null));
        assertThat(other.status()).isEqualTo(403);
        assertThat(personsNamed("增员丁")).isZero();
        long someone = jdbc.sql("SELECT person_id FROM registry_enrollment WHERE employer_id = :e AND ended_on IS NULL LIMIT 1")
                .param("e", xm).query(Long.class).single();
        Response sep = api.post("employer.ty", "/api/v1/employers/" + xm + "/employees/" + someone + "/separation",
                Map.of("endedOn", today().toString(), "reason", "RESIGNED"));
        assertThat(sep.status()).isEqualTo(403);
        // the ID number of a registered Xiamen person with another name
        String registered = "增员戊";
        String id = freshIdNumber("350203");
        assertThat(api.post("employer.xm", "/api/v1/employers/" + xm + "/employees", hire(id, registered, first, first, null))
                .status()).isEqualTo(201);
        Response wrongName = api.post("employer.xm", "/api/v1/employers/" + xm + "/employees",
                hire(id, "别人", first, first, null));
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(wrongName.firstErrorField()).isEqualTo("name");
    }

    @Test
    @DisplayName("减员 under 8 parallel requests: exactly one ends the three enrollments (day, reason, who), the others "
            + "are refused; a future day and a day before the start are refused first")
    void separationSingleWinner() throws Exception {
        long employer = employerOf("employer.ty");
        LocalDate first = YearMonth.from(today()).atDay(1);
        Response hired = api.post("employer.ty", "/api/v1/employers/" + employer + "/employees",
                hire(freshIdNumber("140105"), "增员己", first, first, null));
        assertThat(hired.status()).isEqualTo(201);
        long person = hired.body().path("personId").asLong();
        String path = "/api/v1/employers/" + employer + "/employees/" + person + "/separation";
        Response future = api.post("employer.ty", path, Map.of("endedOn", today().plusDays(1).toString(), "reason", "RESIGNED"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.firstErrorField()).isEqualTo("endedOn");
        Response noReason = api.post("employer.ty", path, Map.of("endedOn", today().toString(), "reason", "FIRED"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.firstErrorField()).isEqualTo("reason");
        if (first.isBefore(today())) {
            Response beforeStart = api.post("employer.ty", path, Map.of("endedOn", first.minusDays(1).toString(),
                    "reason", "RESIGNED"));
            assertThat(beforeStart.status()).isEqualTo(400);
            assertThat(beforeStart.firstErrorMessage()).contains("不能早于参保开始日期");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<Integer> call = () -> api.post("employer.ty", path,
                        Map.of("endedOn", today().toString(), "reason", "DISMISSED")).status();
                results.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT ended_on, end_reason, ended_by FROM registry_enrollment"
                + " WHERE person_id = :p").param("p", person).query().listOfRows();
        assertThat(rows).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("ended_on").toString()).isEqualTo(today().toString());
            assertThat(r.get("end_reason")).isEqualTo("DISMISSED");
            assertThat(r.get("ended_by")).isEqualTo("employer.ty");
        });
        // once removed, another enrollment may begin (the open-enrollment key is free again)
        assertThat(jdbc.sql("SELECT count(*) FROM registry_enrollment WHERE person_id = :p AND ended_on IS NULL")
                .param("p", person).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("at the counter a flexible worker's first-insured date before this month is refused (FJ-5a covers employees only)")
    void counterFlexibleNotBackdated() {
        Map<String, Object> p = RegistryApiIT.person(freshIdNumber("350104"));
        long personId = api.post("fz.clerk", "/api/v1/persons", p).body().path("id").asLong();
        Map<String, Object> body = new HashMap<>(Map.of("category", "FLEXIBLE", "insuranceType", "ENTERPRISE_PENSION",
                "firstInsuredOn", YearMonth.from(today()).minusMonths(1).atDay(1).toString(), "remark", "补办"));
        Response r = api.post("fz.clerk", "/api/v1/persons/" + personId + "/enrollments", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.firstErrorMessage()).contains("只有单位职工的延期参保登记才可向前更改");
        assertThat(api.get("fz.clerk", "/api/v1/persons/" + personId + "/enrollments").body().size()).isZero();
    }
}
