package org.shebao.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.pension.Pensions;
import org.shebao.registry.RecordAccess;
import org.shebao.registry.RecordHolders;
import org.shebao.transfer.TransferPersons.Someone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shebao.registry.Persons;

/**
 * The receiving agency holds the transferred record (issue 16 item 3, 国办发〔2009〕66号 暂行办法 第八条第（四）项): after
 * the acceptance its staff open and work on the person, the record of both places is merged with each month counted
 * once, the sending agency reads its own part and opens no new case, a third agency sees nothing. Own persons,
 * registered in Xinzhou, moving to Fuzhou (their household registration's city); Taiyuan is the third agency. No
 * payroll is touched.
 */
@ShebaoIntegrationTest
@DisplayName("Pension transfer, N-3b: the receiving agency holds the record and serves the person; the months merged once")
class TransferHoldingIT {
    @LocalServerPort
    int port;
    @Autowired
    ApiClient api;
    @Autowired
    TestUsers staff;
    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;
    @Autowired
    RecordHolders holders;
    @Autowired
    Pensions pensions;
    @Autowired
    JdbcClient jdbc;

    private static final String FULL_BANK = "6222021001001234567";

    /**
     * A man registered in Xinzhou whose household registration is in Fuzhou, with 2010–2014 paid in Xinzhou and
     * 2015 in Fuzhou.
     */
    private Someone xinzhouMan(LocalDate born, String name) {
        Someone s = TransferPersons.register(persons, staff.get("xz.clerk"), "140900", "350102", born, true, name);
        List<Contributions.YearRow> rows = new ArrayList<>();
        for (int y = 2010; y <= 2014; y++) {
            rows.add(new Contributions.YearRow(s.id(), y, "140900", null, 12, Money.yuan("3000.00"), Money.yuan("2880.00")));
        }
        // insured and paying in Fuzhou now (暂行办法 第八条: the application goes to the new place's agency)
        rows.add(new Contributions.YearRow(s.id(), 2015, "350100", null, 12, Money.yuan("4000.00"), Money.yuan("3840.00")));
        contributions.copyYears(out -> rows.forEach(out));
        return s;
    }

    /** Applied at the Fuzhou counter, letter sent by Fuzhou, certificate and funds by Xinzhou: waiting for Fuzhou. */
    private long fundsSent(Someone s) {
        ApiClient.Response applied = api.post("fz.clerk", "/api/v1/transfers", Map.of("toRegion", "350100",
                "idNumber", s.idNumber()));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(201);
        long id = applied.body().path("view").path("transfer").path("id").asLong();
        assertThat(api.post("fz.clerk", "/api/v1/transfers/" + id + "/letter", "{}").status()).isEqualTo(200);
        ApiClient.Response funds = api.post("xz.reviewer", "/api/v1/transfers/" + id + "/funds", "{}");
        assertThat(funds.status()).as(funds.raw().body()).isEqualTo(200);
        assertThat(funds.body().path("decision").path("outcome").asString()).isIn("MOVES_HOME", "MOVES_UNDER_AGE");
        return id;
    }

    private Map<String, Object> retirement(Someone s) {
        return Map.of("type", "RETIREMENT", "idNumber", s.idNumber(),
                "form", Map.of("scheme", "ENTERPRISE", "bankAccount", FULL_BANK));
    }

    private static int count(String html, String marker) {
        return html.split(java.util.regex.Pattern.quote(marker), -1).length - 1;
    }

