package org.shebao.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.payroll.StandingOrders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Internal audit (稽核内审, issue 15, item 2; N-1e, FJ-1.7) on the real database: Fuzhou's July 2016 run pays 12
 * orders flagged with one test measure and 4 with another; fz.auditor draws samples of them (size or share, seed
 * recorded), reviews the items, and reads the report per region.
 */
@ShebaoIntegrationTest
@DisplayName("稽核内审 (N-1e, FJ-1.7): reproducible samples of flagged payments, second review, report per region")
class InternalAuditIT {
    private static final RegionCode FUZHOU = new RegionCode("350100");
    private static final YearMonth MONTH = YearMonth.of(2016, 7);
    /** Flags of this test only, so that its populations and report lines are its own. */
    private static final String SAMPLED = "AUDIT_IT_SAMPLED";
    private static final String REPORTED = "AUDIT_IT_REPORTED";
    private static volatile Long runId;

    @LocalServerPort
    int port;
    @Autowired
    StandingOrders orders;
    @Autowired
    Payroll payroll;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InternalAudit audit;
    @Autowired
    ApiClient api;

    /** Once: 12 orders flagged SAMPLED (100 … 1200 yuan) and 4 flagged REPORTED (1000 yuan each), paid by one run. */
    @BeforeEach
    synchronized void population() {
        if (runId != null) {
            return;
        }
        for (int i = 1; i <= 16; i++) {
            boolean sampled = i <= 12;
            long person = 861_000 + i;
            long id = orders.registerOrder(new StandingOrders.NewOrder(person, FUZHOU, Benefit.PENSION,
                    OrderKind.REGULAR, sampled ? Money.yuan(i * 100L) : Money.yuan("1000.00"), MONTH,
                    LocalDate.of(2030, 12, 31), "6222" + person, "稽核" + i,
                    (sampled ? SAMPLED : REPORTED) + ":N-1e,FJ-1.7", "R-AUDIT-" + person));
            orders.endOrder(id, MONTH);
        }
        PayrollRun run = payroll.open(users.get("fj.admin"), FUZHOU, MONTH);
        payroll.execute(run.id());
        runId = run.id();
    }

    private static Map<String, Object> request(String population, String measure, String size, String share,
                                               String seed) {
        Map<String, Object> m = new HashMap<>();
        m.put("population", population);
        m.put("measure", measure);
        m.put("size", size);
        m.put("share", share);
        m.put("seed", seed);
        return m;
    }

    private Response draw(String user, String population, String measure, String size, String share, String seed) {
        return api.post(user, "/api/v1/audit/samples", request(population, measure, size, share, seed));
    }

    private static List<String> refs(JsonNode sampleView) {
        List<String> out = new ArrayList<>();
        sampleView.path("items").forEach(i -> out.add(i.path("ref").asString()));
        return out;
    }

    private long samples() {
        return jdbc.sql("SELECT count(*) FROM settlement_audit_sample").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM settlement_audit_item").query(Long.class).single();
    }

    @Test
    @DisplayName("N-1e, FJ-1.7: 5 of 12 with seed 20200124 twice draw the same payments in the same order; seed "
            + "20200125 draws others; a share of 0.25 draws 3 (rounded up); the seed, size and population digest are "
            + "recorded; the province's auditor sees the same population")
    void reproducibleSample() {
        Response first = draw("fz.auditor", "PAYMENTS", SAMPLED, "5", "", "20200124");
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        Response again = draw("fz.auditor", "PAYMENTS", SAMPLED, "5", null, "20200124");
        Response other = draw("fz.auditor", "PAYMENTS", SAMPLED, "5", null, "20200125");
        assertThat(refs(first.body())).hasSize(5).doesNotHaveDuplicates().isEqualTo(refs(again.body()))
                .allMatch(r -> r.startsWith("payroll-order:"));
        assertThat(refs(other.body())).hasSize(5).isNotEqualTo(refs(first.body()));
        JsonNode s = first.body().path("sample");
        assertThat(s.path("populationSize").asInt()).isEqualTo(12);
        assertThat(s.path("sampleSize").asInt()).isEqualTo(5);
        assertThat(s.path("seed").asLong()).isEqualTo(20200124L);
        assertThat(s.path("populationHash").asString()).hasSize(64)
                .isEqualTo(again.body().path("sample").path("populationHash").asString());
        JsonNode item = first.body().path("items").get(0);
        assertThat(item.path("clauses").toString()).contains("N-1e").contains("FJ-1.7");
        assertThat(item.path("caseRef").asString()).startsWith("R-AUDIT-");
        assertThat(item.path("amount").decimalValue().signum()).isPositive();

        Response share = draw("fz.auditor", "PAYMENTS", SAMPLED, null, "0.25", null);
        assertThat(share.status()).as(share.raw().body()).isEqualTo(201);
        assertThat(share.body().path("sample").path("sampleSize").asInt()).isEqualTo(3);
        assertThat(share.body().path("sample").path("seed").isNumber()).as("a seed chosen and recorded").isTrue();
        // the whole province: the same 12 (Xiamen has none of this flag), the same draw for the same seed
        Response province = draw("fj.auditor", "PAYMENTS", SAMPLED, "5", null, "20200124");
        assertThat(refs(province.body())).isEqualTo(refs(first.body()));
        assertThat(api.get("fz.auditor", "/api/v1/audit/measures").body().path("PAYMENTS").toString())
                .contains(SAMPLED);
        assertThat(api.get("fz.auditor", "/api/v1/audit/samples/" + province.body().path("sample").path("id").asLong())
                .status()).as("the province's sample is not Fuzhou's to read").isEqualTo(403);
    }

