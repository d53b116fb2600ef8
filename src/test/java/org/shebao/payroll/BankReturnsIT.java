package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient;
import org.shebao.LedgerMoves;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.WebSession;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bank returns, bank-account changes and reissue, bank file layouts (issue 15, items 4 and 7; N-1e, FJ-1.7: every
 * payment comes from the system and is booked), on the real database and over the API: Taiyuan's March and April 2005
 * (months no other test runs, before any demo recipient retired), with five standing orders of this test's own at three banks and two funds. The ledger
 * is checked by the balances of its accounts (Ledger.balance), step by step, against the amounts of the orders.
 */
@ShebaoIntegrationTest
@DisplayName("Bank returns and reissue (issue 15, item 4; N-1e, FJ-1.7) and bank file layouts (item 7)")
class BankReturnsIT {
    private static final RegionCode TAIYUAN = new RegionCode("140100");
    private static final YearMonth MARCH = YearMonth.of(2005, 3);
    private static final YearMonth APRIL = YearMonth.of(2005, 4);
    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    Payroll payroll;
    @Autowired
    PayrollApproval approval;
    @Autowired
    StandingOrders orders;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    RecipientPayments recipientPayments;
    @LocalServerPort
    int port;

    /** A recipient of this test: order, account, name, amount, fund. */
    private record Recipient(long order, String account, String name, Money amount, Benefit benefit) {
    }

    private Recipient recipient(long person, Benefit benefit, String account, String amount) {
        String name = "回盘" + person;
        long id = orders.registerOrder(new StandingOrders.NewOrder(person, TAIYUAN, benefit, OrderKind.REGULAR,
                Money.yuan(amount), MARCH, LocalDate.of(2030, 12, 31), account, name, "", null));
        orders.endOrder(id, APRIL); // only in this test's months
        return new Recipient(id, account, name, Money.yuan(amount), benefit);
    }

    private PayrollRun approvedRun(YearMonth month) {
        PayrollRun run = payroll.open(users.get("ty.finance"), TAIYUAN, month);
        payroll.execute(run.id());
        return approval.approve(users.get("ty.finance2"), run.id());
    }

    private static final List<Account> WATCHED = List.of(Account.PENSION_BANK, Account.PENSION_EXPENSE,
            Account.PENSION_RETURNED, Account.UNEMPLOYMENT_BANK, Account.UNEMPLOYMENT_EXPENSE,
            Account.UNEMPLOYMENT_RETURNED);

    private Map<Account, Money> balances() {
        return new LedgerMoves(ledger, WATCHED).balances();
    }

    /** Each watched account moved by the expected amount since {@code before} (debit positive), the rest not at all. */
    private void moved(Map<Account, Money> before, Map<Account, Money> expected) {
        new LedgerMoves(ledger, WATCHED).moved(before, expected);
    }

    private static Money sum(List<Recipient> rs, Benefit b) {
        return rs.stream().filter(r -> r.benefit() == b).map(Recipient::amount).reduce(Money.ZERO, Money::plus);
    }

    private static ApiClient.FilePart file(String name, String text, Charset cs) {
        return new ApiClient.FilePart("file", name, "text/plain", text.getBytes(cs));
    }

    private long count(String sql, long runId) {
        return jdbc.sql(sql).param("run", runId).query(Long.class).single();
    }

