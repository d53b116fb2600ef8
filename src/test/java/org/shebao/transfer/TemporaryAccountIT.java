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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.common.Money;
import org.shebao.contribution.Contributions;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The temporary pension account (国办发〔2009〕66号 暂行办法 第五条第（二）项、第六条) through the API on PostgreSQL: opened
 * by the acceptance of a transfer, the years made at the holder recorded into it and booked, collected at the holder
 * after 10 years there or at the place that takes the record. Own persons (men of 52, household in Xinzhou, record in
 * Xiamen) moving to Taiyuan; no payroll is touched.
 */
@ShebaoIntegrationTest
@DisplayName("Temporary pension account (国办发〔2009〕66号 第五条第（二）项、第六条): opened, recorded, collected once")
class TemporaryAccountIT {
    private static final AtomicInteger SEQ = new AtomicInteger(700);

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
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /** A man of 52 registered in Xiamen, household in Xinzhou; 2000–2015 in Xiamen, then years in Taiyuan. */
    private long person(String name, int taiyuanFrom, int taiyuanTo) {
        LocalDate born = LocalDate.now(clock).minusYears(52).minusDays(40);
        Person p = null;
        while (p == null) {
            int n = SEQ.incrementAndGet();
            String first17 = "140902" + born.toString().replace("-", "") + String.format("%03d", (n % 400) * 2 + 1);
            try {
                p = persons.registerPerson(staff.get("xm.clerk"), new PersonData(first17 + IdNumber.checkChar(first17),
                        name, "139" + String.format("%08d", 60000000 + n), "140902", "350200"));
            } catch (ConflictException e) {
                // a demo or earlier person has the number: the next one
            }
        }
        long id = p.id();
        List<Contributions.YearRow> rows = new ArrayList<>();
        for (int y = 2000; y <= 2015; y++) {
            rows.add(new Contributions.YearRow(id, y, "350200", null, 12, Money.yuan("4000.00"), Money.yuan("3840.00")));
        }
        for (int y = taiyuanFrom; y <= taiyuanTo; y++) {
            rows.add(taiyuan(id, y));
        }
        contributions.copyYears(out -> rows.forEach(out));
        return id;
    }

    /** A year in Taiyuan: 12 months at 5000.00, 4800.00 credited (8%), pooled part 12% × 60000.00 = 7200.00. */
    private static Contributions.YearRow taiyuan(long person, int year) {
        return new Contributions.YearRow(person, year, "140100", null, 12, Money.yuan("5000.00"), Money.yuan("4800.00"));
    }

    private String idNumber(long person) {
        return persons.personAcrossRegions(person).idNumber().value();
    }