    @Test
    @DisplayName("N-1e, FJ-1.7: all 4 payments of a measure reviewed, 1 an error of 150.00: the report for Fuzhou says "
            + "4 sampled, 4 reviewed, 1 error, 25.0%, 4000.00 sampled, 150.00 in error; a second review is refused "
            + "(409), also when two arrive at once; an error without amount or note and a correct with an amount: 400")
    void reviewAndReport() throws Exception {
        Response drawn = draw("fz.auditor", "PAYMENTS", REPORTED, "4", null, "7");
        assertThat(drawn.status()).as(drawn.raw().body()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        drawn.body().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        assertThat(ids).hasSize(4);

        Response noAmount = api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "ERROR", "note", "多发"));
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.firstErrorField()).isEqualTo("errorAmount");
        Response noNote = api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "ERROR", "errorAmount", "150.00"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.firstErrorField()).isEqualTo("note");
        assertThat(api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "ERROR", "errorAmount", "1.005", "note", "x")).status()).isEqualTo(400);
        assertThat(api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "CORRECT", "errorAmount", "1")).status()).isEqualTo(400);
        assertThat(api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "MAYBE")).firstErrorField()).isEqualTo("finding");
        assertThat(jdbc.sql("SELECT count(finding) FROM settlement_audit_item WHERE id = :i").param("i", ids.get(0))
                .query(Long.class).single()).as("nothing written").isZero();

        Response error = api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "ERROR", "errorAmount", "150.00", "note", "基数取错，多发150元（测试）"));
        assertThat(error.status()).as(error.raw().body()).isEqualTo(200);
        assertThat(error.body().path("reviewedBy").asString()).isEqualTo("fz.auditor");
        // two reviews of one item at once: one is recorded, the other told
        List<Callable<String>> both = List.of(
                () -> outcome(ids.get(1), "CORRECT"), () -> outcome(ids.get(1), "CORRECT"));
        assertThat(AllAtOnce.run(both)).containsExactlyInAnyOrder("ok", "conflict");
        audit.review(users.get("fz.auditor"), ids.get(2), "CORRECT", null, null);
        audit.review(users.get("fz.auditor"), ids.get(3), "CORRECT", "", "核对无误");
        Response twice = api.post("fz.auditor", "/api/v1/audit/items/" + ids.get(0) + "/review",
                Map.of("finding", "CORRECT"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.firstErrorMessage()).contains("已复核");

        InternalAudit.ReportLine line = audit.report(users.get("fz.auditor")).stream()
                .filter(r -> r.measure().equals(REPORTED)).findFirst().orElseThrow();
        assertThat(line.regionCode()).isEqualTo("350100");
        assertThat(line.sampled()).isEqualTo(4);
        assertThat(line.reviewed()).isEqualTo(4);
        assertThat(line.errors()).isEqualTo(1);
        assertThat(line.errorRate()).isEqualByComparingTo("25.0");
        assertThat(line.sampledAmount()).isEqualTo(Money.yuan("4000.00"));
        assertThat(line.errorAmount()).isEqualTo(Money.yuan("150.00"));
        assertThat(audit.sample(users.get("fz.auditor"), drawn.body().path("sample").path("id").asLong()).errors())
                .isEqualTo(1);
        JsonNode reported = null;
        for (JsonNode r : api.get("fz.auditor", "/api/v1/audit/report").body()) {
            if (r.path("measure").asString().equals(REPORTED)) {
                reported = r;
            }
        }
        assertThat(reported).isNotNull();
        assertThat(reported.path("errorRate").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(reported.path("errorAmount").decimalValue()).isEqualByComparingTo("150.00");

        WebSession web = WebSession.login(port, "fz.auditor");
        HttpResponse<String> page = web.get("/settlement/audit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("稽核报告").contains("25.0%").contains("福州市")
                .contains("有标识的待遇发放")
                .doesNotContain(">fz.auditor<").doesNotContain(">PAYMENTS<");
        long sampleId = drawn.body().path("sample").path("id").asLong();
        HttpResponse<String> sample = web.get("/settlement/audit/samples/" + sampleId);
        assertThat(sample.statusCode()).isEqualTo(200);
        assertThat(sample.body()).contains("差错").contains("基数取错").contains("福州稽核 郭强");
        assertThat(web.bytes("/settlement/audit/items.xlsx").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> report = web.bytes("/settlement/audit/report.xlsx");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body().length).isGreaterThan(100);
    }

    private String outcome(long item, String finding) {
        try {
            audit.review(users.get("fz.auditor"), item, finding, null, null);
            return "ok";
        } catch (ConflictException e) {
            return "conflict";
        }
    }

    @Test
    @DisplayName("bad input (issue 15): a size larger than the population, a share of 0 or 1.5 or text, size and share "
            + "both or neither, a seed that is not a number, an empty population: 400 naming the field, nothing "
            + "written")
    void badInput() throws Exception {
        long before = samples();
        Response tooMany = draw("fz.auditor", "PAYMENTS", SAMPLED, "13", null, "1");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.firstErrorField()).isEqualTo("size");
        assertThat(tooMany.firstErrorMessage()).contains("13").contains("12");
        for (String share : List.of("0", "1.5", "-0.1", "十分之一")) {
            Response r = draw("fz.auditor", "PAYMENTS", SAMPLED, null, share, null);
            assertThat(r.status()).as(share).isEqualTo(400);
            assertThat(r.firstErrorField()).isEqualTo("share");
        }
        assertThat(draw("fz.auditor", "PAYMENTS", SAMPLED, "2", "0.5", null)
                .firstErrorField()).isEqualTo("size");
        assertThat(draw("fz.auditor", "PAYMENTS", SAMPLED, null, null, null)
                .firstErrorMessage()).contains("二者只填一项");
        assertThat(draw("fz.auditor", "PAYMENTS", SAMPLED, "2", null, "abc")
                .firstErrorField()).isEqualTo("seed");
        Response empty = draw("fz.auditor", "CASES", "NO_SUCH_MEASURE", "1", null, null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.firstErrorField()).isEqualTo("measure");
        assertThat(empty.firstErrorMessage()).contains("没有该政策措施标识的业务");
        assertThat(draw("fz.auditor", "LEDGER", SAMPLED, "1", null, null)
                .firstErrorField()).isEqualTo("population");
        // on the screen: the same, in the user's language, with the form kept
        WebSession web = WebSession.login(port, "fz.auditor");
        HttpResponse<String> r = web.submit("/settlement/audit", "/settlement/audit/samples",
                Map.of("population", "PAYMENTS", "measure", SAMPLED, "size", "99", "share", "", "seed", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("样本数量 99 超过总体数量 12");
        assertThat(samples()).isEqualTo(before);
    }

    @Test
    @DisplayName("N-1e, FJ-1.7: the auditor cannot change what it audits: a case approval and a payroll approval by "
            + "fz.auditor are 403, nothing changed; finance cannot draw a sample (403)")
    void auditorCannotWrite() throws Exception {
        record CaseRow(long id, int version, String status) {
        }
        Response applied = api.post("employer.fz", "/api/v1/cases", Map.of("type", "EMPLOYER_DEFERRAL", "form",
                Map.of("fromMonth", "2022-01", "months", "1", "reason", "稽核测试：仅提交不办理")));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(201);
        CaseRow c = jdbc.sql("SELECT id, version, status FROM casework_case WHERE id = :id")
                .param("id", applied.body().path("id").asLong()).query(CaseRow.class).single();
        WebSession web = WebSession.login(port, "fz.auditor");
        for (String action : List.of("accept", "approve")) {
            HttpResponse<String> r = web.submit("/settlement/audit", "/casework/cases/" + c.id() + "/" + action,
                    Map.of("version", String.valueOf(c.version())));
            assertThat(r.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT id, version, status FROM casework_case WHERE id = :id").param("id", c.id())
                .query(CaseRow.class).single()).isEqualTo(c);
        Response approval = api.post("fz.auditor", "/api/v1/payroll/runs/" + runId + "/approval", Map.of());
        assertThat(approval.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT approved_by IS NULL FROM payroll_run WHERE id = :id").param("id", runId)
                .query(Boolean.class).single()).as("not approved").isTrue();
        assertThat(draw("fz.finance", "PAYMENTS", SAMPLED, "1", null, "1")
                .status()).isEqualTo(403);
        assertThatThrownBy(() -> audit.draw(users.get("fz.reviewer"),
                new InternalAudit.Request("PAYMENTS", SAMPLED, "1", null, "1")))
                .isInstanceOf(AccessDeniedToRecordException.class);
    }
}
