package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.InvalidInputException;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.HygieneCheck;
import org.shebao.hall.internal.HygieneLedger;
import org.shebao.hall.internal.HygieneLedger.CheckLine;
import org.shebao.hall.internal.HygieneRule.Status;
import org.shebao.hall.internal.Supplies;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Hall ledgers (N-2, FJ-2, SX-5): hygiene checks, protective supplies and staff health, on the real PostgreSQL")
class HallLedgersIT {
    static final long FUZHOU_HALL = 1;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Appointments appointments;
    @Autowired
    HygieneLedger hygiene;
    @Autowired
    Supplies supplies;
    @Autowired
    TestUsers users;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Clock clock;

    int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    boolean workingDay(LocalDate d) {
        return deadlines.plusWorkingDays(d.minusDays(1), 1).equals(d);
    }

    /** Posts bad input: 400 naming the field. */
    ApiClient.Response refused(String user, String path, String field, Object body) {
        ApiClient.Response r = api.post(user, path, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.firstErrorField()).isEqualTo(field);
        return r;
    }

    CheckLine line(List<CheckLine> lines, HygieneCheck kind, String dueAt) {
        return lines.stream().filter(c -> c.kind() == kind && c.dueAt().toString().equals(dueAt)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("N-2 / FJ-2: on a working day at 12:30 a check done is done with who and when, one not done by its "
            + "time is overdue, a later one still due (Fuzhou: counters at 09:00, 12:00, 15:00 by FJ-2's parameter)")
    void overdueChecks() {
        Hall hall = appointments.hall(FUZHOU_HALL);
        LocalDate day = deadlines.plusWorkingDays(LocalDate.now(clock).minusDays(40), 1);
        jdbc.sql("DELETE FROM hall_hygiene_check WHERE hall_id = 1 AND day = :d").param("d", day).update();
        jdbc.sql("""
                        INSERT INTO hall_hygiene_check (region_code, hall_id, day, kind, due_at, done_by, done_by_name, done_at)
                        VALUES ('350100', 1, :d, 'VENTILATION', '09:00', 'fz.hall', '福州大厅主管 刘芳', :at)""")
                .param("d", day).param("at", day.atTime(8, 50).atZone(clock.getZone()).toOffsetDateTime()).update();
        List<CheckLine> lines = hygiene.checks(hall, day, day.atTime(12, 30));
        assertThat(line(lines, HygieneCheck.VENTILATION, "09:00").status()).isEqualTo(Status.DONE);
        assertThat(line(lines, HygieneCheck.VENTILATION, "09:00").doneByName()).isEqualTo("福州大厅主管 刘芳");
        assertThat(line(lines, HygieneCheck.COUNTER_DISINFECTION, "09:00").status()).isEqualTo(Status.OVERDUE);
        assertThat(line(lines, HygieneCheck.COUNTER_DISINFECTION, "12:00").status()).isEqualTo(Status.OVERDUE);
        assertThat(line(lines, HygieneCheck.COUNTER_DISINFECTION, "15:00").status()).isEqualTo(Status.DUE);
        assertThat(line(lines, HygieneCheck.VENTILATION, "15:00").status()).isEqualTo(Status.DUE);
        // 3 ventilations + 3 counters (FJ-2) + 2 machines + 1 masks
        assertThat(lines).hasSize(9);
        assertThat(lines.stream().filter(CheckLine::overdue).count()).isEqualTo(5);
    }

    @Test
    @DisplayName("N-2 over the API: a check of today is recorded once (201, then 409 naming who did it); a time that "
            + "is not one of its due times or an unknown check is 400 naming the field, nothing written")
    void recordChecks() {
        Assumptions.assumeTrue(workingDay(LocalDate.now(clock)), "the hall is open today");
        jdbc.sql("DELETE FROM hall_hygiene_check WHERE hall_id = 1 AND day = :d AND kind = 'STAFF_MASKS'")
                .param("d", LocalDate.now(clock)).update();
        ApiClient.Response done = api.post("fz.hall", "/api/v1/halls/1/hygiene-checks",
                Map.of("check", "STAFF_MASKS", "dueAt", "09:00", "note", "全员佩戴"));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(201);
        assertThat(done.body().path("status").asString()).isEqualTo("DONE");
        int before = count("hall_hygiene_check");
        ApiClient.Response again = api.post("fz.hall", "/api/v1/halls/1/hygiene-checks",
                Map.of("check", "STAFF_MASKS", "dueAt", "09:00"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("刘芳");
        refused("fz.hall", "/api/v1/halls/1/hygiene-checks", "dueAt",
                Map.of("check", "STAFF_MASKS", "dueAt", "10:00"));
        refused("fz.hall", "/api/v1/halls/1/hygiene-checks", "check",
                Map.of("check", "SWEEPING", "dueAt", "09:00"));
        assertThat(count("hall_hygiene_check")).isEqualTo(before);
    }

    @Test
    @DisplayName("N-2 under concurrency: 30 parallel issues of 1 thermometer from a stock of 10 give exactly 10; the "
            + "others are refused naming the quantity; the stock ends at 0, never below, with 10 issues written")
    void parallelIssues() throws Exception {
        ShebaoUser manager = users.get("fz.hall");
        jdbc.sql("UPDATE hall_supply_stock SET stock = 10 WHERE hall_id = 1 AND item = 'THERMOMETERS'").update();
        jdbc.sql("DELETE FROM hall_supply_movement WHERE hall_id = 1 AND item = 'THERMOMETERS'").update();
        Callable<String> issue = () -> {
            try {
                supplies.move(manager, FUZHOU_HALL, "ISSUE", "THERMOMETERS", "1", "入口测温岗", null);
                return "issued";
            } catch (InvalidInputException e) {
                return e.violations().get(0).field();
            }
        };
        List<String> outcomes = AllAtOnce.run(Collections.nCopies(30, issue));
        assertThat(outcomes.stream().filter("issued"::equals).count()).isEqualTo(10);
        assertThat(outcomes.stream().filter("quantity"::equals).count()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT stock FROM hall_supply_stock WHERE hall_id = 1 AND item = 'THERMOMETERS'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM hall_supply_movement WHERE hall_id = 1 AND item = 'THERMOMETERS'")
                .query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    @DisplayName("N-2 bad input over the API: an issue larger than the stock is 400 naming the quantity with the stock, "
            + "a receipt of 0 or of an unknown item 400, nothing written; a receipt raises the stock, below the "
            + "minimum (FJ-2: 300 masks) it warns")
    void badSupplies() {
        jdbc.sql("UPDATE hall_supply_stock SET stock = 5 WHERE hall_id = 1 AND item = 'DISINFECTANT'").update();
        int before = count("hall_supply_movement");
        ApiClient.Response tooMany = refused("fz.hall", "/api/v1/halls/1/supplies/movements", "quantity",
                Map.of("direction", "ISSUE", "item", "DISINFECTANT", "quantity", "6", "party", "保洁组"));
        assertThat(tooMany.firstErrorMessage()).contains("6").contains("5");
        refused("fz.hall", "/api/v1/halls/1/supplies/movements", "quantity",
                Map.of("direction", "RECEIPT", "item", "DISINFECTANT", "quantity", "0"));
        refused("fz.hall", "/api/v1/halls/1/supplies/movements", "item",
                Map.of("direction", "RECEIPT", "item", "GLOVES", "quantity", "3"));
        refused("fz.hall", "/api/v1/halls/1/supplies/movements", "direction",
                Map.of("direction", "LOAN", "item", "MASKS", "quantity", "3"));
        assertThat(api.post("citizen.fz", "/api/v1/halls/1/supplies/movements",
                Map.of("direction", "RECEIPT", "item", "MASKS", "quantity", "3")).status()).isEqualTo(403);
        assertThat(count("hall_supply_movement")).isEqualTo(before);
        assertThat(jdbc.sql("SELECT stock FROM hall_supply_stock WHERE hall_id = 1 AND item = 'DISINFECTANT'")
                .query(Integer.class).single()).isEqualTo(5);

        jdbc.sql("UPDATE hall_supply_stock SET stock = 0 WHERE hall_id = 1 AND item = 'MASKS'").update();
        ApiClient.Response received = api.post("fz.hall", "/api/v1/halls/1/supplies/movements",
                Map.of("direction", "RECEIPT", "item", "MASKS", "quantity", "250", "party", "采购"));
        assertThat(received.status()).isEqualTo(201);
        assertThat(received.body().path("stock").asInt()).isEqualTo(250);
        assertThat(received.body().path("minimum").asInt()).isEqualTo(300);
        assertThat(received.body().path("low").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("SX-5 staff health: a staff member self-reports 37.6 °C (201, flagged), the hall manager is told "
            + "in-app; a report twice a day is 409; 45 °C, an unknown symptom, a colleague of another city, a province "
            + "user with no hall: 400 naming the field, nothing written; the manager enters a cough and the month's "
            + "days absent for health are counted")
    void staffHealth() {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("DELETE FROM hall_staff_health WHERE staff_user IN ('fz.clerk2', 'fz.auditor')").update();
        jdbc.sql("DELETE FROM notification_outbox WHERE recipient_user = 'fz.hall' AND subject LIKE '%陈伟%'").update();

        ApiClient.Response fever = api.post("fz.clerk2", "/api/v1/me/health-reports",
                Map.of("temperature", "37.6", "symptoms", List.of()));
        assertThat(fever.status()).as(fever.body().toString()).isEqualTo(201);
        assertThat(fever.body().path("flagged").asBoolean()).isTrue();
        assertThat(fever.body().path("fever").asBoolean()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT body FROM notification_outbox WHERE recipient_user = 'fz.hall' AND channel = 'IN_APP'
                           AND subject LIKE '%陈伟%'""").query(String.class).list())
                .singleElement().asString().contains("37.6").contains(today.toString()));
        JsonNode inbox = api.get("fz.hall", "/api/v1/notifications").body();
        assertThat(inbox.toString()).contains("陈伟");

        int before = count("hall_staff_health");
        assertThat(api.post("fz.clerk2", "/api/v1/me/health-reports", Map.of("temperature", "36.5")).status())
                .isEqualTo(409);
        ApiClient.Response hot = refused("fz.clerk", "/api/v1/me/health-reports", "temperature",
                Map.of("temperature", "45"));
        assertThat(hot.firstErrorMessage()).contains("不合理");
        refused("fz.clerk", "/api/v1/me/health-reports", "temperature",
                Map.of("temperature", "30.0"));
        refused("fz.clerk", "/api/v1/me/health-reports", "symptoms",
                Map.of("temperature", "36.5", "symptoms", List.of("SNEEZING")));
        refused("fz.hall", "/api/v1/halls/1/staff-health", "staff",
                Map.of("staff", "ty.clerk", "temperature", "36.5"));
        refused("fj.admin", "/api/v1/me/health-reports", "staff",
                Map.of("temperature", "36.5"));
        assertThat(count("hall_staff_health")).isEqualTo(before);

        YearMonth month = YearMonth.from(today);
        List<LocalDate> earlier = month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1))
                .filter(d -> !d.equals(today)).limit(2).toList();
        for (LocalDate d : earlier) {
            jdbc.sql("""
                            INSERT INTO hall_staff_health (region_code, hall_id, staff_user, staff_name, day, temperature,
                                                           threshold, symptoms, absent, flagged, reported_by, reported_at)
                            VALUES ('350100', 1, 'fz.auditor', '福州稽核 郭强', :d, 37.8, 37.3, '', true, true, 'fz.auditor', now())""")
                    .param("d", d).update();
        }
        ApiClient.Response cough = api.post("fz.hall", "/api/v1/halls/1/staff-health",
                Map.of("staff", "fz.auditor", "temperature", "36.8", "symptoms", List.of("COUGH"), "absent", true));
        assertThat(cough.status()).as(cough.body().toString()).isEqualTo(201);
        assertThat(cough.body().path("flagged").asBoolean()).isTrue();
        assertThat(cough.body().path("fever").asBoolean()).isFalse();
        assertThat(cough.body().path("self").asBoolean()).isFalse();
        JsonNode ledger = api.get("fz.hall", "/api/v1/halls/1/staff-health").body();
        JsonNode auditor = null;
        for (JsonNode s : ledger.path("staff")) {
            if (s.path("username").asString().equals("fz.auditor")) {
                auditor = s;
            }
        }
        assertThat(auditor).isNotNull();
        assertThat(auditor.path("absentDays").asInt()).isEqualTo(3);
        assertThat(auditor.path("flagged").asBoolean()).isTrue();
        assertThat(ledger.path("flagged").asInt()).isGreaterThanOrEqualTo(2);
    }
}
