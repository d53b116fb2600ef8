package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Duty and incidents (N-7, FJ-7): the roster of leaders on duty, patrols, incidents acknowledged level by level, on the real PostgreSQL")
class HallDutyIT {
    static final long FUZHOU_HALL = 1;
    static final long TAIYUAN_HALL = 3;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    ApiClient.Response refused(int status, String user, String path, String field, Object body) {
        ApiClient.Response r = api.post(user, path, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.firstErrorField()).isEqualTo(field);
        return r;
    }

    /** A leader on duty today, put there by SQL (a city without a hall manager, or before the roster test). */
    void onDutyToday(String user, String name, String region, long hall) {
        jdbc.sql("""
                        INSERT INTO hall_duty (region_code, hall_id, day, leader_user, leader_name, assigned_by, assigned_at)
                        VALUES (:r, :h, :d, :u, :n, 'it', now()) ON CONFLICT DO NOTHING""")
                .param("r", region).param("h", hall).param("d", LocalDate.now(clock)).param("u", user).param("n", name)
                .update();
    }

    long report(String user, long hall, String kind, String description) {
        ApiClient.Response r = api.post(user, "/api/v1/halls/" + hall + "/incidents",
                Map.of("kind", kind, "description", description));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().path("level").asString()).isEqualTo("CITY");
        assertThat(r.body().path("status").asString()).isEqualTo("OPEN");
        return r.body().path("id").asLong();
    }

    ApiClient.Response acknowledge(String user, long id, boolean further) {
        return api.post(user, "/api/v1/incidents/" + id + "/acknowledgements", Map.of("reportFurther", further));
    }

    @Test
    @DisplayName("N-7 / FJ-7: ty.hall puts a Taiyuan staff user on duty (chosen by user name from the city's staff); "
            + "a user of another city, a portal user or a past day is 400 naming the field, nothing written; the same "
            + "leader twice on a day is 409")
    void roster() {
        LocalDate day = LocalDate.now(clock).plusDays(3);
        jdbc.sql("DELETE FROM hall_duty WHERE leader_user = 'ty.reviewer' AND NOT EXISTS "
                + "(SELECT 1 FROM hall_patrol p WHERE p.duty_id = hall_duty.id)").update();
        ApiClient.Response ok = api.post("ty.hall", "/api/v1/halls/3/duty", Map.of("day", day.toString(), "leader", "ty.reviewer"));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(201);
        assertThat(ok.body().path("leaderName").asString()).isNotBlank().doesNotContain("ty.reviewer");
        int before = count("hall_duty");
        refused(400, "ty.hall", "/api/v1/halls/3/duty", "leader", Map.of("day", day.toString(), "leader", "fz.clerk"));
        ApiClient.Response portal = refused(400, "ty.hall", "/api/v1/halls/3/duty", "leader",
                Map.of("day", day.toString(), "leader", "citizen.ty"));
        assertThat(portal.firstErrorMessage()).contains("本市经办机构的工作人员");
        refused(400, "ty.hall", "/api/v1/halls/3/duty", "day",
                Map.of("day", LocalDate.now(clock).minusDays(1).toString(), "leader", "ty.clerk"));
        refused(409, "ty.hall", "/api/v1/halls/3/duty", "leader", Map.of("day", day.toString(), "leader", "ty.reviewer"));
        assertThat(api.post("fz.hall", "/api/v1/halls/3/duty", Map.of("day", day.toString(), "leader", "ty.clerk"))
                .status()).isEqualTo(403);
        assertThat(count("hall_duty")).isEqualTo(before);
        JsonNode roster = api.get("ty.hall", "/api/v1/halls/3/duty").body();
        assertThat(roster.toString()).contains(day.toString()).contains(ok.body().path("leaderName").asString());
    }

    @Test
    @DisplayName("N-7: the leader on duty logs a patrol (time, place, findings) seen on the hall's roster; a patrol "
            + "for a day one is not on duty is 400 naming the day, a time not yet come 400 naming the time, nothing written")
    void patrols() {
        LocalDate today = LocalDate.now(clock);
        onDutyToday("ty.clerk2", "太原受理 张勇", "140100", TAIYUAN_HALL);
        LocalTime earlier = LocalTime.now(clock).minusMinutes(1).withSecond(0).withNano(0);
        String time = LocalTime.now(clock).isBefore(LocalTime.of(0, 2)) ? "00:00" : earlier.toString();
        ApiClient.Response ok = api.post("ty.clerk2", "/api/v1/me/patrols", Map.of("day", today.toString(),
                "time", time, "place", "一楼等候区", "findings", "等候人员间距不足一米，已安排分流"));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(201);
        int before = count("hall_patrol");
        ApiClient.Response notOnDuty = refused(400, "ty.clerk2", "/api/v1/me/patrols", "day",
                Map.of("day", today.minusDays(1).toString(), "time", "10:00", "place", "一楼", "findings", "正常"));
        assertThat(notOnDuty.firstErrorMessage()).contains("不是带班领导");
        refused(400, "ty.clerk", "/api/v1/me/patrols", "day",
                Map.of("day", today.toString(), "time", time, "place", "一楼", "findings", "正常"));
        refused(400, "ty.clerk2", "/api/v1/me/patrols", "time",
                Map.of("day", today.plusDays(1).toString(), "time", "10:00", "place", "一楼", "findings", "正常"));
        refused(400, "ty.clerk2", "/api/v1/me/patrols", "place",
                Map.of("day", today.toString(), "time", time, "place", "", "findings", "正常"));
        assertThat(count("hall_patrol")).isEqualTo(before);
        assertThat(api.get("ty.hall", "/api/v1/halls/3/duty").body().toString()).contains("等候人员间距不足一米");
        assertThat(api.get("ty.clerk2", "/api/v1/me/duty").body().toString()).contains("一楼等候区");
    }

    @Test
    @DisplayName("N-7 / FJ-7: a 37.5 °C walk-in opens a suspected case held by Fuzhou; the city's acknowledgement "
            + "reports it to the province with the province's limit; Fujian's administrator acknowledges it; each step "
            + "in the history with who and when; the province acting before its turn, or the city after it, is 400 "
            + "naming the level; Shanxi's administrator cannot see it")
    void suspectedCaseGoesToTheProvince() {
        ApiClient.Response walkIn = api.post("fz.hall", "/api/v1/halls/1/walk-ins",
                Map.of("visitorName", "疑似甲", "service", "ENROLLMENT", "temperature", "37.5"));
        assertThat(walkIn.status()).isEqualTo(201);
        long id = walkIn.body().path("incidentId").asLong();
        JsonNode opened = api.get("fz.hall", "/api/v1/incidents/" + id).body();
        assertThat(opened.path("incident").path("kind").asString()).isEqualTo("SUSPECTED_CASE");
        assertThat(opened.path("incident").path("level").asString()).isEqualTo("CITY");
        assertThat(opened.path("canAcknowledge").asBoolean()).isTrue();

        int events = count("hall_incident_event");
        ApiClient.Response early = refused(400, "fj.admin", "/api/v1/incidents/" + id + "/acknowledgements", "level",
                Map.of("reportFurther", false));
        assertThat(early.firstErrorMessage()).contains("等待市级经办机构确认");
        refused(400, "fz.clerk", "/api/v1/incidents/" + id + "/acknowledgements", "level", Map.of());
        assertThat(acknowledge("sx.admin", id, false).status()).isEqualTo(403);
        assertThat(count("hall_incident_event")).isEqualTo(events);

        ApiClient.Response city = acknowledge("fz.hall", id, false);
        assertThat(city.status()).as(city.body().toString()).isEqualTo(200);
        JsonNode atProvince = city.body().path("incident");
        assertThat(atProvince.path("level").asString()).isEqualTo("PROVINCE");
        assertThat(atProvince.path("status").asString()).isEqualTo("OPEN");
        JsonNode fjList = api.get("fj.admin", "/api/v1/incidents").body();
        assertThat(fjList.toString()).contains("\"id\":" + id + ",");
        assertThat(api.get("sx.admin", "/api/v1/incidents").body().toString()).doesNotContain("疑似甲");
        refused(400, "fz.hall", "/api/v1/incidents/" + id + "/acknowledgements", "level", Map.of());

        ApiClient.Response province = acknowledge("fj.admin", id, false);
        assertThat(province.status()).as(province.body().toString()).isEqualTo(200);
        assertThat(province.body().path("incident").path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(province.body().path("incident").path("level").asString()).isEqualTo("PROVINCE");
        List<String> steps = province.body().path("history").valueStream()
                .map(e -> e.path("action").asString() + ":" + e.path("level").asString() + ":" + e.path("byName").asString())
                .toList();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).startsWith("OPENED:CITY:");
        assertThat(steps.get(1)).startsWith("ACKNOWLEDGED:CITY:");
        assertThat(steps.get(2)).startsWith("FORWARDED:CITY:");
        assertThat(steps.get(3)).startsWith("ACKNOWLEDGED:PROVINCE:福建");
        assertThat(province.body().path("history").get(2).path("toLevel").asString()).isEqualTo("PROVINCE");
        assertThat(acknowledge("fj.admin", id, false).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("N-7: crowding reported by the leader on duty is settled by the city's acknowledgement; a complaint "
            + "the province chooses to report further goes to the ministry, which acknowledges it; a report past its "
            + "limit shows overdue and its late acknowledgement is marked in the history")
    void crowdingComplaintAndOverdue() {
        onDutyToday("fz.clerk2", "福州受理 陈伟", "350100", FUZHOU_HALL);
        long crowding = report("fz.clerk2", FUZHOU_HALL, "CROWDING", "上午十点等候区约80人，超过核定容量");
        ApiClient.Response settled = acknowledge("fz.hall", crowding, false);
        assertThat(settled.body().path("incident").path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(settled.body().path("incident").path("level").asString()).isEqualTo("CITY");

        long complaint = report("fz.hall", FUZHOU_HALL, "COMPLAINT", "群众投诉窗口排队时间过长");
        jdbc.sql("UPDATE hall_incident SET due_at = now() - interval '5 minutes' WHERE id = :id").param("id", complaint).update();
        JsonNode late = api.get("fz.hall", "/api/v1/incidents/" + complaint).body();
        assertThat(late.path("incident").path("overdue").asBoolean()).isTrue();
        assertThat(api.get("fj.admin", "/api/v1/incidents").body().valueStream()
                .filter(i -> i.path("id").asLong() == complaint).findFirst().orElseThrow()
                .path("overdue").asBoolean()).isTrue();
        ApiClient.Response up = acknowledge("fz.hall", complaint, true);
        assertThat(up.body().path("incident").path("level").asString()).isEqualTo("PROVINCE");
        assertThat(up.body().path("incident").path("overdue").asBoolean()).isFalse();
        assertThat(up.body().path("history").get(1).path("overdue").asBoolean()).isTrue();
        ApiClient.Response national = acknowledge("fj.admin", complaint, true);
        assertThat(national.body().path("incident").path("level").asString()).isEqualTo("NATIONAL");
        assertThat(api.get("admin", "/api/v1/incidents").body().toString()).contains("群众投诉窗口排队时间过长");
        ApiClient.Response done = acknowledge("admin", complaint, true);
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        assertThat(done.body().path("incident").path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(done.body().path("history").size()).isEqualTo(6);

        int incidents = count("hall_incident");
        refused(400, "fz.hall", "/api/v1/halls/1/incidents", "kind", Map.of("kind", "FIRE", "description", "x"));
        refused(400, "fz.hall", "/api/v1/halls/1/incidents", "description", Map.of("kind", "COMPLAINT", "description", " "));
        assertThat(api.post("fz.clerk", "/api/v1/halls/1/incidents", Map.of("kind", "COMPLAINT", "description", "x"))
                .status()).isEqualTo(403);
        assertThat(count("hall_incident")).isEqualTo(incidents);
    }

    @Test
    @DisplayName("N-7: the hall manager and the leader on duty acknowledge the same report at once: exactly one wins, "
            + "the others are 409 (or 400 naming the level once it moved up); the report moves up once and its history holds one acknowledgement")
    void oneAcknowledgementWins() throws Exception {
        onDutyToday("fz.clerk2", "福州受理 陈伟", "350100", FUZHOU_HALL);
        long id = report("fz.hall", FUZHOU_HALL, "SUSPECTED_CASE", "一名工作人员报告同住家属确诊");
        List<Callable<Integer>> both = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            both.add(() -> acknowledge("fz.hall", id, false).status());
            both.add(() -> acknowledge("fz.clerk2", id, false).status());
        }
        List<Integer> statuses = AllAtOnce.run(both);
        // the losers: 409 when they read the report before the winner's commit, 400 (level) when after it
        assertThat(statuses).isSubsetOf(200, 409, 400);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT level FROM hall_incident WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("PROVINCE");
        assertThat(jdbc.sql("SELECT count(*) FROM hall_incident_event WHERE incident_id = :id AND action = 'ACKNOWLEDGED'")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
    }
}