    /** A transfer through its four steps; returns the acceptance's response. */
    private JsonNode transfer(long person, String to, String clerk, String receiver) {
        ApiClient.Response applied = api.post(clerk, "/api/v1/transfers", Map.of("toRegion", to, "idNumber", idNumber(person)));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(201);
        long id = applied.body().path("view").path("transfer").path("id").asLong();
        assertThat(api.post(clerk, "/api/v1/transfers/" + id + "/letter", "{}").status()).isEqualTo(200);
        ApiClient.Response funds = api.post("fj.finance", "/api/v1/transfers/" + id + "/funds", "{}");
        assertThat(funds.status()).as(funds.raw().body()).isEqualTo(200);
        ApiClient.Response accepted = api.post(receiver, "/api/v1/transfers/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        return accepted.body();
    }

    private List<String> lines(String source) {
        return ledger.journal(source).orElseThrow().lines().stream()
                .map(l -> l.account() + " " + l.debit() + " " + l.credit()).toList();
    }

    private String status(long account) {
        return jdbc.sql("SELECT status FROM transfer_temp_account WHERE id = :id").param("id", account)
                .query(String.class).single();
    }

    private long historyCount(long account) {
        return jdbc.sql("SELECT count(*) FROM transfer_temp_history WHERE account_id = :id").param("id", account)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("第五条（二）、第六条 hand-computed: a man of 52 moves Xiamen → Taiyuan with 108 months there: a temporary "
            + "account opens at Taiyuan; 2016–2024 recorded once (43200.00 + 12% × 540000.00 = 64800.00, Dr 5302 / Cr "
            + "2311 108000.00); collecting at 108 months: 400, nothing written; with 2025 (120 months) two collections at "
            + "once: one 200, one 409; 120000.00 back Dr 2311 / Cr 5302; a third: 409; history, notices, both screens")
    void collectedAtHolder() throws Exception {
        long person = person("临时账户甲", 2016, 2024);
        JsonNode accepted = transfer(person, "140100", "ty.clerk", "ty.reviewer");
        assertThat(accepted.path("decision").path("outcome").asString()).isEqualTo("TEMPORARY_ACCOUNT");
        assertThat(accepted.path("decision").path("monthsAtNewPlace").asInt()).isEqualTo(108);
        JsonNode temp = accepted.path("temporaryAccount");
        long account = temp.path("account").path("id").asLong();
        assertThat(temp.path("account").path("status").asString()).isEqualTo("OPEN");
        assertThat(temp.path("account").path("holderRegion").asString()).isEqualTo("140100");
        assertThat(temp.path("account").path("recordRegion").asString()).isEqualTo("350200");
        assertThat(temp.path("condition").path("met").asBoolean()).isFalse();
        assertThat(temp.path("condition").path("monthsRequired").asInt()).isEqualTo(120);

        // only the holder records and collects; Xiamen (where the record is) sees it, a third agency does not
        assertThat(api.post("fj.finance", "/api/v1/temporary-accounts/" + account + "/book", "{}").status()).isEqualTo(403);
        assertThat(api.get("fj.finance", "/api/v1/temporary-accounts/" + account).status()).isEqualTo(200);
        assertThat(api.get("xz.clerk", "/api/v1/temporary-accounts/" + account).status()).isEqualTo(403);

        // the years over at Taiyuan: 2016–2024, 9 × 4800.00 = 43200.00; pooled 9 × 60000.00 × 12% = 64800.00
        ApiClient.Response booked = api.post("ty.clerk", "/api/v1/temporary-accounts/" + account + "/book", "{}");
        assertThat(booked.status()).as(booked.raw().body()).isEqualTo(200);
        JsonNode a = booked.body().path("account");
        assertThat(a.path("months").asInt()).isEqualTo(108);
        assertThat(a.path("personal").decimalValue()).isEqualByComparingTo("43200.00");
        assertThat(a.path("pooled").decimalValue()).isEqualByComparingTo("64800.00");
        assertThat(booked.body().path("years")).hasSize(9);
        String bookSource = "temp-book:" + account + ":2016,2017,2018,2019,2020,2021,2022,2023,2024";
        assertThat(lines(bookSource)).containsExactlyInAnyOrder("5302 108000.00 0.00", "2311 0.00 108000.00");
        // nothing twice: a second recording finds nothing new — 400 naming the account, nothing written
        long journals = jdbc.sql("SELECT count(*) FROM ledger_journal WHERE source LIKE :s")
                .param("s", "temp-book:" + account + ":%").query(Long.class).single();
        ApiClient.Response twice = api.post("ty.clerk", "/api/v1/temporary-accounts/" + account + "/book", "{}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.firstErrorField()).isEqualTo("temporaryAccount");
        assertThat(twice.firstErrorMessage()).contains("没有尚未记入");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_journal WHERE source LIKE :s")
                .param("s", "temp-book:" + account + ":%").query(Long.class).single()).isEqualTo(journals);
        assertThat(jdbc.sql("SELECT count(*) FROM transfer_temp_year WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isEqualTo(9L);

        // 第六条 not met: 108 of 120 months — a clear message naming the field, nothing written
        long history = historyCount(account);
        ApiClient.Response early = api.post("ty.reviewer", "/api/v1/temporary-accounts/" + account + "/collect", "{}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.firstErrorField()).isEqualTo("temporaryAccount");
        assertThat(early.firstErrorMessage()).contains("108").contains("120").contains("第六条");
        ApiClient.Response earlyEn = api.send("ty.reviewer", "POST", "/api/v1/temporary-accounts/" + account + "/collect",
                "{}", "en");
        assertThat(earlyEn.firstErrorMessage()).contains("cannot be collected yet");
        assertThat(status(account)).isEqualTo("OPEN");
        assertThat(historyCount(account)).isEqualTo(history);
        assertThat(ledger.journal("temp-collect:" + account)).isEmpty();

        // 2025 at Taiyuan: 120 months; two collections at once, one wins; 2025 recorded on the way
        contributions.copyYears(out -> out.accept(taiyuan(person, 2025)));
        List<Callable<Integer>> collects = new ArrayList<>();
        for (String user : List.of("ty.reviewer", "ty.finance")) {
            collects.add(() -> api.post(user, "/api/v1/temporary-accounts/" + account + "/collect", "{}").status());
        }
        assertThat(AllAtOnce.run(collects)).containsExactlyInAnyOrder(200, 409);
        JsonNode done = api.get("ty.clerk", "/api/v1/temporary-accounts/" + account).body();
        assertThat(done.path("account").path("status").asString()).isEqualTo("COLLECTED");
        assertThat(done.path("account").path("reason").asString()).isEqualTo("YEARS_THERE");
        assertThat(done.path("account").path("collectedTo").asString()).isEqualTo("140100");
        assertThat(done.path("account").path("months").asInt()).isEqualTo(120);
        assertThat(done.path("years")).hasSize(10);
        // 10 × 4800.00 = 48000.00 + 10 × 7200.00 = 72000.00: 120000.00 collected, the held account back to where it was
        assertThat(lines("temp-book:" + account + ":2025")).containsExactlyInAnyOrder("5302 12000.00 0.00", "2311 0.00 12000.00");
        assertThat(lines("temp-collect:" + account)).containsExactlyInAnyOrder("2311 120000.00 0.00", "5302 0.00 120000.00");
        assertThat(jdbc.sql("""
                SELECT coalesce(sum(l.debit - l.credit), 0) FROM ledger_line l JOIN ledger_journal j ON j.id = l.journal_id
                 WHERE l.account = '2311' AND (j.source LIKE :book OR j.source = :collect)""")
                .param("book", "temp-book:" + account + ":%").param("collect", "temp-collect:" + account)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0.00");
        assertThat(done.path("history")).extracting(h -> h.path("action").asString())
                .containsExactly("OPEN", "BOOK", "BOOK", "COLLECT");

        // collecting twice: 409, nothing written
        ApiClient.Response again = api.post("ty.reviewer", "/api/v1/temporary-accounts/" + account + "/collect", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("已经归集");
        assertThat(historyCount(account)).isEqualTo(4);

        // on the transfer's page and the rights record's part, in words
        long transferId = accepted.path("view").path("transfer").path("id").asLong();
        String page = WebSession.login(port, "ty.clerk").get("/pension/transfers/" + transferId).body();
        assertThat(page).contains("临时基本养老保险缴费账户").contains("已归集").contains("120000.00").doesNotContain("YEARS_THERE");
        String part = WebSession.login(port, "xm.clerk").get("/pension/transfers/temporary-accounts/of-person/" + person).body();
        assertThat(part).contains("临时基本养老保险缴费账户").contains("已归集").doesNotContain("COLLECTED");
        // the person was told: opened, recorded twice, collected
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT count(*) FROM notification_outbox WHERE person_id = :p AND subject LIKE '%养老保险临时账户%'""")
                .param("p", person).query(Long.class).single()).isEqualTo(4L));
    }

    @Test
    @DisplayName("第五条: the record moves home to Xinzhou (the household registration) after a temporary account at "
            + "Taiyuan: the acceptance collects it to Xinzhou — 2018–2024 recorded (33600.00 + 50400.00 = 84000.00), "
            + "Dr 2311 / Cr 1002 and Dr 1001 / Cr 4301 84000.00; collected once")
    void collectedByTransferHome() {
        long person = person("临时账户乙", 2018, 2024);
        JsonNode first = transfer(person, "140100", "ty.clerk", "ty.reviewer");
        long account = first.path("temporaryAccount").path("account").path("id").asLong();
        assertThat(api.post("ty.finance", "/api/v1/temporary-accounts/" + account + "/book", "{}").status()).isEqualTo(200);

        // back home, insured there first (暂行办法 第八条: the person applies where they are insured now)
        contributions.copyYears(out -> out.accept(new Contributions.YearRow(person, 2025, "140900", null, 3,
                Money.yuan("4000.00"), Money.yuan("960.00"))));
        JsonNode home = transfer(person, "140900", "xz.clerk", "xz.reviewer");
        assertThat(home.path("decision").path("outcome").asString()).isEqualTo("MOVES_HOME");
        JsonNode done = api.get("ty.clerk", "/api/v1/temporary-accounts/" + account).body();
        assertThat(done.path("account").path("status").asString()).isEqualTo("COLLECTED");
        assertThat(done.path("account").path("reason").asString()).isEqualTo("TRANSFER");
        assertThat(done.path("account").path("collectedTo").asString()).isEqualTo("140900");
        // 7 × 4800.00 = 33600.00; 7 × 7200.00 = 50400.00
        assertThat(done.path("account").path("personal").decimalValue()).isEqualByComparingTo("33600.00");
        assertThat(done.path("account").path("pooled").decimalValue()).isEqualByComparingTo("50400.00");
        assertThat(lines("temp-collect:" + account)).containsExactlyInAnyOrder("2311 84000.00 0.00",
                "1002 0.00 84000.00", "1001 84000.00 0.00", "4301 0.00 84000.00");
        assertThat(api.post("ty.reviewer", "/api/v1/temporary-accounts/" + account + "/collect", "{}").status())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_journal WHERE source = :s").param("s", "temp-collect:" + account)
                .query(Long.class).single()).isEqualTo(1L);
    }
}
