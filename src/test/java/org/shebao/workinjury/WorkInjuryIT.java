package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ShebaoIntegrationTest
@DisplayName("Work injury over the API: recognition by the department's system (SX-2), appraisal of recognized "
        + "injuries only, conclusions with a valid grade")
class WorkInjuryIT {
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Recognitions recognitions;
    @Autowired
    TestUsers users;

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** Rows of every work-injury table, the archive and the operation log: what a refused request must not change. */
    private List<Integer> counts() {
        return List.of("workinjury_recognition", "workinjury_claim_time", "workinjury_appraisal", "workinjury_history",
                        "casework_archive", "audit_log WHERE action = 'CASE_STEP'", "policy_deadline_item").stream()
                .map(t -> jdbc.sql("SELECT count(*) FROM " + t).query(Integer.class).single()).toList();
    }

    @Test
    @DisplayName("第十七条 / FJ-6c / 第二十条 / SX-2: fz.clerk registers a worker's application (phone call earlier than "
            + "the window: the call is the application time); the department's system accepts it (clear facts: 15 days) "
            + "and recognizes it; an unknown case 404, another province's department 403, a clerk 403, a bad date 400 — "
            + "each writing nothing")
    void departmentDecidesThroughTheApi() {
        long person = WorkInjuryFixtures.freshPerson(jdbc, "350100");
        LocalDate today = today();
        ApiClient.Response created = api.post("fz.clerk", "/api/v1/workinjury/recognitions", Map.of(
                "personId", person, "applicant", "WORKER", "injuredOn", today.minusDays(30).toString(),
                "description", "在车间被机器划伤左手",
                "claims", List.of(Map.of("channel", "WINDOW", "on", today.minusDays(2).toString(), "note", "窗口受理单"),
                        Map.of("channel", "PHONE", "on", today.minusDays(9).toString(), "note", "12333 来电记录 0915"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode r = created.body();
        long id = r.path("id").asLong();
        assertThat(r.path("appliedOn").asString()).isEqualTo(today.minusDays(9).toString());
        assertThat(r.path("deadlines").get(0).path("kind").asString()).isEqualTo("FILING");
        assertThat(r.path("deadlines").get(0).path("status").asString()).isEqualTo("MET");

        List<Integer> before = counts();
        ApiClient.Response unknown = api.post("fj.injury", "/api/v1/workinjury/recognitions/987654321/acceptance",
                Map.of("acceptedOn", today.toString(), "clearFacts", true));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.post("fj.injury", "/api/v1/workinjury/recognitions/987654321/decision",
                Map.of("outcome", "RECOGNIZED", "decidedOn", today.toString(), "decisionNumber", "X")).status())
                .isEqualTo(404);
        assertThat(api.post("sx.injury", "/api/v1/workinjury/recognitions/" + id + "/acceptance",
                Map.of("acceptedOn", today.toString())).status()).isEqualTo(403);
        assertThat(api.post("fz.clerk", "/api/v1/workinjury/recognitions/" + id + "/acceptance",
                Map.of("acceptedOn", today.toString())).status()).isEqualTo(403);
        ApiClient.Response badDate = api.post("fj.injury", "/api/v1/workinjury/recognitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2026-02-30"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.firstErrorField()).isEqualTo("acceptedOn");
        ApiClient.Response notYet = api.post("fj.injury", "/api/v1/workinjury/recognitions/" + id + "/decision",
                Map.of("outcome", "RECOGNIZED", "decidedOn", today.toString(), "decisionNumber", "榕工伤认字〔2026〕9号"));
        assertThat(notYet.status()).isEqualTo(400);
        assertThat(notYet.firstErrorMessage()).contains("尚未受理");
        assertThat(counts()).as("nothing written by the refused calls").isEqualTo(before);

        ApiClient.Response accepted = api.post("fj.injury", "/api/v1/workinjury/recognitions/" + id + "/acceptance",
                Map.of("acceptedOn", today.toString(), "clearFacts", true));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        JsonNode decision = accepted.body().path("deadlines").get(1);
        assertThat(decision.path("rule").asString()).isEqualTo("DECISION_CLEAR_FACTS");
        assertThat(decision.path("ruleText").asString()).contains("第二十条");
        assertThat(LocalDate.parse(decision.path("dueOn").asString())).isBetween(today.plusDays(15), today.plusDays(25));

        ApiClient.Response decided = api.post("fj.injury", "/api/v1/workinjury/recognitions/" + id + "/decision",
                Map.of("outcome", "RECOGNIZED", "decidedOn", today.toString(), "decisionNumber", "榕工伤认字〔2026〕9号"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("status").asString()).isEqualTo("RECOGNIZED");
        assertThat(jdbc.sql("SELECT decision_source FROM workinjury_recognition WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("API");
        assertThat(jdbc.sql("SELECT step FROM workinjury_history WHERE recognition_id = :id ORDER BY id")
                .param("id", id).query(String.class).list()).containsExactly("APPLIED", "ACCEPTED", "RECOGNIZED");
    }

    @Test
    @DisplayName("第十七条: an employer applying on day 31 is refused, naming the limit and the worker's year; nothing written")
    void lateEmployerRefused() {
        long person = WorkInjuryFixtures.freshPerson(jdbc, "350100");
        LocalDate today = today();
        List<Integer> before = counts();
        ApiClient.Response late = api.post("fz.clerk", "/api/v1/workinjury/recognitions", Map.of(
                "personId", person, "applicant", "EMPLOYER", "injuredOn", today.minusDays(200).toString(),
                "description", "摔伤", "claims", List.of(Map.of("channel", "ONLINE", "on", today.toString(), "note", "回执"))));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.firstErrorMessage()).contains("第十七条").contains("1年内");
        ApiClient.Response noEvidence = api.post("fz.clerk", "/api/v1/workinjury/recognitions", Map.of(
                "personId", person, "applicant", "WORKER", "injuredOn", today.minusDays(20).toString(),
                "description", "摔伤", "claims", List.of(Map.of("channel", "ONLINE", "on", today.toString()))));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.firstErrorField()).isEqualTo("claims[0].evidence");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("第二十五条: an appraisal requested for a person with no recognized injury is refused (400, naming the "
            + "person), nothing written")
    void appraisalNeedsRecognizedInjury() {
        long person = WorkInjuryFixtures.freshPerson(jdbc, "350100");
        List<Integer> before = counts();
        ApiClient.Response refused = api.post("fz.clerk", "/api/v1/workinjury/appraisals",
                Map.of("personId", person, "appliedOn", today().toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.firstErrorField()).isEqualTo("personId");
        assertThat(refused.firstErrorMessage()).contains("没有已认定的工伤");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @DisplayName("第二十五条 / 第二十六条: a recognized injury's appraisal; a grade of 11 is refused (400 naming the grade, "
            + "nothing written, no file archived); grade 7 with its document concludes, the re-appraisal window "
            + "shown (FJ-6b: pending while Fujian's level-1 end is unknown)")
    void conclusionWithGrade() {
        long person = WorkInjuryFixtures.freshPerson(jdbc, "350100");
        LocalDate today = today();
        WorkInjuryFixtures.recognized(recognitions, users, person, today);
        ApiClient.Response applied = api.post("fz.clerk", "/api/v1/workinjury/appraisals",
                Map.of("personId", person, "appliedOn", today.toString()));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(201);
        long appraisal = applied.body().path("id").asLong();
        JsonNode due = applied.body().path("conclusionDeadline");
        assertThat(due.path("ruleText").asString()).contains("60日").contains("第二十五条");
        assertThat(LocalDate.parse(due.path("dueOn").asString())).isBetween(today.plusDays(60), today.plusDays(70));

        List<Integer> before = counts();
        ApiClient.Response eleven = api.multipart("fj.injury", "/api/v1/workinjury/appraisals/" + appraisal + "/conclusion",
                Map.of("grade", "11", "nursingLevel", "NONE", "concludedOn", today.toString(), "receivedOn", today.toString()),
                List.of(new ApiClient.FilePart("document", "结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("eleven"))),
                Map.of());
        assertThat(eleven.status()).isEqualTo(400);
        assertThat(eleven.firstErrorField()).isEqualTo("grade");
        assertThat(eleven.firstErrorMessage()).contains("一级至十级");
        assertThat(counts()).isEqualTo(before);

        ApiClient.Response seven = api.multipart("fj.injury", "/api/v1/workinjury/appraisals/" + appraisal + "/conclusion",
                Map.of("grade", "7", "nursingLevel", "NONE", "concludedOn", today.toString(), "receivedOn", today.toString()),
                List.of(new ApiClient.FilePart("document", "结论书.pdf", "application/pdf", WorkInjuryFixtures.pdf("seven"))),
                Map.of());
        assertThat(seven.status()).as(seven.body().toString()).isEqualTo(200);
        assertThat(seven.body().path("grade").asInt()).isEqualTo(7);
        assertThat(seven.body().path("gradeText").asString()).isEqualTo("七级伤残");
        JsonNode window = seven.body().path("reappraisalDeadline");
        assertThat(window.path("pending").asBoolean()).isTrue();
        assertThat(window.path("clauses").toString()).contains("FJ-6b");
        assertThat(window.path("statusText").asString()).isEqualTo("待定");
    }
}
