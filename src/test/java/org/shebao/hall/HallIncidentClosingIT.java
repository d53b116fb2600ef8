package org.shebao.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.hall.internal.Incidents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Incidents (N-7, FJ-7): the next level told when a report reaches it or passes its time limit; a report "
        + "closed with its resolution, once, on the real PostgreSQL")
class HallIncidentClosingIT {
    static final long FUZHOU_HALL = 1;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Incidents incidents;

    long report(String kind, String description) {
        ApiClient.Response r = api.post("fz.hall", "/api/v1/halls/" + FUZHOU_HALL + "/incidents",
                Map.of("kind", kind, "description", description));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    List<String> toldAbout(long id) {
        return jdbc.sql("SELECT recipient_user || ':' || subject FROM notification_outbox WHERE link = :l "
                        + "AND channel = 'IN_APP' ORDER BY id")
                .param("l", "/incidents/" + id).query(String.class).list();
    }

    ApiClient.Response close(String user, long id, String resolution) {
        return api.post(user, "/api/v1/incidents/" + id + "/closure",
                resolution == null ? Map.of() : Map.of("resolution", resolution));
    }

    int events(long id) {
        return jdbc.sql("SELECT count(*) FROM hall_incident_event WHERE incident_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("FJ-7: a suspected case the city acknowledges goes to the province, and Fujian's administrators are "
            + "told in-app with a link to the report; Shanxi's are not")
    void escalationTellsTheProvince() {
        long id = report("SUSPECTED_CASE", "来访人自述有发热病例接触史");
        assertThat(api.post("fz.hall", "/api/v1/incidents/" + id + "/acknowledgements", Map.of()).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(toldAbout(id))
                .anySatisfy(m -> assertThat(m).startsWith("fj.admin:").contains("疑似病例").contains("待确认")));
        assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE link = :l AND recipient_user = 'fj.admin'")
                .param("l", "/incidents/" + id).query(String.class).single())
                .containsPattern("已报省级人社部门，请于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 前确认");
        assertThat(toldAbout(id)).noneMatch(m -> m.startsWith("sx.admin:") || m.startsWith("admin:"));
    }

    @Test
    @DisplayName("N-7: a report past the city's limit is told to the city's hall managers and the day's leaders on duty "
            + "once, however often or by how many nodes the time-limit job runs at once")
    void overdueToldOnce() throws Exception {
        long id = report("COMPLAINT", "群众投诉等候区未按要求通风");
        jdbc.sql("INSERT INTO hall_duty (region_code, hall_id, day, leader_user, leader_name, assigned_by, assigned_at) "
                + "VALUES ('350100', 1, (now() AT TIME ZONE 'Asia/Shanghai')::date, 'fz.clerk2', '福州受理 陈伟', 'it', now()) "
                + "ON CONFLICT DO NOTHING").update();
        jdbc.sql("UPDATE hall_incident SET due_at = now() - interval '5 minutes' WHERE id = :id").param("id", id).update();
        List<Callable<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(incidents::notifyOverdue);
        }
        AllAtOnce.run(jobs);
        incidents.notifyOverdue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(toldAbout(id))
                .anySatisfy(m -> assertThat(m).startsWith("fz.hall:").contains("逾期"))
                .anySatisfy(m -> assertThat(m).startsWith("fz.clerk2:")));
        assertThat(toldAbout(id).stream().filter(m -> m.startsWith("fz.hall:")).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT overdue_notified_level FROM hall_incident WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CITY");
    }

    @Test
    @DisplayName("N-7: a report is closed with who, when and its resolution (required: 400 naming it, nothing "
            + "written); a user of no level is 400 naming the level; closed, it leaves the overdue list and its history "
            + "ends with the closing; closing again is 409")
    void closing() {
        long id = report("CROWDING", "下午三点等候区约60人");
        jdbc.sql("UPDATE hall_incident SET due_at = now() - interval '5 minutes' WHERE id = :id").param("id", id).update();
        int before = events(id);
        ApiClient.Response blank = close("fz.hall", id, " ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.firstErrorField()).isEqualTo("resolution");
        ApiClient.Response clerk = close("fz.clerk", id, "已分流");
        assertThat(clerk.status()).isEqualTo(400);
        assertThat(clerk.firstErrorField()).isEqualTo("level");
        assertThat(close("sx.admin", id, "已分流").status()).isEqualTo(403);
        assertThat(events(id)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT status FROM hall_incident WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("OPEN");

        ApiClient.Response ok = close("fz.hall", id, "已增开两个窗口分流，16时恢复正常");
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        JsonNode i = ok.body().path("incident");
        assertThat(i.path("status").asString()).isEqualTo("CLOSED");
        assertThat(i.path("overdue").asBoolean()).isFalse();
        assertThat(i.path("resolution").asString()).contains("增开两个窗口");
        assertThat(i.path("closedByName").asString()).isNotBlank().doesNotContain("fz.hall");
        assertThat(i.path("closedAt").isNull()).isFalse();
        JsonNode last = ok.body().path("history").get(ok.body().path("history").size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("CLOSED");
        assertThat(last.path("note").asString()).contains("增开两个窗口");
        assertThat(ok.body().path("canClose").asBoolean()).isFalse();
        assertThat(api.get("fz.hall", "/api/v1/incidents").body().valueStream()
                .filter(x -> x.path("id").asLong() == id).findFirst().orElseThrow().path("overdue").asBoolean()).isFalse();
        assertThat(close("fz.hall", id, "再次结案").status()).isEqualTo(409);
        assertThat(events(id)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("N-7 / FJ-7: a report the province holds cannot be closed by the city (400 naming the level); two "
            + "closes at once by Fujian's administrator: exactly one wins, the others 409, one closing in the history")
    void oneCloseWins() throws Exception {
        long id = report("SUSPECTED_CASE", "工作人员报告同住家属为密切接触者");
        assertThat(api.post("fz.hall", "/api/v1/incidents/" + id + "/acknowledgements", Map.of()).status()).isEqualTo(200);
        ApiClient.Response city = close("fz.hall", id, "已处理");
        assertThat(city.status()).isEqualTo(400);
        assertThat(city.firstErrorField()).isEqualTo("level");
        List<Callable<Integer>> closes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            closes.add(() -> close("fj.admin", id, "经流调排除，解除留观").status());
        }
        List<Integer> statuses = AllAtOnce.run(closes);
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM hall_incident_event WHERE incident_id = :id AND action = 'CLOSED'")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
    }
}