    @Test
    @DisplayName("第八条第（四）项: after Fuzhou accepts, its clerk opens the person's page, rights record and 缴费明细 (200); "
            + "the record shows Xinzhou's 60 months and Fuzhou's 18 with their places, 72 counted once, 54 from the "
            + "transfer; Fuzhou opens the retirement case and its calculation counts 72; Xinzhou reads its own 5 years "
            + "but its retirement case is refused naming Fuzhou; Taiyuan gets 403; no full ID number on any page")
    void receivingAgencyHoldsTheRecord() throws Exception {
        Someone s = xinzhouMan(LocalDate.of(1962, 5, 1), "转入测试甲");
        String person = "/registry/persons/" + s.id();
        WebSession fz = WebSession.login(port, "fz.clerk");
        WebSession xz = WebSession.login(port, "xz.clerk");
        WebSession ty = WebSession.login(port, "ty.clerk");
        // before the transfer: the registration region's agency holds it, Fuzhou sees nothing
        assertThat(fz.get(person).statusCode()).isEqualTo(403);
        assertThat(holders.access(staff.get("xz.clerk"), s.id())).isEqualTo(RecordAccess.HOLDER);

        // 2014 was paid in Fuzhou too (6 months, the same year as Xinzhou's 12)
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(s.id(), 2014, "350100", null, 6,
                Money.yuan("4000.00"), Money.yuan("1920.00"))));
        long id = fundsSent(s);
        ApiClient.Response accepted = api.post("fz.reviewer", "/api/v1/transfers/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        // 2010–2013: 48; 2014: 12 (Xinzhou 12 and Fuzhou 6 are the same year's months: at most 12); 2015: 12 → 72;
        // Fuzhou's own: 6 + 12 = 18, so 72 − 18 = 54 came with the transfer
        assertThat(accepted.body().path("view").path("transfer").path("mergedMonths").asInt()).isEqualTo(72);
        assertThat(accepted.body().path("history").get(3).path("detail").asString()).contains("其中转入 54 个月");
        assertThat(holders.holdingRegion(s.id())).isEqualTo("350100");
        assertThat(persons.personAcrossRegions(s.id()).regionCode()).isEqualTo("140900"); // the registration stays

        // the receiving agency: the person's page, the merged record with places, the sealed 缴费明细
        HttpResponse<String> page = fz.get(person);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("转入测试甲").contains("id=\"record-holder\"").doesNotContain("record-held-elsewhere")
                .contains("<td>关系转入</td>").doesNotContain(s.idNumber());
        HttpResponse<String> record = fz.get(person + "/contributions");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("累计缴费月数：72").contains("其中 54 个月由养老保险关系转移接续转入")
                .contains("忻州市").contains("福州市").doesNotContain(s.idNumber());
        assertThat(count(record.body(), "class=\"record-year\"")).isEqualTo(7);
        HttpResponse<byte[]> pdf = fz.bytes(person + "/contributions/detail.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(api.get("fz.clerk", "/api/v1/persons/" + s.id() + "/rights-record").status()).isEqualTo(200);
        // Fuzhou edits the person registered in Xinzhou (the registration region stays, shown fixed); Xinzhou cannot
        assertThat(fz.get(person + "/edit").body()).contains("参保地统筹区登记后不可修改");
        Map<String, String> edit = Map.of("version", String.valueOf(persons.personAcrossRegions(s.id()).version()),
                "name", "转入测试甲", "phone", "13905919876", "hukouRegion", "350102", "regionCode", "140900");
        HttpResponse<String> saved = fz.submit(person + "/edit", person, edit);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(persons.personAcrossRegions(s.id()).phone()).isEqualTo("13905919876");
        HttpResponse<String> notSaved = xz.submit(person + "/edit", person, Map.of("version",
                String.valueOf(persons.personAcrossRegions(s.id()).version()), "name", "转入测试甲", "phone", "13905910000",
                "hukouRegion", "350102", "regionCode", "140900"));
        assertThat(notSaved.statusCode()).isEqualTo(200);
        assertThat(notSaved.body()).contains("不能办理新业务");
        assertThat(persons.personAcrossRegions(s.id()).phone()).isEqualTo("13905919876");

        // a new case at the receiving agency: its case, and the calculation counts the merged months
        ApiClient.Response retire = api.post("fz.clerk", "/api/v1/cases", retirement(s));
        assertThat(retire.status()).as(retire.raw().body()).isEqualTo(201);
        String caseRegion = jdbc.sql("SELECT region_code FROM casework_case WHERE id = :id")
                .param("id", retire.body().path("id").asLong()).query(String.class).single();
        assertThat(caseRegion).isEqualTo("350100");
        assertThat(pensions.facts(s.id(), new RegionCode(caseRegion), LocalDate.of(2022, 6, 1), 60)
                .contributionMonths()).isEqualTo(72);

        // the sending agency: reads the person and its own five years, works on nothing
        HttpResponse<String> sendingPage = xz.get(person);
        assertThat(sendingPage.statusCode()).isEqualTo(200);
        assertThat(sendingPage.body()).contains("record-held-elsewhere").contains("已转入福州市");
        HttpResponse<String> sendingRecord = xz.get(person + "/contributions");
        assertThat(sendingRecord.statusCode()).isEqualTo(200);
        assertThat(count(sendingRecord.body(), "class=\"record-year\"")).isEqualTo(5);
        assertThat(sendingRecord.body()).contains("累计缴费月数：60").doesNotContain("id=\"payment-form\"")
                .doesNotContain("id=\"detail-pdf\"");
        ApiClient.Response refused = api.post("xz.clerk", "/api/v1/cases", retirement(s));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.firstErrorField()).isEqualTo("idNumber");
        assertThat(refused.firstErrorMessage()).contains("现由").contains("福州").contains("不能办理新业务");
        ApiClient.Response refusedEn = api.send("xz.clerk", "POST", "/api/v1/cases", retirement(s), "en");
        assertThat(refusedEn.firstErrorMessage()).contains("held by");
        assertThat(xz.bytes(person + "/contributions/detail.pdf").statusCode()).isBetween(400, 499);
        assertThat(jdbc.sql("SELECT count(*) FROM casework_case WHERE person_id = :p").param("p", s.id())
                .query(Long.class).single()).isEqualTo(1L);

        // a third agency: nothing
        assertThat(ty.get(person).statusCode()).isEqualTo(403);
        assertThat(ty.get(person + "/contributions").statusCode()).isEqualTo(403);
        assertThat(api.get("ty.clerk", "/api/v1/persons/" + s.id() + "/rights-record").status()).isEqualTo(403);

        // the take-over is in the person's history (and the receiving agency finds the person by ID number)
        assertThat(jdbc.sql("""
                SELECT count(*) FROM registry_change WHERE entity_type = 'PERSON' AND entity_id = :p
                   AND action = 'TRANSFER' AND old_value = '140900' AND new_value = '350100'""")
                .param("p", s.id()).query(Long.class).single()).isEqualTo(1L);
        assertThat(persons.searchPersons(staff.get("fz.clerk"), s.idNumber(), 0).items())
                .extracting(org.shebao.registry.Person::id).containsExactly(s.id());
    }

    @Test
    @DisplayName("Concurrency: the receiving agency accepting twice at once → one 200, one 409; one holding, one line "
            + "in the person's history")
    void oneTakeOver() throws Exception {
        Someone s = xinzhouMan(LocalDate.of(1985, 7, 1), "转入测试乙");
        long id = fundsSent(s);
        List<Callable<Integer>> accepts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            accepts.add(() -> api.post("fz.reviewer", "/api/v1/transfers/" + id + "/accept", "{}").status());
        }
        assertThat(AllAtOnce.run(accepts)).containsExactlyInAnyOrder(200, 409);
        assertThat(holders.holdings(s.id())).hasSize(1).first()
                .satisfies(h -> assertThat(h.holderRegion() + " " + h.fromRegion() + " " + h.months())
                        .isEqualTo("350100 140900 72"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM registry_change WHERE entity_type = 'PERSON' AND entity_id = :p AND action = 'TRANSFER'""")
                .param("p", s.id()).query(Long.class).single()).isEqualTo(1L);
        // a holding is history: it cannot be edited
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE registry_record_holding SET holder_region = '140100' WHERE person_id = :p")
                .param("p", s.id()).update()).hasMessageContaining("only the end");
    }
}
