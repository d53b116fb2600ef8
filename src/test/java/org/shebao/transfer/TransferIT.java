package org.shebao.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
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
import org.shebao.casework.Certificates;
import org.shebao.casework.Pdfsig;
import org.shebao.common.Money;
import org.shebao.contribution.Contributions;
import org.shebao.ledger.Account;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Deadlines;
import org.shebao.registry.Persons;
import org.shebao.transfer.TransferPersons.Someone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Pension transfers through the API on PostgreSQL, with the real registry, rights record, sealed documents, ledger and
 * notifications. Own persons (registered here) between Xinzhou, Xiamen and Taiyuan; no payroll is touched.
 */
@ShebaoIntegrationTest
@DisplayName("Pension transfer (国办发〔2009〕66号, N-3b): apply, letter, certificate and funds, acceptance")
class TransferIT {
    @org.springframework.boot.test.web.server.LocalServerPort
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
    Transfers transfers;
    @Autowired
    Certificates certificates;
    @Autowired
    Ledger ledger;
    @Autowired
    Deadlines deadlines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /** A person registered in {@code region} by its clerk, born on the day, a man or a woman, with a phone. */
    private Someone person(String clerk, String region, String hukou, LocalDate born, boolean male, String name) {
        return TransferPersons.register(persons, staff.get(clerk), region, hukou, born, male, name);
    }