    @Test
    @DisplayName("a run's files in each bank's layout (GBK | header | total last; UTF-8 BOM , total first); a return "
            + "with 3 failures of 5 is imported once though sent twice at once, the 3 are listed and booked back "
            + "(Dr 1002 / Cr 2201 per fund); a line not in the run, a duplicate import, the maker approving an account "
            + "change are refused (4xx, nothing written); a second finance user approves the changes and April's run "
            + "reissues the 3 exactly once to the new accounts (Dr 2201 / Cr 1002); the books balance at every step")
    void returnsAndReissue() throws Exception {
        Recipient icbc1 = recipient(840_001, Benefit.PENSION, "6222021000000001", "1000.00");
        Recipient icbc2 = recipient(840_002, Benefit.PENSION, "6222021000000002", "1234.56");
        Recipient ccb1 = recipient(840_003, Benefit.PENSION, "6217001000000003", "2000.10");
        Recipient ccb2 = recipient(840_004, Benefit.UNEMPLOYMENT, "6217001000000004", "1500.00");
        Recipient other = recipient(840_005, Benefit.PENSION, "6100001000000005", "999.99");
        List<Recipient> all = List.of(icbc1, icbc2, ccb1, ccb2, other);
        ApiClient api = new ApiClient(port);

        // March: computed, approved by a second finance user, booked: expense up, bank down
        Map<Account, Money> start = balances();
        PayrollRun march = approvedRun(MARCH);
        Money pension = sum(all, Benefit.PENSION);
        Money unemployment = sum(all, Benefit.UNEMPLOYMENT);
        moved(start, Map.of(Account.PENSION_EXPENSE, pension, Account.PENSION_BANK, pension.negate(),
                Account.UNEMPLOYMENT_EXPENSE, unemployment, Account.UNEMPLOYMENT_BANK, unemployment.negate()));
        assertThat(count("SELECT count(*) FROM payroll_payment WHERE run_id = :run", march.id()))
                .as("one payment per order, written at the approval").isEqualTo(5);

        // item 7: the files by bank, each in its layout
        String base = "/api/v1/payroll/runs/" + march.id();
        ApiClient.Response banks = api.get("ty.finance", base + "/bank-files");
        assertThat(banks.status()).isEqualTo(200);
        Map<String, Long> perBank = new LinkedHashMap<>();
        banks.body().forEach(b -> perBank.put(b.path("bank").asString(), b.path("payments").asLong()));
        assertThat(perBank).containsExactly(Map.entry("ICBC", 2L), Map.entry("CCB", 2L), Map.entry("OTHER", 1L));
        assertThat(banks.body().get(0).path("illustrative").asBoolean()).isTrue();

        Map<String, String> refs = new LinkedHashMap<>(); // account → reference, as the files send them
        ApiClient.Response icbc = api.get("ty.finance", base + "/bank-files/ICBC");
        assertThat(icbc.status()).isEqualTo(200);
        assertThat(icbc.raw().headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("GBK");
        // the client decodes by the charset the response names: a Chinese header read right proves the GBK bytes
        String icbcText = icbc.raw().body();
        String[] icbcLines = icbcText.split("\r\n");
        assertThat(icbcLines[0]).isEqualTo("序号|流水号|收款账号|收款户名|金额|摘要");
        assertThat(icbcLines).hasSize(4);
        assertThat(icbcLines[3]).isEqualTo("合计|2|2234.56");
        assertThat(icbcLines[1]).startsWith("1|").contains("|6222021000000001|回盘840001|1000.00|");
        for (int i = 1; i <= 2; i++) {
            String[] f = icbcLines[i].split("\\|");
            refs.put(f[2], f[1]);
        }
        ApiClient.Response ccb = api.get("ty.finance", base + "/bank-files/CCB");
        assertThat(ccb.raw().headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("UTF-8");
        assertThat(ccb.raw().body()).as("UTF-8 with a BOM").startsWith("\uFEFF");
        String[] ccbLines = ccb.raw().body().substring(1).split("\r\n");
        assertThat(ccbLines[0]).isEqualTo("收款账号,收款户名,金额,流水号,摘要");
        assertThat(ccbLines[1]).isEqualTo("合计,2,3500.10");
        for (int i = 2; i <= 3; i++) {
            String[] f = ccbLines[i].split(",");
            refs.put(f[0], f[3]);
        }
        ApiClient.Response generic = api.get("ty.finance", base + "/bank-files/OTHER");
        String[] otherLines = generic.raw().body().substring(1).split("\r\n");
        refs.put(otherLines[1].split(",")[1], otherLines[1].split(",")[0]);
        assertThat(refs).hasSize(5);
        assertThat(api.get("ty.finance", base + "/bank-files/NOPE").status()).isEqualTo(404);

        // bad input: a return line for a payment not in the run → 400 naming the line, nothing written
        Map<Account, Money> afterMarch = balances();
        String header = "流水号|账号|金额|处理结果|失败原因\r\n";
        String good = header
                + refs.get(icbc1.account()) + "|" + icbc1.account() + "|1000.00|成功|\r\n"
                + refs.get(icbc2.account()) + "|" + icbc2.account() + "|1234.56|失败|账户已销户\r\n"
                + refs.get(ccb1.account()) + "|" + ccb1.account() + "|2000.10|失败|户名与账号不符\r\n"
                + refs.get(ccb2.account()) + "|" + ccb2.account() + "|1500.00|失败|账户冻结\r\n"
                + refs.get(other.account()) + "|" + other.account() + "|999.99|成功|\r\n"
                + "合计|5|6734.65\r\n";
        String stranger = good.replace("合计|5|6734.65", "999999999|6222000000000000|10.00|成功|\r\n合计|6|6744.65");
        ApiClient.Response refused = api.multipart("ty.finance", base + "/returns", "{}",
                List.of(file("回盘.txt", stranger, GBK)), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.firstErrorMessage()).contains("第7行").contains("999999999").contains("不是本次发放的代发款项");
        assertThat(count("SELECT count(*) FROM payroll_bank_return WHERE run_id = :run", march.id())).isZero();
        assertThat(count("SELECT count(*) FROM payroll_payment WHERE run_id = :run AND status <> 'SENT'", march.id())).isZero();
        moved(afterMarch, Map.of());

        // the return with 3 failures, sent twice at once: one is booked, the other refused
        List<Callable<Integer>> twice = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            twice.add(() -> api.multipart("ty.finance", base + "/returns", "{}", List.of(file("回盘.txt", good, GBK)),
                    Map.of()).status());
        }
        assertThat(AllAtOnce.run(twice)).containsExactlyInAnyOrder(201, 409);
        Money failedPension = icbc2.amount().plus(ccb1.amount());
        Money failedUnemployment = ccb2.amount();
        Map<Account, Money> backBooked = Map.of(Account.PENSION_BANK, failedPension,
                Account.PENSION_RETURNED, failedPension.negate(), Account.UNEMPLOYMENT_BANK, failedUnemployment,
                Account.UNEMPLOYMENT_RETURNED, failedUnemployment.negate());
        moved(afterMarch, backBooked);
        assertThat(ledger.journals(null, "payroll-return:" + march.id() + ":", null, null, 10)).as("one voucher per fund")
                .hasSize(2);

        // the same file again: 409, nothing written
        ApiClient.Response again = api.multipart("ty.finance", base + "/returns", "{}",
                List.of(file("回盘.txt", good, GBK)), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("已导入过");
        assertThat(count("SELECT count(*) FROM payroll_bank_return WHERE run_id = :run", march.id())).isEqualTo(1);
        moved(afterMarch, backBooked);

        // listed for finance, reconciled: sent = paid + failed, and the ledger agrees
        ApiClient.Response failed = api.get("ty.finance2", base + "/failed");
        assertThat(failed.body()).hasSize(3);
        List<String> reasons = new ArrayList<>();
        failed.body().forEach(f -> reasons.add(f.path("reason").asString()));
        assertThat(reasons).containsExactlyInAnyOrder("账户已销户", "户名与账号不符", "账户冻结");
        ApiClient.Response rec = api.get("ty.finance", base + "/reconciliation");
        assertThat(rec.body().path("sent").asLong()).isEqualTo(5);
        // the run's own lines, net per order, say 5 payable: the files sent exactly those (counted apart)
        assertThat(rec.body().path("payable").asLong()).isEqualTo(5);
        assertThat(rec.body().path("payableAmount").decimalValue())
                .isEqualByComparingTo(rec.body().path("sentAmount").decimalValue());
        assertThat(rec.body().path("notSent").asLong()).isZero();
        assertThat(rec.body().path("paid").asLong()).isEqualTo(2);
        assertThat(rec.body().path("failed").asLong()).isEqualTo(3);
        assertThat(rec.body().path("awaiting").asLong()).isZero();
        assertThat(rec.body().path("failedAmount").decimalValue()).isEqualByComparingTo("4734.66");
        assertThat(rec.body().path("countsMatch").asBoolean()).isTrue();
        assertThat(rec.body().path("ledgerMatches").asBoolean()).as(rec.body().toString()).isTrue();

        // account changes: bad input, the maker cannot approve, a second finance user does
        ApiClient.Response badBank = api.post("ty.finance", "/api/v1/payroll/account-changes", Map.of("orderId",
                icbc2.order(), "account", "6222029999000002", "name", icbc2.name(), "bank", "NOPE", "reason", "销户"));
        assertThat(badBank.status()).isEqualTo(400);
        assertThat(badBank.firstErrorField()).isEqualTo("bank");
        Map<Recipient, String> corrected = Map.of(icbc2, "6222029999000002", ccb1, "6217009999000003",
                ccb2, "6217009999000004");
        List<Long> changeIds = new ArrayList<>();
        for (Map.Entry<Recipient, String> e : corrected.entrySet()) {
            ApiClient.Response r = api.post("ty.finance", "/api/v1/payroll/account-changes", Map.of("orderId",
                    e.getKey().order(), "account", e.getValue(), "name", e.getKey().name(),
                    "bank", e.getValue().startsWith("6222") ? "ICBC" : "CCB", "reason", "银行回盘失败，本人提供新账户"));
            assertThat(r.status()).isEqualTo(201);
            changeIds.add(r.body().path("id").asLong());
        }
        ApiClient.Response own = api.post("ty.finance", "/api/v1/payroll/account-changes/" + changeIds.get(0)
                + "/approval", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.firstErrorMessage()).contains("不能由您本人复核");
        assertThat(count("SELECT count(*) FROM payroll_account_change WHERE id = :run AND status = 'PENDING'",
                changeIds.get(0))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payroll_adjustment WHERE kind = 'REISSUE' AND order_id IN (SELECT order_id"
                + " FROM payroll_payment WHERE run_id = :run)", march.id())).isZero();
        assertThatThrownBy(() -> jdbc.sql("UPDATE payroll_account_change SET status = 'APPROVED', decided_by = requested_by,"
                + " decided_at = now() WHERE id = :id").param("id", changeIds.get(0)).update())
                .hasMessageContaining("payroll_account_change_four_eyes");
        for (long id : changeIds) {
            ApiClient.Response ok = api.post("ty.finance2", "/api/v1/payroll/account-changes/" + id + "/approval", null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body().path("status").asString()).isEqualTo("APPROVED");
            assertThat(ok.body().path("reissued").asInt()).isEqualTo(1);
        }
        assertThat(api.post("ty.finance2", "/api/v1/payroll/account-changes/" + changeIds.get(0) + "/approval", null)
                .status()).as("decided already").isEqualTo(409);
        assertThat(api.get("ty.finance", "/api/v1/payroll/orders/" + icbc2.order() + "/account-changes").body())
                .as("the account's history").hasSize(1);
        moved(afterMarch, backBooked); // an approval books nothing

        // paid once, by the database: a second reissue of the same payment is refused
        long failedPayment = jdbc.sql("SELECT id FROM payroll_payment WHERE run_id = :run AND order_id = :o")
                .param("run", march.id()).param("o", icbc2.order()).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO payroll_adjustment (order_id, region_code, month, kind, amount, flags, memo, created_at, reissue_of)
                VALUES (:o, '140100', '2005-04-01', 'REISSUE', 1234.56, '', 'twice', now(), :p)""")
                .param("o", icbc2.order()).param("p", failedPayment).update()).isInstanceOf(DuplicateKeyException.class);

        // April: the regular months and the 3 reissues, to the new accounts, booked from the payable
        PayrollRun april = approvedRun(APRIL);
        assertThat(jdbc.sql("SELECT bank_account FROM payroll_line WHERE run_id = :run AND kind = 'REISSUE' ORDER BY bank_account")
                .param("run", april.id()).query(String.class).list())
                .containsExactly("6217009999000003", "6217009999000004", "6222029999000002");
        Map<Account, Money> afterApril = new EnumMap<>(Account.class);
        afterApril.put(Account.PENSION_EXPENSE, pension.times(2)); // the reissue is no second expense
        afterApril.put(Account.UNEMPLOYMENT_EXPENSE, unemployment.times(2));
        afterApril.put(Account.PENSION_BANK, pension.times(2).negate()); // what was returned went out again
        afterApril.put(Account.UNEMPLOYMENT_BANK, unemployment.times(2).negate());
        moved(start, afterApril); // 2201 back to where it was: nothing owed any more
        assertThat(count("SELECT count(*) FROM payroll_adjustment WHERE kind = 'REISSUE' AND paid_run = :run", april.id()))
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT amount FROM payroll_payment WHERE run_id = :run AND order_id = :o")
                .param("run", april.id()).param("o", icbc2.order()).query(java.math.BigDecimal.class).single())
                .as("the month and the reissue in one transfer").isEqualByComparingTo("2469.12");
        // issue 17 item 4: what the recipient reads on their payments page: April's transfer (the month and the
        // reissue), March's returned by the bank with the bank's reason and paid again in April
        List<RecipientPayments.Payment> mine = recipientPayments.paymentsOf(840_002);
        assertThat(mine).extracting(RecipientPayments.Payment::month).containsExactly(APRIL, MARCH);
        assertThat(mine.get(0).kinds()).containsExactly(LineKind.REGULAR, LineKind.REISSUE);
        assertThat(mine.get(0).amount()).isEqualTo(Money.yuan("2469.12"));
        assertThat(mine.get(0).status()).isEqualTo(RecipientPayments.Status.SENT);
        assertThat(mine.get(0).account()).isEqualTo("6222********0002");
        assertThat(mine.get(1).status()).isEqualTo(RecipientPayments.Status.FAILED);
        assertThat(mine.get(1).reason()).isEqualTo("账户已销户");
        assertThat(mine.get(1).reissuedIn()).isEqualTo(APRIL);
        assertThat(recipientPayments.paymentsOf(840_001)).extracting(RecipientPayments.Payment::status)
                .containsExactly(RecipientPayments.Status.SENT, RecipientPayments.Status.PAID);
        ApiClient.Response reissued = api.get("ty.finance", base + "/failed");
        reissued.body().forEach(f -> assertThat(f.path("reissuedInRun").asLong()).isEqualTo(april.id()));

        // a later change of a reissued order schedules nothing again
        ApiClient.Response later = api.post("ty.finance2", "/api/v1/payroll/account-changes", Map.of("orderId",
                icbc2.order(), "account", "6222028888000002", "name", icbc2.name(), "bank", "ICBC", "reason", "再次变更"));
        ApiClient.Response laterOk = api.post("ty.finance", "/api/v1/payroll/account-changes/"
                + later.body().path("id").asLong() + "/approval", null);
        assertThat(laterOk.body().path("reissued").asInt()).isZero();
        moved(start, afterApril);

        // the screens: the run's page reconciles and lists the failures, reissued; the account changes by form,
        // the requester cannot approve (409), a second finance user does
        WebSession maker = WebSession.login(port, "ty.finance");
        WebSession checker = WebSession.login(port, "ty.finance2");
        String page = maker.get("/payroll/runs/" + march.id()).body();
        assertThat(page).contains("银行回盘与对账").contains("已平").contains("账户已销户").contains("已重发")
                .contains("工商银行").contains("示例值").doesNotContain("??").doesNotContain("6222029999000002");
        assertThat(WebSession.login(port, "ty.finance").get("/payroll/runs/" + march.id() + "?lang=en").body())
                .contains("Balanced")
                .doesNotContain("??");
        var asked = maker.submit("/payroll/account-changes", "/payroll/account-changes", Map.of("orderId",
                String.valueOf(icbc1.order()), "account", "6222027777000001", "name", icbc1.name(), "bank", "ICBC",
                "reason", "本人申请更换银行卡"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        long web = jdbc.sql("SELECT id FROM payroll_account_change WHERE order_id = :o AND status = 'PENDING'")
                .param("o", icbc1.order()).query(Long.class).single();
        var ownWeb = maker.submit("/payroll/account-changes", "/payroll/account-changes/" + web + "/approve", Map.of());
        assertThat(ownWeb.statusCode()).isEqualTo(409);
        assertThat(ownWeb.body()).contains("不能由您本人复核");
        assertThat(checker.get("/payroll/account-changes").body()).contains("待复核的账户变更（1 项）")
                .contains("本人申请更换银行卡").doesNotContain("6222027777000001");
        assertThat(checker.submit("/payroll/account-changes", "/payroll/account-changes/" + web + "/approve", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT bank_account FROM payroll_order WHERE id = :o").param("o", icbc1.order())
                .query(String.class).single()).isEqualTo("6222027777000001");
        assertThat(WebSession.login(port, "ty.finance2").get("/payroll/account-changes?lang=en").body())
                .contains("Account change history")
                .doesNotContain("??");
    }

    @Test
    @DisplayName("a payment the bank returned for its own fault, the account right, is reissued to the same account: "
            + "asked by one finance user (refused where nothing waits, 400), approved by another (the maker 409), the "
            + "database refusing an unmarked request with the same account; June pays the month and the reissue to the "
            + "same account once, booked back out of 2201")
    void bankFaultReissuedToTheSameAccount() {
        YearMonth may = YearMonth.of(2005, 5);
        YearMonth june = YearMonth.of(2005, 6);
        long order = orders.registerOrder(new StandingOrders.NewOrder(840_011, TAIYUAN, Benefit.PENSION,
                OrderKind.REGULAR, Money.yuan("1000.00"), may, LocalDate.of(2030, 12, 31), "6222021000000011",
                "回盘840011", "", null));
        orders.endOrder(order, june);
        long fine = orders.registerOrder(new StandingOrders.NewOrder(840_012, TAIYUAN, Benefit.PENSION,
                OrderKind.REGULAR, Money.yuan("500.00"), may, LocalDate.of(2030, 12, 31), "6222021000000012",
                "回盘840012", "", null));
        orders.endOrder(fine, june);
        ApiClient api = new ApiClient(port);
        Map<Account, Money> start = balances();
        PayrollRun run = approvedRun(may);
        String base = "/api/v1/payroll/runs/" + run.id();
        String[] lines = api.get("ty.finance", base + "/bank-files/ICBC").raw().body().split("\r\n");
        Map<String, String> refs = new LinkedHashMap<>();
        for (int i = 1; i <= 2; i++) {
            String[] f = lines[i].split("\\|");
            refs.put(f[2], f[1]);
        }
        String returned = "流水号|账号|金额|处理结果|失败原因\r\n"
                + refs.get("6222021000000011") + "|6222021000000011|1000.00|失败|银行系统故障\r\n"
                + refs.get("6222021000000012") + "|6222021000000012|500.00|成功|\r\n合计|2|1500.00\r\n";
        assertThat(api.multipart("ty.finance", base + "/returns", "{}", List.of(file("回盘.txt", returned, GBK)),
                Map.of()).status()).isEqualTo(201);
        moved(start, Map.of(Account.PENSION_EXPENSE, Money.yuan("1500.00"), Account.PENSION_BANK, Money.yuan("-500.00"),
                Account.PENSION_RETURNED, Money.yuan("-1000.00")));

        // nothing returned for the other order: nothing to reissue, 400 naming the field, nothing written
        ApiClient.Response nothing = api.post("ty.finance", "/api/v1/payroll/account-changes",
                Map.of("orderId", fine, "sameAccount", true, "reason", "银行系统故障"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.firstErrorField()).isEqualTo("sameAccount");
        assertThat(count("SELECT count(*) FROM payroll_account_change WHERE order_id = :run", fine)).isZero();
        // the database: the same account without the mark is no change
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO payroll_account_change (region_code, order_id, old_account, old_name, new_account, new_name,
                       new_bank, reason, requested_by, requested_at)
                VALUES ('140100', :o, '6222021000000011', '回盘840011', '6222021000000011', '回盘840011', 'ICBC', 'x',
                        'ty.finance', now())""").param("o", order).update())
                .hasMessageContaining("payroll_account_change_differs");

        ApiClient.Response asked = api.post("ty.finance", "/api/v1/payroll/account-changes",
                Map.of("orderId", order, "sameAccount", true, "reason", "银行系统故障，账户无误"));
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.body().path("sameAccount").asBoolean()).isTrue();
        long id = asked.body().path("id").asLong();
        assertThat(api.post("ty.finance", "/api/v1/payroll/account-changes/" + id + "/approval", null).status())
                .as("the maker").isEqualTo(409);
        ApiClient.Response ok = api.post("ty.finance2", "/api/v1/payroll/account-changes/" + id + "/approval", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("reissued").asInt()).isEqualTo(1);
        assertThat(api.post("ty.finance", "/api/v1/payroll/account-changes", Map.of("orderId", order,
                "sameAccount", true, "reason", "再次")).status()).as("scheduled already").isEqualTo(400);

        PayrollRun next = approvedRun(june);
        assertThat(jdbc.sql("SELECT bank_account FROM payroll_line WHERE run_id = :run AND kind = 'REISSUE'")
                .param("run", next.id()).query(String.class).list()).containsExactly("6222021000000011");
        List<RecipientPayments.Payment> mine = recipientPayments.paymentsOf(840_011);
        assertThat(mine.get(0).amount()).isEqualTo(Money.yuan("2000.00"));
        assertThat(mine.get(0).kinds()).containsExactly(LineKind.REGULAR, LineKind.REISSUE);
        assertThat(mine.get(1).reissuedIn()).isEqualTo(june);
        moved(start, Map.of(Account.PENSION_EXPENSE, Money.yuan("3000.00"), Account.PENSION_BANK,
                Money.yuan("-3000.00")));
    }
}
