package org.shebao.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Targeted notices (N-6, FJ-7): audience by rule, count before sending = delivery records, sent once; "
        + "public notices, FAQ and 办事指南 without login")
class NoticesIT {
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @LocalServerPort
    int port;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeFixtures fixtures;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    FujianEmergency fujian;

    private static Map<String, Object> draft(String title, String body, String audience, List<String> channels,
                                             boolean published) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("body", body);
        m.put("audience", audience);
        m.put("channels", channels);
        m.put("published", published);
        return m;
    }

    private long notices() {
        return jdbc.sql("SELECT count(*) FROM notification_notice").query(Long.class).single();
    }

    private long noticeRows() {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE notice_id IS NOT NULL").query(Long.class).single();
    }

    private Map<String, Integer> perChannel(long noticeId) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("SELECT channel, count(*) AS n FROM notification_outbox WHERE notice_id = :id GROUP BY channel")
                .param("id", noticeId).query((rs, i) -> out.put(rs.getString("channel"), rs.getInt("n"))).list();
        return out;
    }

    private static Map<String, Integer> reach(JsonNode preview) {
        Map<String, Integer> out = new HashMap<>();
        preview.path("reach").forEach(r -> out.put(r.path("channel").asString(), r.path("deliveries").asInt()));
        return out;
    }

    /** Drafts and sends; checks that what was counted before sending is what was written. */
    private JsonNode sendAndCheck(String clerk, String audience, List<String> channels) {
        ApiClient.Response d = api.post(clerk, "/api/v1/notices", draft("关于" + audience + "的提示", "请留意办理时限。",
                audience, channels, false));
        assertThat(d.status()).as(d.raw().body()).isEqualTo(201);
        JsonNode preview = d.body();
        long id = preview.path("notice").path("id").asLong();
        int members = preview.path("members").asInt();
        int deliveries = preview.path("deliveries").asInt();
        assertThat(members).as(audience).isPositive();
        assertThat(perChannel(id)).as("a draft sends nothing").isEmpty();
        ApiClient.Response sent = api.post(clerk, "/api/v1/notices/" + id + "/send", Map.of("expected", deliveries));
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(200);
        assertThat(sent.body().path("notice").path("state").asString()).isEqualTo("SENT");
        assertThat(sent.body().path("deliveries").asInt()).isEqualTo(deliveries);
        Map<String, Integer> written = perChannel(id);
        assertThat(written.values().stream().mapToInt(Integer::intValue).sum()).as(audience + ": count = deliveries")
                .isEqualTo(deliveries);
        Map<String, Integer> counted = reach(preview);
        counted.values().removeIf(n -> n == 0);
        assertThat(written).as(audience + ": per channel").isEqualTo(counted);
        if (channels.contains("LETTER")) {
            assertThat(written.get("LETTER")).as("a letter to every member").isEqualTo(members);
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT coalesce(person_id, -employer_id)) FROM notification_outbox"
                + " WHERE notice_id = :id").param("id", id).query(Integer.class).single()).isLessThanOrEqualTo(members);
        assertThat(jdbc.sql("SELECT delivery_count FROM notification_notice WHERE id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(deliveries);
        return sent.body();
    }

    /** The publicity clerk of a city: the demo's in Fuzhou and Taiyuan, else one made for the test. */
    private String publicityOf(String city) {
        if (city.equals("350100") || city.equals("140100")) {
            return city.equals("350100") ? "fz.publicity" : "ty.publicity";
        }
        String username = "notice.publicity." + city;
        if (!users.exists(username)) {
            users.create(new Users.NewUser(username, encoder.encode(ApiClient.PASSWORD), "宣传 测试", Role.PUBLICITY,
                    new RegionCode(city), null, null));
        }
        return username;
    }

    @Test
    @DisplayName("N-6: every audience rule of fz.publicity — recipients whose certification lapsed (N-1c), employers "
            + "with a deferral, persons with a pending commitment (SX-3/FJ-3), persons with a 2020 deferral (N-5b), all "
            + "insured persons — the count before sending equals the delivery records, per channel; a recipient reads it")
    void everyRuleCountEqualsDeliveries() {
        NoticeFixtures.Citizen citizen = fixtures.citizenWithPendingCommitment("郑通知");
        long employer = fixtures.employerWithDeferral();

        JsonNode commitment = sendAndCheck("fz.publicity", "PENDING_COMMITMENT", List.of("IN_APP", "SMS", "LETTER"));
        long commitmentId = commitment.path("notice").path("id").asLong();
        // a Fuzhou notice cites the clauses that apply in Fuzhou: FJ-3, not Shanxi's SX-3 (and the other way round)
        assertThat(commitment.path("clauses").toString()).contains("N-6").contains("FJ-3").doesNotContain("SX-3");
        assertThat(api.get("ty.publicity", "/api/v1/notices/rules").body().toString()).contains("SX-3")
                .doesNotContain("FJ-3");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE notice_id = :id AND person_id = :p")
                .param("id", commitmentId).param("p", citizen.personId()).query(Integer.class).single())
                .as("in-app, SMS and a letter to the applicant who signed the commitment").isEqualTo(3);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get(citizen.username(), "/api/v1/notifications").body().toString())
                        .contains("关于PENDING_COMMITMENT的提示"));

        JsonNode deferral = sendAndCheck("fz.publicity", "EMPLOYER_DEFERRAL", List.of("IN_APP", "SMS", "LETTER"));
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE notice_id = :id AND employer_id = :e")
                .param("id", deferral.path("notice").path("id").asLong()).param("e", employer)
                .query(Integer.class).single()).as("the unit granted a deferral gets a letter").isPositive();

        sendAndCheck("fz.publicity", "CERTIFICATION_LAPSED", List.of("SMS", "HOTLINE", "LETTER"));
        // the small demo of the tests defers one flexible worker's 2020 (N-5b): that city's publicity clerk tells them
        String deferralCity = jdbc.sql("SELECT min(region_code) FROM contribution_deferral").query(String.class).single();
        sendAndCheck(publicityOf(deferralCity.substring(0, 4) + "00"), "PERSON_DEFERRAL", List.of("SMS", "LETTER"));
        JsonNode insured = sendAndCheck("fz.publicity", "INSURED_PERSONS", List.of("SMS", "LETTER"));
        int insuredNow = jdbc.sql("""
                        SELECT count(DISTINCT p.id) FROM registry_person p JOIN registry_enrollment e
                          ON e.person_id = p.id AND e.region_code = p.region_code
                        WHERE p.region_code LIKE '3501%' AND e.first_insured_on <= :today
                          AND (e.ended_on IS NULL OR e.ended_on >= :today)""")
                .param("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).query(Integer.class).single();
        assertThat(insured.path("members").asInt()).as("every insured person of Fuzhou").isEqualTo(insuredNow);
        // the letter file of a sent notice: one letter per member, names only
        assertThat(api.get("fz.publicity", "/api/v1/notices/" + insured.path("notice").path("id").asLong())
                .body().path("deliveries").asInt()).isEqualTo(insured.path("deliveries").asInt());
    }

    @Test
    @DisplayName("N-6: a double click (8 sends at once) sends once: one 200, the others 409 already sent, one set of "
            + "delivery records")
    void sendIsSingleWinner() throws Exception {
        JsonNode preview = api.post("fz.publicity", "/api/v1/notices", draft("领取资格认证提醒", "请尽快完成领取资格认证。",
                "CERTIFICATION_LAPSED", List.of("SMS", "LETTER"), false)).body();
        long id = preview.path("notice").path("id").asLong();
        int expected = preview.path("deliveries").asInt();
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clicks.add(() -> api.post("fz.publicity", "/api/v1/notices/" + id + "/send", Map.of("expected", expected))
                    .status());
        }
        List<Integer> outcomes = AllAtOnce.run(clicks);
        assertThat(outcomes).filteredOn(s -> s == 200).hasSize(1);
        assertThat(outcomes).filteredOn(s -> s == 409).hasSize(7);
        assertThat(perChannel(id).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
        ApiClient.Response again = api.post("fz.publicity", "/api/v1/notices/" + id + "/send", Map.of("expected", expected));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("已经发送过");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'NOTICE_SENT' AND target = :t")
                .param("t", "notice " + id).query(Integer.class).single()).as("the operation log has the one send")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("Bad input: empty title and body, no channel, an unknown rule, 闽政通 in Shanxi (FJ-3), an audience "
            + "with no match, a count that changed, another role: each named, 4xx, nothing written")
    void badInput() {
        long before = notices();
        long rows = noticeRows();
        ApiClient.Response empty = api.post("fz.publicity", "/api/v1/notices", draft(" ", "", "INSURED_PERSONS",
                List.of(), false));
        assertThat(empty.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        empty.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("title", "body", "channels");
        assertThat(empty.body().toString()).contains("请填写通知标题").contains("请填写通知正文");

        ApiClient.Response unknown = api.post("fz.publicity", "/api/v1/notices", draft("标题", "正文", "EVERYONE",
                List.of("SMS"), false));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.firstErrorField()).isEqualTo("audience");

        ApiClient.Response mzt = api.post("ty.publicity", "/api/v1/notices", draft("标题", "正文", "INSURED_PERSONS",
                List.of("SMS", "MINZHENGTONG"), false));
        assertThat(mzt.status()).isEqualTo(400);
        assertThat(mzt.firstErrorField()).isEqualTo("channels");
        assertThat(mzt.firstErrorMessage()).contains("闽政通").contains("福建");

        String nobody = publicityOf("350300"); // a city with no insured person yet
        for (String rule : List.of("INSURED_PERSONS", "CERTIFICATION_LAPSED", "PENDING_COMMITMENT", "EMPLOYER_DEFERRAL",
                "PERSON_DEFERRAL")) {
            ApiClient.Response none = api.post(nobody, "/api/v1/notices", draft("标题", "正文", rule,
                    List.of("LETTER"), false));
            assertThat(none.status()).as(rule).isEqualTo(400);
            assertThat(none.firstErrorField()).isEqualTo("audience");
            assertThat(none.firstErrorMessage()).contains("没有符合条件的对象");
        }
        ApiClient.Response english = api.send(nobody, "POST", "/api/v1/notices",
                draft("t", "b", "INSURED_PERSONS", List.of("LETTER"), false), "en");
        assertThat(english.firstErrorMessage()).contains("Nobody matches");

        assertThat(api.post("fz.clerk", "/api/v1/notices", draft("标题", "正文", "INSURED_PERSONS", List.of("SMS"),
                false)).status()).as("a clerk is not a publicity clerk").isEqualTo(403);
        assertThat(notices()).isEqualTo(before);

        // the count seen is no longer the count: nothing is sent, the notice stays a draft
        JsonNode preview = api.post("fz.publicity", "/api/v1/notices", draft("标题", "正文", "CERTIFICATION_LAPSED",
                List.of("LETTER"), false)).body();
        long id = preview.path("notice").path("id").asLong();
        ApiClient.Response stale = api.post("fz.publicity", "/api/v1/notices/" + id + "/send",
                Map.of("expected", preview.path("deliveries").asInt() + 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.firstErrorField()).isEqualTo("expected");
        assertThat(api.get("fz.publicity", "/api/v1/notices/" + id).body().path("notice").path("state").asString())
                .isEqualTo("DRAFT");
        assertThat(api.get("ty.publicity", "/api/v1/notices/" + id).status()).as("another city's notice").isEqualTo(403);
        assertThat(noticeRows()).isEqualTo(rows);
    }

    @Test
    @DisplayName("Bad input on the screen: an empty notice is shown again with every field named and what was typed "
            + "kept; 闽政通 is not offered in Taiyuan (FJ-3); nothing written")
    void badInputOnScreen() throws Exception {
        long before = notices();
        WebSession ty = WebSession.login(port, "ty.publicity");
        String form = ty.get("/publicity").body();
        assertThat(form).contains("id=\"channels-SMS\"").contains("id=\"channels-HOTLINE\"")
                .doesNotContain("channels-MINZHENGTONG");
        HttpResponse<String> r = ty.submit("/publicity", "/publicity/notices", Map.of("title", "停保提醒", "body", " ",
                "audience", "INSURED_PERSONS"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("role=\"alert\"").contains("请填写通知正文").contains("请至少选择一个渠道")
                .contains("value=\"停保提醒\"");
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    @DisplayName("N-6: published notices, FAQ and the 办事指南 of every case type are reachable without login and carry "
            + "no ID number, no phone number, no login name; an unpublished notice is not there; staff pages need login")
    void publicPagesWithoutLogin() throws Exception {
        JsonNode published = api.post("fz.publicity", "/api/v1/notices", draft("疫情期间网上办事公告",
                "疫情防控期间，社保业务请优先通过网上办事大厅办理。", "CERTIFICATION_LAPSED", List.of("LETTER"), true)).body();
        long pub = published.path("notice").path("id").asLong();
        api.post("fz.publicity", "/api/v1/notices/" + pub + "/send", Map.of("expected", published.path("deliveries").asInt()));
        JsonNode hidden = api.post("fz.publicity", "/api/v1/notices", draft("内部提醒", "只发给受众。",
                "CERTIFICATION_LAPSED", List.of("LETTER"), false)).body();
        long priv = hidden.path("notice").path("id").asLong();
        api.post("fz.publicity", "/api/v1/notices/" + priv + "/send", Map.of("expected", hidden.path("deliveries").asInt()));

        WebSession anonymous = WebSession.anonymous(port);
        List<String> pages = new ArrayList<>(List.of("/public", "/public/notices", "/public/notices/" + pub,
                "/public/faq", "/public/guide", "/public/guide?region=140100"));
        for (String type : List.of("RETIREMENT", "ENROLLMENT", "CERTIFICATE_REQUEST", "WORK_INJURY_BENEFIT",
                "EMPLOYER_DEFERRAL", "UNEMPLOYMENT_BENEFIT")) {
            pages.add("/public/guide/" + type + "?region=350100");
            pages.add("/public/guide/" + type + "?region=140900");
        }
        for (String page : pages) {
            HttpResponse<String> r = anonymous.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).doesNotContainPattern(ID_NUMBER).doesNotContainPattern(MOBILE)
                    .doesNotContain("fz.publicity").doesNotContain("current-user");
        }
        assertThat(anonymous.get("/public/notices").body()).contains("疫情期间网上办事公告").doesNotContain("内部提醒");
        assertThat(anonymous.get("/public/notices/" + priv).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/public/guide/NO_SUCH_TYPE").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/publicity").statusCode()).as("the clerk's page needs login").isEqualTo(302);
        String guide = anonymous.get("/public/guide/ENROLLMENT?region=350100").body();
        assertThat(guide).contains("居民身份证").contains("个工作日").contains("电话");
    }

    @Test
    @DisplayName("办事指南 follows the measures in force: when Fujian's emergency is lifted (a past date) the online-first "
            + "measure and the commitment rule (FJ-3) leave Fuzhou's enrollment guide; restored, they are back")
    void guideChangesWhenMeasureEnds() throws Exception {
        WebSession anonymous = WebSession.anonymous(port);
        String path = "/public/guide/ENROLLMENT?region=350100";
        String during = anonymous.get(path).body();
        assertThat(during).contains("data-measure=\"ONLINE_FIRST\"").contains("id=\"guide-commitment\"")
                .doesNotContain("id=\"guide-no-commitment\"");
        try {
            fujian.lift(LocalDate.of(2020, 4, 30));
            String after = anonymous.get(path).body();
            assertThat(after).doesNotContain("data-measure=\"ONLINE_FIRST\"").doesNotContain("id=\"guide-commitment\"")
                    .contains("id=\"guide-no-commitment\"").contains("目前不实行告知承诺制");
            String shanxi = anonymous.get("/public/guide/ENROLLMENT?region=140100").body();
            assertThat(shanxi).as("Shanxi's guide is not Fujian's").contains("id=\"guide-commitment\"");
        } finally {
            fujian.restore();
        }
        assertThat(anonymous.get(path).body()).contains("data-measure=\"ONLINE_FIRST\"").contains("id=\"guide-commitment\"");
    }
}