    /** One month of 2020 paid at the receiving place, where the person is insured now (暂行办法 第八条). */
    private void paidAt(Someone s, String region) {
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(s.id(), 2020, region, null, 1,
                Money.yuan("4000.00"), Money.yuan("320.00"))));
    }

    private Map<String, Object> apply(String toRegion, Someone s) {
        return Map.of("toRegion", toRegion, "idNumber", s.idNumber());
    }

    private long count(Someone s) {
        return jdbc.sql("SELECT count(*) FROM transfer_case WHERE person_id = :p").param("p", s.id()).query(Long.class).single();
    }

    private List<String> kinds(JsonNode transfer) {
        List<String> out = new ArrayList<>();
        transfer.path("documents").forEach(d -> out.add(d.path("kind").asString()));
        return out;
    }

    @Test
    @DisplayName("第四条 hand-computed, Xinzhou → Xiamen, a man of 48: personal account in full with its interest "
            + "(42408.00 credited + 41520.25 interest = 83928.25, 劳社厅发〔1997〕116号), pooled 12% of 522600.00 = "
            + "62712.00, 146640.25 booked out of 1002 to 5301 and into 1001 from 4301; three sealed "
            + "documents (pdfsig valid); 282 months taken over, merged with Xiamen's 3 once; each step in the history and told by SMS")
    void scenario() throws Exception {
        Someone s = person("xz.clerk", "140900", "140902", LocalDate.of(1978, 3, 1), true, "转移测试甲");
        List<Contributions.YearRow> rows = new ArrayList<>();
        // before 1998 (第四条（一）): only the personal account moves; 800 a month, 300.00 credited a year
        rows.add(new Contributions.YearRow(s.id(), 1996, "140900", null, 12, Money.yuan("800.00"), Money.yuan("300.00")));
        rows.add(new Contributions.YearRow(s.id(), 1997, "140900", null, 12, Money.yuan("800.00"), Money.yuan("300.00")));
        // 1998–2018: 12 months at 1000 + 100 × (year − 1998); 2019: 6 months at 3100; 8% of the wages credited
        for (int y = 1998; y <= 2019; y++) {
            int months = y == 2019 ? 6 : 12;
            Money base = Money.yuan(1000 + 100L * (y - 1998));
            rows.add(new Contributions.YearRow(s.id(), y, "140900", null, months, base,
                    base.times(months).times(new java.math.BigDecimal("0.08"))));
        }
        // insured in Xiamen now (第八条): 3 months of 2020 there, which stay there and move nothing
        rows.add(new Contributions.YearRow(s.id(), 2020, "350200", null, 3, Money.yuan("4000.00"), Money.yuan("960.00")));
        contributions.copyYears(out -> rows.forEach(out));
        // hand computation:
        //   wages 1998–2018 = Σ_{k=0..20} 12 × (1000 + 100k) = 12 × (21 × 1000 + 100 × 210) = 12 × 42000 = 504000.00
        //   wages 2019      = 3100 × 6 = 18600.00              → wages since 1998 = 522600.00
        //   pooled (第四条（二）) = 522600.00 × 12% = 62712.00   (each year exact: 1440 + 144k, 2019: 2232.00)
        //   personal account credits = 300 + 300 (1996, 1997) + 8% × 522600.00 = 600 + 41808 = 42408.00
        //   interest (AccountInterest, 劳社厅发〔1997〕116号): each year opening × r + credits × r × (25 − months)/24,
        //   rounded to the fen; r = 2.5% (illustrative) 1996–2015, then 8.31, 7.12, 8.29, 7.61, 6.04, 6.69, 6.12,
        //   3.97, 2.62% for 2016–2024; none for 2025 (not published) or the current year. E.g. 1996: 300 × 2.5% ×
        //   13/24 = 4.06 → 304.06; 1997: 304.06 × 2.5% + 300 × 2.5% × 13/24 = 7.60 + 4.06 = 11.66 → 615.72; …; the
        //   year-by-year table worked out separately (a spreadsheet of the same formula) gives interest 41520.25 and
        //   a balance of 83928.25 at the end of 2024
        //   transferred = 83928.25 + 62712.00 = 146640.25; months = 24 + 21 × 12 + 6 = 282
        LocalDate today = LocalDate.now(clock);
        Money out0 = ledger.balance(Account.PENSION_TRANSFER_OUT);
        Money bank0 = ledger.balance(Account.PENSION_BANK);
        Money in0 = ledger.balance(Account.PENSION_TRANSFER_IN);
        Money collected0 = ledger.balance(Account.PENSION_COLLECTION_BANK);

        ApiClient.Response applied = api.post("xm.clerk", "/api/v1/transfers", apply("350200", s));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(201);
        long id = applied.body().path("view").path("transfer").path("id").asLong();
        assertThat(applied.body().path("view").path("transfer").path("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.body().path("view").path("transfer").path("fromRegion").asString()).isEqualTo("140900");
        // 第八条（二）: 15 working days on the holiday calendar
        assertThat(applied.body().path("view").path("transfer").path("dueOn").asString())
                .isEqualTo(deadlines.plusWorkingDays(today, 15).toString());

        // the sending agency cannot send the letter, a third agency cannot even see the transfer
        assertThat(api.post("xz.clerk", "/api/v1/transfers/" + id + "/letter", "{}").status()).isEqualTo(403);
        assertThat(api.get("ty.clerk", "/api/v1/transfers/" + id).status()).isEqualTo(403);
        ApiClient.Response letter = api.post("xm.clerk", "/api/v1/transfers/" + id + "/letter", "{}");
        assertThat(letter.status()).as(letter.raw().body()).isEqualTo(200);
        assertThat(kinds(letter.body())).containsExactly("TRANSFER_LETTER");
        // the sending agency sees what it would compute before its step
        assertThat(transfers.transfer(staff.get("xz.reviewer"), id).status()).isEqualTo(TransferStatus.LETTER_SENT);

        ApiClient.Response funds = api.post("xz.reviewer", "/api/v1/transfers/" + id + "/funds", "{}");
        assertThat(funds.status()).as(funds.raw().body()).isEqualTo(200);
        JsonNode d = funds.body().path("decision");
        assertThat(d.path("outcome").asString()).isEqualTo("MOVES_UNDER_AGE");
        assertThat(d.path("personalAccount").decimalValue()).isEqualByComparingTo("83928.25");
        assertThat(d.path("accountCredits").decimalValue()).isEqualByComparingTo("42408.00");
        assertThat(d.path("accountInterest").decimalValue()).isEqualByComparingTo("41520.25");
        assertThat(d.path("interest").get(0).path("interest").decimalValue()).isEqualByComparingTo("4.06"); // 1996
        assertThat(d.path("interest").get(1).path("closing").decimalValue()).isEqualByComparingTo("615.72"); // 1997
        assertThat(d.path("wagesSince").decimalValue()).isEqualByComparingTo("522600.00");
        assertThat(d.path("pooled").decimalValue()).isEqualByComparingTo("62712.00");
        assertThat(d.path("transferred").decimalValue()).isEqualByComparingTo("146640.25");
        assertThat(d.path("months").asInt()).isEqualTo(282);
        assertThat(d.path("years").get(0).path("pooled").decimalValue()).isEqualByComparingTo("0.00"); // 1996
        assertThat(d.path("years").get(2).path("pooled").decimalValue()).isEqualByComparingTo("1440.00"); // 1998
        assertThat(d.path("years").get(23).path("pooled").decimalValue()).isEqualByComparingTo("2232.00"); // 2019
        assertThat(kinds(funds.body())).containsExactly("TRANSFER_LETTER", "TRANSFER_CERTIFICATE", "TRANSFER_INFORMATION");
        assertThat(ledger.balance(Account.PENSION_TRANSFER_OUT).minus(out0)).isEqualTo(Money.yuan("146640.25"));
        assertThat(bank0.minus(ledger.balance(Account.PENSION_BANK))).isEqualTo(Money.yuan("146640.25"));
        assertThat(ledger.journal("transfer-out:" + id).orElseThrow().lines())
                .extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactlyInAnyOrder("5301 146640.25 0.00", "1002 0.00 146640.25");

        // the documents: sealed, archived, verifiable; the certificate states the amounts
        List<Certificates.Issued> docs = transfers.documents(staff.get("xm.reviewer"), id);
        Certificates.Issued certificate = docs.stream()
                .filter(x -> x.kind() == org.shebao.casework.DocumentKind.TRANSFER_CERTIFICATE).findFirst().orElseThrow();
        assertThat(certificate.regionCode()).isEqualTo("140900");
        assertThat(certificate.content()).contains("个人账户储存额：83928.25 元（记账额 42408.00 元，记账利息 41520.25 元）")
                .contains("统筹基金转移额：62712.00 元").contains("转移资金合计：146640.25 元").contains("N-3b");
        assertThat(certificates.byCode(certificate.code()).orElseThrow().sealValid()).isTrue();
        byte[] pdf = transfers.pdf(staff.get("xm.reviewer"), id, certificate.code());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        byte[] sheet = transfers.pdf(staff.get("xz.reviewer"), id, docs.get(2).code());
        if (Pdfsig.installed()) {
            assertThat(Pdfsig.report(pdf)).contains("Signature is Valid").contains("Total document signed");
            // the 信息表 of 24 years runs over two pages, signed as one document
            assertThat(Pdfsig.report(sheet)).contains("Signature is Valid").contains("Total document signed");
        }

        // Fujian's finance user for Xiamen's steps: WebSecurityIT locks xm.reviewer in the same JVM
        ApiClient.Response accepted = api.post("fj.finance", "/api/v1/transfers/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        JsonNode t = accepted.body().path("view").path("transfer");
        assertThat(t.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(t.path("mergedMonths").asInt()).isEqualTo(285); // 282 taken over + Xiamen's own 3
        assertThat(t.path("dueOn").isNull()).isTrue();
        assertThat(ledger.balance(Account.PENSION_COLLECTION_BANK).minus(collected0)).isEqualTo(Money.yuan("146640.25"));
        assertThat(in0.minus(ledger.balance(Account.PENSION_TRANSFER_IN))).isEqualTo(Money.yuan("146640.25"));
        assertThat(accepted.body().path("history")).extracting(h -> h.path("action").asString())
                .containsExactly("APPLY", "LETTER", "FUNDS", "ACCEPT");
        // the record now lies with Xiamen: a new application to Xiamen is a transfer to the same agency
        assertThat(transfers.recordRegion(persons.personAcrossRegions(s.id()))).isEqualTo("350200");
        ApiClient.Response again = api.post("xm.clerk", "/api/v1/transfers", apply("350200", s));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.firstErrorField()).isEqualTo("toRegion");

        // issue 16 item 2: the 联系函 is Xiamen's (the receiving agency's) to revoke or re-issue, though the person's
        // record was kept in Xinzhou: Xinzhou's reviewer is refused, a reason is required, Fujian's administrator
        // re-issues it, and the old one's verification page names the new one
        Certificates.Issued letterDoc = docs.stream()
                .filter(x -> x.kind() == org.shebao.casework.DocumentKind.TRANSFER_LETTER).findFirst().orElseThrow();
        assertThat(letterDoc.regionCode()).isEqualTo("350200");
        String reissuePath = "/api/v1/documents/" + letterDoc.code() + "/reissue";
        assertThat(api.post("xz.reviewer", reissuePath, Map.of("reason", "更正")).status()).isEqualTo(403);
        ApiClient.Response noReason = api.post("fj.admin", reissuePath, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.firstErrorField()).isEqualTo("reason");
        ApiClient.Response reissued = api.post("fj.admin", reissuePath, Map.of("reason", "联系函地址有误，更正后重新出具"));
        assertThat(reissued.status()).as(reissued.raw().body()).isEqualTo(200);
        String newCode = reissued.body().path("code").asString();
        assertThat(certificates.byCode(letterDoc.code()).orElseThrow().replacedBy()).isEqualTo(newCode);
        assertThat(certificates.byCode(newCode).orElseThrow().content()).contains(letterDoc.code());
        assertThat(api.post("fj.admin", "/api/v1/documents/" + newCode + "/revocation", Map.of("reason", "测试撤销"))
                .status()).isEqualTo(200);
        assertThat(certificates.byCode(newCode).orElseThrow().revoked()).isTrue();
        // on the verification page: the issuing agency's reviewer signed in gets the form, anyone else does not
        try {
            String page = "/verify/" + certificate.code();
            assertThat(org.shebao.WebSession.login(port, "xz.reviewer").get(page).body()).contains("id=\"document-action\"");
            assertThat(org.shebao.WebSession.anonymous(port).get(page).body()).doesNotContain("id=\"document-action\"")
                    .contains(certificate.code());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // the person was told at each step (SMS: the person has a phone, no portal account)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT count(*) FROM notification_outbox WHERE person_id = :p AND subject LIKE '%养老保险转移%'""")
                .param("p", s.id()).query(Long.class).single()).isEqualTo(4L));
    }

    @Test
    @DisplayName("第五条（二）: a man of 52 registered in Xinzhou's household moves from Xiamen to Taiyuan: a temporary "
            + "account, nothing booked, the record stays in Xiamen, the certificate says so")
    void temporaryAccount() {
        LocalDate today = LocalDate.now(clock);
        Someone s = person("xm.clerk", "350200", "140902", today.minusYears(52).minusDays(40), true, "转移测试乙");
        List<Contributions.YearRow> rows = new ArrayList<>();
        for (int y = 2000; y <= 2019; y++) {
            rows.add(new Contributions.YearRow(s.id(), y, "350200", null, 12, Money.yuan("4000.00"), Money.yuan("3840.00")));
        }
        rows.add(new Contributions.YearRow(s.id(), 2020, "140100", null, 2, Money.yuan("4000.00"), Money.yuan("640.00")));
        contributions.copyYears(out -> rows.forEach(out));
        Money out0 = ledger.balance(Account.PENSION_TRANSFER_OUT);
        long id = api.post("ty.clerk", "/api/v1/transfers", apply("140100", s)).body()
                .path("view").path("transfer").path("id").asLong();
        assertThat(api.post("ty.clerk", "/api/v1/transfers/" + id + "/letter", "{}").status()).isEqualTo(200);
        ApiClient.Response funds = api.post("fj.finance", "/api/v1/transfers/" + id + "/funds", "{}");
        assertThat(funds.status()).as(funds.raw().body()).isEqualTo(200);
        JsonNode d = funds.body().path("decision");
        assertThat(d.path("outcome").asString()).isEqualTo("TEMPORARY_ACCOUNT");
        assertThat(d.path("age").asInt()).isEqualTo(52);
        assertThat(d.path("ageThreshold").asInt()).isEqualTo(50);
        assertThat(d.path("transferred").decimalValue()).isEqualByComparingTo("0.00");
        // what stays in Xiamen: the account 20 × 3840.00 = 76800.00 credited, with its interest through 2024 (the
        // same formula as the scenario above) 76851.77: 153651.77; pooled 20 × 48000 × 12% = 115200.00
        assertThat(d.path("personalAccount").decimalValue()).isEqualByComparingTo("153651.77");
        assertThat(d.path("accountCredits").decimalValue()).isEqualByComparingTo("76800.00");
        assertThat(d.path("pooled").decimalValue()).isEqualByComparingTo("115200.00");
        assertThat(d.path("source").asString()).contains("第五条第（二）项");
        assertThat(ledger.journal("transfer-out:" + id)).isEmpty();
        assertThat(ledger.balance(Account.PENSION_TRANSFER_OUT)).isEqualTo(out0);
        Certificates.Issued certificate = transfers.documents(staff.get("ty.clerk"), id).stream()
                .filter(x -> x.kind() == org.shebao.casework.DocumentKind.TRANSFER_CERTIFICATE).findFirst().orElseThrow();
        assertThat(certificate.content()).contains("临时基本养老保险缴费账户").contains("本次不转移资金");

        ApiClient.Response accepted = api.post("ty.reviewer", "/api/v1/transfers/" + id + "/accept", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("view").path("transfer").path("temporaryAccount").asBoolean()).isTrue();
        assertThat(accepted.body().path("view").path("transfer").path("mergedMonths").asInt()).isZero();
        assertThat(ledger.journal("transfer-in:" + id)).isEmpty();
        assertThat(transfers.recordRegion(persons.personAcrossRegions(s.id()))).isEqualTo("350200");
    }

    @Test
    @DisplayName("Bad input, nothing written: the same agency (400 toRegion, in the user's language), a province or an "
            + "unknown region (400), a person receiving a pension (400), no month paid at the receiving place (400, 第八条), "
            + "a second open transfer (409); a refusal "
            + "needs its reason")
    void badInput() {
        Someone s = person("xz.clerk", "140900", "140902", LocalDate.of(1990, 6, 1), false, "转移测试丙");
        ApiClient.Response same = api.post("xz.clerk", "/api/v1/transfers", apply("140900", s));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.firstErrorField()).isEqualTo("toRegion");
        assertThat(same.firstErrorMessage()).contains("不能转移到同一经办机构");
        ApiClient.Response sameEn = api.send("xz.clerk", "POST", "/api/v1/transfers", apply("140900", s), "en");
        assertThat(sameEn.firstErrorMessage()).contains("same agency");
        assertThat(api.post("fz.clerk", "/api/v1/transfers", apply("350000", s)).status()).isEqualTo(400);
        ApiClient.Response unknown = api.post("fz.clerk", "/api/v1/transfers", apply("999999", s));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.firstErrorField()).isEqualTo("toRegion");
        // a counter registers transfers to its own agency only
        assertThat(api.post("fz.clerk", "/api/v1/transfers", apply("350200", s)).firstErrorField()).isEqualTo("toRegion");
        assertThat(count(s)).isZero();

        Someone pensioner = person("xz.clerk", "140900", "140902", LocalDate.of(1958, 6, 1), true, "转移测试丁");
        jdbc.sql("""
                INSERT INTO pension_award (case_id, person_id, region_code, scheme, retired_on, first_month, monthly_amount,
                                           updated_at, updated_by)
                VALUES (nextval('casework_case_id_seq'), :p, '140900', 'ENTERPRISE', '2018-06-01', '2018-07-01', 2500.00,
                        now(), 'test')""").param("p", pensioner.id()).update();
        ApiClient.Response pension = api.post("fz.clerk", "/api/v1/transfers", apply("350100", pensioner));
        assertThat(pension.status()).isEqualTo(400);
        assertThat(pension.firstErrorMessage()).contains("已领取基本养老金");
        assertThat(count(pensioner)).isZero();

        // 暂行办法 第八条: applied where the person is insured and paying now; no month recorded in Fuzhou yet
        ApiClient.Response notThere = api.post("fz.clerk", "/api/v1/transfers", apply("350100", s));
        assertThat(notThere.status()).isEqualTo(400);
        assertThat(notThere.firstErrorField()).isEqualTo("toRegion");
        assertThat(notThere.firstErrorMessage()).contains("在福州市还没有缴费记录");
        assertThat(count(s)).isZero();
        paidAt(s, "350100");
        ApiClient.Response first = api.post("fz.clerk", "/api/v1/transfers", apply("350100", s));
        assertThat(first.status()).isEqualTo(201);
        ApiClient.Response second = api.post("ty.clerk", "/api/v1/transfers", apply("140100", s));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.firstErrorMessage()).contains("正在办理的转移");
        assertThat(count(s)).isEqualTo(1);
        long id = first.body().path("view").path("transfer").path("id").asLong();
        ApiClient.Response noReason = api.post("fz.clerk", "/api/v1/transfers/" + id + "/refuse", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.firstErrorField()).isEqualTo("reason");
        ApiClient.Response refused = api.post("fz.clerk", "/api/v1/transfers/" + id + "/refuse",
                Map.of("reason", "尚未在本市参保缴费"));
        assertThat(refused.body().path("view").path("transfer").path("status").asString()).isEqualTo("REFUSED");
        // a step out of turn: 409, nothing changed
        assertThat(api.post("fz.clerk", "/api/v1/transfers/" + id + "/letter", "{}").status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM transfer_history WHERE transfer_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    @DisplayName("Time limits: a letter due yesterday is in the receiving agency's overdue list, not the sending "
            + "agency's; once the letter is sent, the sending agency's step is due in 15 working days")
    void overdue() {
        Someone s = person("xz.clerk", "140900", "140902", LocalDate.of(1991, 6, 1), true, "转移测试戊");
        paidAt(s, "350200");
        long id = api.post("xm.clerk", "/api/v1/transfers", apply("350200", s)).body()
                .path("view").path("transfer").path("id").asLong();
        LocalDate today = LocalDate.now(clock);
        // as if applied 16 working days ago: the letter was due yesterday
        jdbc.sql("UPDATE transfer_case SET due_on = :d WHERE id = :id").param("d", today.minusDays(1)).param("id", id).update();
        assertThat(api.get("xm.clerk", "/api/v1/transfers?overdue=true").body().findValues("id"))
                .extracting(JsonNode::asLong).contains(id);
        assertThat(api.get("xz.clerk", "/api/v1/transfers?overdue=true").body().findValues("id"))
                .extracting(JsonNode::asLong).doesNotContain(id);
        // both agencies list it among their open transfers; a third does not
        assertThat(api.get("xz.clerk", "/api/v1/transfers").body().findValues("id")).extracting(JsonNode::asLong).contains(id);
        assertThat(api.get("ty.clerk", "/api/v1/transfers").body().findValues("id")).extracting(JsonNode::asLong)
                .doesNotContain(id);
        ApiClient.Response letter = api.post("xm.clerk", "/api/v1/transfers/" + id + "/letter", "{}");
        assertThat(letter.body().path("view").path("transfer").path("dueOn").asString())
                .isEqualTo(deadlines.plusWorkingDays(today, 15).toString());
        assertThat(letter.body().path("view").path("overdue").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Concurrency: two applications at once → one transfer; the receiving agency accepting twice at once "
            + "→ one 200, one 409, the funds booked in once")
    void concurrency() throws Exception {
        Someone s = person("xz.clerk", "140900", "140902", LocalDate.of(1992, 6, 1), false, "转移测试己");
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(s.id(), 2015, "140900", null, 12,
                Money.yuan("5000.00"), Money.yuan("4800.00"))));
        paidAt(s, "350200");
        List<Callable<Integer>> applies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            applies.add(() -> api.post("xm.clerk", "/api/v1/transfers", apply("350200", s)).status());
        }
        assertThat(AllAtOnce.run(applies)).containsExactlyInAnyOrder(201, 409, 409, 409);
        long id = jdbc.sql("SELECT id FROM transfer_case WHERE person_id = :p").param("p", s.id()).query(Long.class).single();
        api.post("xm.clerk", "/api/v1/transfers/" + id + "/letter", "{}");
        api.post("xz.reviewer", "/api/v1/transfers/" + id + "/funds", "{}");
        // 4800.00 credited in 2015 with its interest through 2024: 2015 at 2.5% (illustrative) 4800 × 2.5% × 13/24
        // = 65.00 → 4865.00; 2016 × 1.0831 … 2024 × 1.0262 (each rounded to the fen) → 8425.43; + 12% × 60000.00
        // = 7200.00: 15625.43
        Money in0 = ledger.balance(Account.PENSION_TRANSFER_IN);
        List<Callable<Integer>> accepts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            accepts.add(() -> api.post("fj.finance", "/api/v1/transfers/" + id + "/accept", "{}").status());
        }
        assertThat(AllAtOnce.run(accepts)).containsExactlyInAnyOrder(200, 409);
        assertThat(in0.minus(ledger.balance(Account.PENSION_TRANSFER_IN))).isEqualTo(Money.yuan("15625.43"));
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_journal WHERE source = :s").param("s", "transfer-in:" + id)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM transfer_history WHERE transfer_id = :id AND action = 'ACCEPT'")
                .param("id", id).query(Long.class).single()).isEqualTo(1L);
    }
}
