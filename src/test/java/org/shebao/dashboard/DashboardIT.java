package org.shebao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.casework.Case;
import org.shebao.casework.CaseWorkflow;
import org.shebao.contribution.BillFixtures;
import org.shebao.payroll.Payroll;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Dashboards (issue 14 item 8): each role's counts equal the totals of the lists they link to; the managers' "
        + "charts are scoped to their region, refused to anyone else, labelled in the user's language")
class DashboardIT {
    @Autowired
    ApiClient api;
    @Autowired
    TestUsers users;
    @Autowired
    Employers employers;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    Payroll payroll;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    long count(String user, String id) {
        JsonNode tiles = api.get(user, "/api/v1/dashboard").body();
        return StreamSupport.stream(tiles.spliterator(), false).filter(t -> t.path("id").asString().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not on " + user + "'s page: " + tiles))
                .path("count").asLong();
    }

    String href(String user, String id) {
        return StreamSupport.stream(api.get(user, "/api/v1/dashboard").body().spliterator(), false)
                .filter(t -> t.path("id").asString().equals(id)).findFirst().orElseThrow().path("href").asString();
    }

    long listTotal(String user, String query) {
        ApiClient.Response r = api.get(user, "/api/v1/cases" + query);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return Long.parseLong(r.raw().headers().firstValue("X-Total-Count").orElseThrow());
    }

    /** A new Fuzhou unit's deferral application, registered by a clerk by phone: one more open case in Fuzhou. */
    long phoneCase() {
        var e = BillFixtures.employer(employers, users.get("fz.clerk"), EmployerSize.SMALL);
        ApiClient.Response r = api.post("fz.clerk", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("employerId", String.valueOf(e.id()), "fromMonth", "2021-03", "months", "2",
                        "reason", "单位电话申请，受疫情影响停产")));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    @Test
    @DisplayName("a clerk's open and overdue cases and a reviewer's cases waiting for a decision equal the queue's totals "
            + "under the filter each links to, before and after a case is registered and pre-reviewed")
    void caseCountsAreTheQueuesTotals() {
        long queue = count("fz.clerk", "queue");
        assertThat(queue).isEqualTo(listTotal("fz.clerk", ""));
        assertThat(href("fz.clerk", "queue")).isEqualTo("/casework/queue");
        assertThat(count("fz.clerk", "overdue")).isEqualTo(listTotal("fz.clerk", "?overdue=true"));
        assertThat(href("fz.clerk", "overdue")).isEqualTo("/casework/queue?overdue=true");
        long decisions = count("fz.reviewer", "decisions");
        assertThat(decisions).isEqualTo(listTotal("fz.reviewer", "?status=PRE_REVIEWED"));
        assertThat(href("fz.reviewer", "decisions")).isEqualTo("/casework/queue?status=PRE_REVIEWED");

        long id = phoneCase();
        assertThat(count("fz.clerk", "queue")).isEqualTo(queue + 1).isEqualTo(listTotal("fz.clerk", ""));
        Case c = workflow.accept(users.get("fz.clerk"), id, 0);
        workflow.preReview(users.get("fz.clerk2"), id, c.version(), "属实");
        assertThat(count("fz.reviewer", "decisions")).isEqualTo(decisions + 1)
                .isEqualTo(listTotal("fz.reviewer", "?status=PRE_REVIEWED"));
        assertThat(count("fz.auditor", "overdue")).isEqualTo(listTotal("fz.auditor", "?overdue=true"));
    }

    @Test
    @DisplayName("a hall manager's bookings, check-ins and fevers equal the hall's day; a fever at the door adds one to "
            + "both; overdue incidents equal the overdue ones of the incident list; finance's runs awaiting approval "
            + "equal the filtered payroll list; an administrator's emergencies in force")
    void hallFinanceAndAdministratorCounts() throws Exception {
        JsonNode day = api.get("fz.hall", "/api/v1/halls/1/today").body();
        long bookings = StreamSupport.stream(day.path("slots").spliterator(), false)
                .mapToLong(s -> s.path("bookings").size()).sum();
        assertThat(count("fz.hall", "bookings-1")).isEqualTo(bookings);
        assertThat(count("fz.hall", "checkins-1")).isEqualTo(day.path("checkedIn").asLong());
        long fevers = count("fz.hall", "fevers-1");
        assertThat(fevers).isEqualTo(day.path("fevers").asLong());
        assertThat(href("fz.hall", "fevers-1")).isEqualTo("/hall/1");
        assertThat(href("fz.hall", "checks-1")).isEqualTo("/hall/1/ledger");
        ApiClient.Response walkIn = api.post("fz.hall", "/api/v1/halls/1/walk-ins",
                Map.of("visitorName", "看板发热", "service", "ENROLLMENT", "temperature", "37.8"));
        assertThat(walkIn.status()).as(walkIn.body().toString()).isEqualTo(201);
        assertThat(count("fz.hall", "fevers-1")).isEqualTo(fevers + 1)
                .isEqualTo(api.get("fz.hall", "/api/v1/halls/1/today").body().path("fevers").asLong());
        long overdue = StreamSupport.stream(api.get("fz.hall", "/api/v1/incidents").body().spliterator(), false)
                .filter(i -> i.path("overdue").asBoolean()).count();
        assertThat(count("fz.hall", "incidents")).isEqualTo(overdue);

        long awaiting = payroll.awaitingApproval(users.get("fz.finance")).size();
        assertThat(count("fz.finance", "awaiting")).isEqualTo(awaiting);
        String page = WebSession.login(port, "fz.finance").get("/payroll?awaiting=true").body();
        assertThat(page).contains("id=\"awaiting-filter\"");
        assertThat(page.split("class=\"badge approval", -1).length - 1).isEqualTo((int) awaiting);
        long month = payroll.thisMonth(users.get("fz.finance")).size();
        assertThat(count("fz.finance", "runs")).isEqualTo(month);
        assertThat(href("fz.finance", "runs")).isEqualTo("/payroll?thisMonth=true");
        String monthPage = WebSession.login(port, "fz.finance").get("/payroll?thisMonth=true").body();
        assertThat(monthPage).contains("id=\"month-filter\"");
        assertThat(java.util.regex.Pattern.compile("href=\"/payroll/runs/\\d+\"").matcher(monthPage).results().count())
                .as("runs listed").isEqualTo(month);
        assertThat(count("fj.admin", "emergencies")).isGreaterThanOrEqualTo(0);
        assertThat(api.get("fj.admin", "/api/v1/dashboard").body().toString()).contains("\"deadlines\"");
    }

    long phoneToday(String user) {
        JsonNode chart = api.get(user, "/api/v1/dashboard/charts/cases-by-channel").body();
        int last = chart.path("categories").size() - 1;
        return StreamSupport.stream(chart.path("series").spliterator(), false)
                .filter(s -> s.path("name").asString().equals("电话")).findFirst().orElseThrow()
                .path("data").get(last).asLong();
    }

    long youngest(String user) {
        return api.get(user, "/api/v1/dashboard/charts/queue-age").body().path("series").get(0).path("data").get(0).asLong();
    }

    @Test
    @DisplayName("charts: a Fuzhou phone case adds one to today's phone bar and to the youngest queue bucket of Fuzhou's "
            + "reviewer and hall manager and of Fujian's administrator, never of Shanxi's; a citizen and a clerk get 403, "
            + "an unknown chart 404; labels in English for the English locale")
    void chartsAreScopedAndRefused() {
        LocalDate today = LocalDate.now(clock);
        long fz = phoneToday("fz.reviewer");
        long fj = phoneToday("fj.admin");
        long sx = phoneToday("sx.admin");
        long fzYoung = youngest("fz.hall");
        long sxYoung = youngest("sx.admin");
        phoneCase();
        assertThat(phoneToday("fz.reviewer")).isEqualTo(fz + 1);
        assertThat(phoneToday("fj.admin")).isEqualTo(fj + 1);
        assertThat(phoneToday("sx.admin")).isEqualTo(sx);
        assertThat(youngest("fz.hall")).isEqualTo(fzYoung + 1);
        assertThat(youngest("sx.admin")).isEqualTo(sxYoung);
        JsonNode chart = api.get("fz.reviewer", "/api/v1/dashboard/charts/cases-by-channel").body();
        assertThat(chart.path("categories").size()).isEqualTo(30);
        assertThat(chart.path("categories").get(29).asString()).isEqualTo(today.toString().substring(5));

        JsonNode slots = api.get("fz.hall", "/api/v1/dashboard/charts/hall-slots").body();
        long capacity = StreamSupport.stream(slots.path("series").get(0).path("data").spliterator(), false)
                .mapToLong(JsonNode::asLong).sum();
        assertThat(capacity).isEqualTo(api.get("fz.hall", "/api/v1/halls/1/today").body().path("capacity").asLong());

        for (String user : new String[] {"citizen.fz", "fz.clerk", "fz.finance"}) {
            assertThat(api.get(user, "/api/v1/dashboard/charts/queue-age").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("fz.reviewer", "/api/v1/dashboard/charts/nothing").status()).isEqualTo(404);
        JsonNode en = api.send("fz.reviewer", "GET", "/api/v1/dashboard/charts/queue-age", null, "en").body();
        assertThat(en.path("title").asString()).isEqualTo("Age of the open cases");
        assertThat(en.path("categories").get(0).asString()).isEqualTo("0–2 days");
        assertThat(api.get("fz.reviewer", "/api/v1/dashboard/charts/queue-age").body().path("title").asString())
                .isEqualTo("待办件的件龄");
    }

    @Test
    @DisplayName("the hall manager's home page shows the counts as links, and each chart with its table of names")
    void homePage() throws Exception {
        String html = WebSession.login(port, "fz.hall").get("/").body();
        assertThat(html).contains("id=\"count-fevers-1\"").contains("href=\"/hall/1\"")
                .contains("id=\"chart-hall-slots\"").contains("id=\"chart-cases-by-channel\"")
                .contains("data-chart-url=\"/dashboard/charts/queue-age\"").contains("chart-table")
                .contains("/webjars/echarts/").contains("今日各时段预约与容量").doesNotContain("MOBILE_API");
        String clerk = WebSession.login(port, "fz.clerk").get("/").body();
        assertThat(clerk).contains("id=\"count-queue\"").doesNotContain("id=\"charts\"");
    }
}
