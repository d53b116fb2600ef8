package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.AllAtOnce;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.shebao.common.Money;
import org.shebao.ledger.Account;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import tools.jackson.databind.JsonNode;

/**
 * Collection (issue 11): late fees assessed, payable and paid after the contributions; overpayments as the
 * employer's credit used on its next bill or refunded with a second user's approval; unidentified receipts (暂收款)
 * matched once to an employer or refunded. Checked by account balances, before and after (one shared database).
 * <p>
 * Every bill here is PaymentsIT's: a large Fuzhou enterprise, one employee, base 6000.00, in a month without relief
 * (2019-11, 2020-08, 2020-09): pension 1440.00, unemployment 60.00, work injury 12.00 → 1512.00, due on the 15th of the
 * month after. A payment split per fund by the bill's shares: x × 1440 / 1512 and x × 60 / 1512 四舍五入, work injury
 * the rest.
 */
@ShebaoIntegrationTest
@DisplayName("Collection (征收): late fees payable, overpaid money as credit, unidentified receipts (暂收款)")
class CollectionIT extends ContributionIntegration {
    private static final AtomicInteger REF = new AtomicInteger();

    private Employer declared(String... months) {
        return declaredLarge("李征收", months);
    }

    private Bill assess(Employer e, String month) {
        return bills.assess(clerk, e.id(), YearMonth.parse(month)).bill();
    }

    private static String ref() {
        return "C" + System.nanoTime() % 1_000_000_000L + "-" + REF.incrementAndGet();
    }

    private Response pay(Employer e, String month, String amount, String paidOn) {
        Response r = api.post("fz.finance", "/api/v1/employers/" + e.id() + "/payments",
                Map.of("month", month, "amount", amount, "reference", ref(), "paidOn", paidOn));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    private Money balance(Account a) {
        return ledger.balance(a);
    }

    private Map<String, Long> counts() {
        return Map.of("receipt", count("contribution_receipt"), "refund", count("contribution_credit_refund"),
                "movement", count("contribution_credit_movement"), "credit", count("contribution_employer_credit"),
                "history", count("contribution_collection_history"), "journal", count("ledger_journal"),
                "payment", count("contribution_payment"), "fee", count("contribution_late_fee"));
    }

    @Test
    @DisplayName("社会保险法 第八十六条: the 2019-11 bill paid 2020-01-20 bears a late fee of 27.22 (36 days × 0.05% × "
            + "1512.00), assessed OPEN on the employer's late-fee list; a second payment of 27.22 pays it "
            + "(contributions first, then fees), moving each fund's late fees receivable to its collection account")
    void lateFeeAssessedAndPaid() {
        Employer e = declared("2019-11");
        assess(e, "2019-11");
        Money pensionFees = balance(Account.PENSION_LATE_FEES_RECEIVABLE);
        Money unemploymentFees = balance(Account.UNEMPLOYMENT_LATE_FEES_RECEIVABLE);
        Money injuryFees = balance(Account.WORK_INJURY_LATE_FEES_RECEIVABLE);
        Money pensionIncome = balance(Account.PENSION_LATE_FEE_INCOME);
        Money pensionBank = balance(Account.PENSION_COLLECTION_BANK);
        Money unemploymentBank = balance(Account.UNEMPLOYMENT_COLLECTION_BANK);
        Money injuryBank = balance(Account.WORK_INJURY_COLLECTION_BANK);

        pay(e, "2019-11", "1512.00", "2020-01-20");
        JsonNode fees = api.get("fz.finance", "/api/v1/employers/" + e.id() + "/late-fees").body();
        assertThat(fees.path("owed").decimalValue()).isEqualByComparingTo("27.22");
        assertThat(fees.path("allocationRule").asString()).contains("先抵缴欠缴的社会保险费", "第八十六条");
        JsonNode fee = fees.path("lateFees").get(0);
        assertThat(fee.path("days").asInt()).isEqualTo(36);
        assertThat(fee.path("dailyRate").decimalValue()).isEqualByComparingTo("0.0005");
        assertThat(fee.path("charged").decimalValue()).isEqualByComparingTo("27.22");
        assertThat(fee.path("status").asString()).isEqualTo("OPEN");
        assertThat(fee.path("statusName").asString()).isEqualTo("未缴");
        assertThat(fee.path("sources").get(0).asString()).startsWith("社会保险法 第八十六条");
        // booked when assessed: 27.22 × 1440 / 1512 = 25.92; × 60 / 1512 = 1.08; rest 0.22
        assertThat(balance(Account.PENSION_LATE_FEES_RECEIVABLE).minus(pensionFees)).isEqualTo(Money.yuan("25.92"));
        assertThat(balance(Account.PENSION_LATE_FEE_INCOME).minus(pensionIncome)).isEqualTo(Money.yuan("-25.92"));

        Response second = pay(e, "2019-11", "27.22", "2020-01-25");
        assertThat(second.body().path("allocated").decimalValue()).as("the bill is paid: nothing to it")
                .isEqualByComparingTo("0");
        assertThat(second.body().path("feesPaid").decimalValue()).isEqualByComparingTo("27.22");
        assertThat(second.body().path("excess").decimalValue()).isEqualByComparingTo("0");
        JsonNode after = api.get("fz.finance", "/api/v1/employers/" + e.id() + "/late-fees").body();
        assertThat(after.path("owed").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.path("lateFees").get(0).path("status").asString()).isEqualTo("PAID");
        assertThat(balance(Account.PENSION_LATE_FEES_RECEIVABLE)).as("receivable cleared").isEqualTo(pensionFees);
        assertThat(balance(Account.UNEMPLOYMENT_LATE_FEES_RECEIVABLE)).isEqualTo(unemploymentFees);
        assertThat(balance(Account.WORK_INJURY_LATE_FEES_RECEIVABLE)).isEqualTo(injuryFees);
        assertThat(balance(Account.PENSION_COLLECTION_BANK).minus(pensionBank)).isEqualTo(Money.yuan("1465.92"));
        assertThat(balance(Account.UNEMPLOYMENT_COLLECTION_BANK).minus(unemploymentBank))
                .isEqualTo(Money.yuan("61.08"));
        assertThat(balance(Account.WORK_INJURY_COLLECTION_BANK).minus(injuryBank)).isEqualTo(Money.yuan("12.22"));
        assertThat(count("contribution_collection_history WHERE item = 'LATE_FEE' AND item_id = "
                + after.path("lateFees").get(0).path("id").asLong())).as("OPEN, then PAID").isEqualTo(2);
        assertThat(api.get("employer.fz", "/api/v1/employers/" + e.id() + "/late-fees").status())
                .as("another employer's late fees are not employer.fz's to read").isEqualTo(403);
    }

    @Test
    @DisplayName("contributions first: 1000.00 paid late on the 2019-11 bill all goes to the bill (fee 18.00 on it, "
            + "36 days), the fee stays owed")
    void contributionsFirst() {
        Employer e = declared("2019-11");
        assess(e, "2019-11");
        Response r = pay(e, "2019-11", "1000.00", "2020-01-20");
        assertThat(r.body().path("allocated").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(r.body().path("feesPaid").decimalValue()).isEqualByComparingTo("0");
        // 1000.00 × 0.0005 × 36 = 18.00
        assertThat(r.body().path("feeCharged").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(api.get("fz.finance", "/api/v1/employers/" + e.id() + "/late-fees").body().path("owed")
                .decimalValue()).isEqualByComparingTo("18.00");
        // 530.00 more: 512.00 to the bill (fee 9.22 on it), then 18.00 to the first fee; the new fee stays owed
        Response rest = pay(e, "2019-11", "530.00", "2020-01-20");
        assertThat(rest.body().path("allocated").decimalValue()).isEqualByComparingTo("512.00");
        assertThat(rest.body().path("feeCharged").decimalValue()).as("512.00 × 0.0005 × 36 = 9.216")
                .isEqualByComparingTo("9.22");
        assertThat(rest.body().path("feesPaid").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(api.get("fz.finance", "/api/v1/employers/" + e.id() + "/late-fees").body().path("owed")
                .decimalValue()).isEqualByComparingTo("9.22");
    }

    @Test
    @DisplayName("FJ-5c (Fujian's emergency, N-5c): the 2020-08 bill paid 2020-10-15 while the lifted date is unknown: "
            + "22.68 computed, waived with the clauses, assessed WAIVED, nothing receivable")
    void emergencyWaiverLeavesNoFee() {
        Employer e = declared("2020-08");
        assess(e, "2020-08");
        Money fees = balance(Account.PENSION_LATE_FEES_RECEIVABLE);
        pay(e, "2020-08", "1512.00", "2020-10-15");
        JsonNode list = api.get("fz.finance", "/api/v1/employers/" + e.id() + "/late-fees").body();
        assertThat(list.path("owed").decimalValue()).isEqualByComparingTo("0");
        JsonNode fee = list.path("lateFees").get(0);
        assertThat(fee.path("status").asString()).isEqualTo("WAIVED");
        assertThat(fee.path("computed").decimalValue()).isEqualByComparingTo("22.68");
        assertThat(fee.path("waived").decimalValue()).isEqualByComparingTo("22.68");
        assertThat(fee.path("charged").decimalValue()).isEqualByComparingTo("0");
        assertThat(fee.path("waiver").asString()).contains("免收滞纳金");
        List<String> sources = new ArrayList<>();
        fee.path("sources").forEach(s -> sources.add(s.asString()));
        assertThat(sources).contains("FJ-5c", "N-5c");
        assertThat(balance(Account.PENSION_LATE_FEES_RECEIVABLE)).isEqualTo(fees);
    }

    @Test
    @DisplayName("overpaid: 2512.00 on the 1512.00 bill of 2020-08 (paid 2020-09-10) leaves 1000.00 credit (预收); "
            + "the 2020-09 bill, assessed, takes it at once (PART_PAID 1000.00, credit 0), each fund's share "
            + "transferred from the pension fund's collection account")
    void overpaymentCreditUsedOnNextBill() {
        Employer e = declared("2020-08", "2020-09");
        assess(e, "2020-08");
        Money credits = balance(Account.PENSION_EMPLOYER_CREDITS);
        Money pensionBank = balance(Account.PENSION_COLLECTION_BANK);
        Money pensionReceivable = balance(Account.PENSION_CONTRIBUTIONS_RECEIVABLE);
        Money unemploymentBank = balance(Account.UNEMPLOYMENT_COLLECTION_BANK);
        Money unemploymentReceivable = balance(Account.UNEMPLOYMENT_CONTRIBUTIONS_RECEIVABLE);
        Money injuryBank = balance(Account.WORK_INJURY_COLLECTION_BANK);

        Response r = pay(e, "2020-08", "2512.00", "2020-09-10");
        assertThat(r.body().path("excess").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(balance(Account.PENSION_EMPLOYER_CREDITS).minus(credits)).as("a liability: a credit balance")
                .isEqualTo(Money.yuan("-1000.00"));
        JsonNode credit = api.get("fz.finance", "/api/v1/employers/" + e.id() + "/credit").body();
        assertThat(credit.path("balance").decimalValue()).isEqualByComparingTo("1000.00");

        Bill next = assess(e, "2020-09");
        assertThat(next.status()).isEqualTo(BillStatus.PART_PAID);
        assertThat(next.paid()).isEqualTo(Money.yuan("1000.00"));
        assertThat(api.get("fz.finance", "/api/v1/employers/" + e.id() + "/credit").body().path("balance")
                .decimalValue()).isEqualByComparingTo("0");
        List<Payment> paid = payments.payments(clerk, e.id());
        assertThat(paid).anySatisfy(p -> {
            assertThat(p.channel()).isEqualTo(PaymentChannel.CREDIT);
            assertThat(p.paidOn()).as("counted as paid the day the money came").hasToString("2020-09-10");
            assertThat(p.feeDays()).as("before the due date 2020-10-15: no fee").isNull();
        });
        assertThat(balance(Account.PENSION_EMPLOYER_CREDITS)).isEqualTo(credits);
        // 1000.00 of the 2020-09 bill: pension 952.38, unemployment 39.68, work injury 7.94; the pension fund's
        // collection account kept 1440.00 + 1000.00 and passed 39.68 + 7.94 on
        assertThat(balance(Account.PENSION_COLLECTION_BANK).minus(pensionBank)).isEqualTo(Money.yuan("2392.38"));
        assertThat(balance(Account.PENSION_CONTRIBUTIONS_RECEIVABLE).minus(pensionReceivable))
                .as("2020-09 booked +1440.00, both payments −1440.00 − 952.38").isEqualTo(Money.yuan("-952.38"));
        assertThat(balance(Account.UNEMPLOYMENT_COLLECTION_BANK).minus(unemploymentBank))
                .isEqualTo(Money.yuan("99.68"));
        assertThat(balance(Account.UNEMPLOYMENT_CONTRIBUTIONS_RECEIVABLE).minus(unemploymentReceivable))
                .isEqualTo(Money.yuan("-39.68"));
        assertThat(balance(Account.WORK_INJURY_COLLECTION_BANK).minus(injuryBank)).isEqualTo(Money.yuan("19.94"));
    }

    @Test
    @DisplayName("refund of credit: above the balance 400 nothing written; the one who asked cannot approve (409); a "
            + "second finance user approves: 预收 against the collection account; a second decision 409")
    void refundWithSecondUser() {
        Employer e = declared("2020-08");
        assess(e, "2020-08");
        pay(e, "2020-08", "2000.00", "2020-09-10"); // 488.00 credit
        Map<String, Long> before = counts();
        Response tooMuch = api.post("fz.finance", "/api/v1/employers/" + e.id() + "/credit/refunds",
                Map.of("amount", "488.01", "reason", "多缴退还"));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.firstErrorField()).isEqualTo("amount");
        assertThat(tooMuch.firstErrorMessage()).contains("488.01", "488.00", "超过");
        assertThat(counts()).isEqualTo(before);

        Money credits = balance(Account.PENSION_EMPLOYER_CREDITS);
        Money bank = balance(Account.PENSION_COLLECTION_BANK);
        Response asked = api.post("fz.finance", "/api/v1/employers/" + e.id() + "/credit/refunds",
                Map.of("amount", "300.00", "reason", "多缴退还"));
        assertThat(asked.status()).as(asked.raw().body()).isEqualTo(201);
        long id = asked.body().path("id").asLong();
        assertThat(api.get("fz.finance", "/api/v1/employers/" + e.id() + "/credit").body().path("balance")
                .decimalValue()).as("reserved at once").isEqualByComparingTo("188.00");
        Response self = api.post("fz.finance", "/api/v1/collection/refunds/" + id + "/decision",
                Map.of("approve", true));
        assertThat(self.status()).isEqualTo(409);
        Response ok = api.post("fz.finance2", "/api/v1/collection/refunds/" + id + "/decision",
                Map.of("approve", true, "note", "核实无误"));
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
        assertThat(ok.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(balance(Account.PENSION_EMPLOYER_CREDITS).minus(credits)).isEqualTo(Money.yuan("300.00"));
        assertThat(balance(Account.PENSION_COLLECTION_BANK).minus(bank)).isEqualTo(Money.yuan("-300.00"));
        assertThat(api.post("fz.finance2", "/api/v1/collection/refunds/" + id + "/decision",
                Map.of("approve", false, "note", "再来一次")).status()).isEqualTo(409);
        assertThat(count("contribution_collection_history WHERE item = 'REFUND' AND item_id = " + id)).isEqualTo(2);
    }

    @Test
    @DisplayName("暂收款: 800.00 with no employer, booked bank against 2131; two finance users match it at once: one "
            + "wins, one 409; it becomes the employer's credit and pays its 2020-08 bill in part (PART_PAID 800.00)")
    void unmatchedThenMatchedOnce() throws Exception {
        Employer e = declared("2020-08");
        assess(e, "2020-08");
        Money suspense = balance(Account.PENSION_UNIDENTIFIED_RECEIPTS);
        Money credits = balance(Account.PENSION_EMPLOYER_CREDITS);
        Money pensionBank = balance(Account.PENSION_COLLECTION_BANK);
        Money unemploymentBank = balance(Account.UNEMPLOYMENT_COLLECTION_BANK);
        Response r = api.post("fz.finance", "/api/v1/collection/receipts",
                Map.of("reference", ref(), "amount", "800.00", "receivedOn", "2020-09-10", "payer", "某公司（户名不符）"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        long id = r.body().path("id").asLong();
        assertThat(balance(Account.PENSION_UNIDENTIFIED_RECEIPTS).minus(suspense)).isEqualTo(Money.yuan("-800.00"));
        assertThat(api.get("fz.finance", "/api/v1/collection/receipts").body().findValues("id").stream()
                .map(JsonNode::asLong)).contains(id);

        List<Callable<Integer>> both = List.of(
                () -> api.post("fz.finance", "/api/v1/collection/receipts/" + id + "/match",
                        Map.of("creditCode", e.creditCode())).status(),
                () -> api.post("fz.finance2", "/api/v1/collection/receipts/" + id + "/match",
                        Map.of("creditCode", e.creditCode())).status());
        assertThat(AllAtOnce.run(both)).containsExactlyInAnyOrder(200, 409);
        assertThat(bills.bill(clerk, e.id(), YearMonth.parse("2020-08")).orElseThrow().paid())
                .isEqualTo(Money.yuan("800.00"));
        assertThat(balance(Account.PENSION_UNIDENTIFIED_RECEIPTS)).isEqualTo(suspense);
        assertThat(balance(Account.PENSION_EMPLOYER_CREDITS)).as("matched, then applied").isEqualTo(credits);
        // 800.00: pension 761.90, unemployment 31.75, work injury 6.35
        assertThat(balance(Account.PENSION_COLLECTION_BANK).minus(pensionBank)).isEqualTo(Money.yuan("761.90"));
        assertThat(balance(Account.UNEMPLOYMENT_COLLECTION_BANK).minus(unemploymentBank))
                .isEqualTo(Money.yuan("31.75"));
        assertThat(count("contribution_credit_movement WHERE kind = 'MATCHED' AND receipt_id = " + id)).isEqualTo(1);
        assertThat(api.post("fz.finance", "/api/v1/collection/receipts/" + id + "/refund",
                Map.of("note", "退回")).status()).as("matched already").isEqualTo(409);
    }

    @Test
    @DisplayName("bad input: a negative receipt, a match to an unknown employer, a receipt refund without a reason: "
            + "400 naming the field, nothing written; an employer user cannot record receipts (403)")
    void badInput() {
        Map<String, Long> before = counts();
        Response negative = api.post("fz.finance", "/api/v1/collection/receipts",
                Map.of("reference", ref(), "amount", "-5.00"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.firstErrorField()).isEqualTo("amount");
        assertThat(negative.firstErrorMessage()).contains("大于零");
        Response negativeRefund = api.post("fz.finance",
                "/api/v1/employers/" + employer(EmployerSize.LARGE).id() + "/credit/refunds",
                Map.of("amount", "-1", "reason", "x"));
        assertThat(negativeRefund.status()).isEqualTo(400);
        assertThat(api.post("employer.fz", "/api/v1/collection/receipts",
                Map.of("reference", ref(), "amount", "5.00")).status()).isEqualTo(403);
        before = counts();
        Response r = api.post("fz.finance", "/api/v1/collection/receipts",
                Map.of("reference", ref(), "amount", "50.00", "receivedOn", "2020-09-10"));
        long id = r.body().path("id").asLong();
        Map<String, Long> recorded = counts();
        Response unknown = api.post("fz.finance", "/api/v1/collection/receipts/" + id + "/match",
                Map.of("creditCode", "91350100MA00000000"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.firstErrorField()).isEqualTo("creditCode");
        Response noReason = api.post("fz.finance", "/api/v1/collection/receipts/" + id + "/refund", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.firstErrorField()).isEqualTo("note");
        assertThat(counts()).isEqualTo(recorded);
        assertThat(recorded.get("receipt")).isEqualTo(before.get("receipt") + 1);
        JsonNode totals = api.get("fz.finance", "/api/v1/collection/totals").body();
        assertThat(totals.path("receiptsUnmatched").asLong()).isPositive();
        assertThat(totals.path("receiptsUnmatchedAmount").decimalValue()).isGreaterThanOrEqualTo(
                new java.math.BigDecimal("50.00"));
    }

    @Test
    @DisplayName("screens: the collection section's late fees (第八十六条 cited), credits, receipts and refunds lists with "
            + "totals; the employer's page shows its late fees owed and credit; a refund above the credit and a "
            + "negative receipt are refused on screen (400) naming the field, nothing written")
    void screens() throws Exception {
        Employer e = declared("2019-11");
        assess(e, "2019-11");
        pay(e, "2019-11", "1512.00", "2020-01-20"); // late fee 27.22 owed
        pay(e, "2019-11", "100.00", "2020-01-21"); // 27.22 to the fee, 72.78 credit
        WebSession web = WebSession.login(port, "fz.finance");
        var fees = web.get("/collection?list=LATE_FEES");
        assertThat(fees.statusCode()).isEqualTo(200);
        assertThat(fees.body()).contains("未缴滞纳金", "先抵缴欠缴的社会保险费");
        var credits = web.get("/collection?list=CREDITS");
        assertThat(credits.statusCode()).isEqualTo(200);
        assertThat(credits.body()).contains(e.name(), "72.78");
        var page = web.get("/registry/employers/" + e.id() + "/declarations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("未缴滞纳金合计 0.00 元", "预收余额：72.78 元", "36", "0.05%", "已缴清",
                "社会保险法 第八十六条");
        Map<String, Long> before = counts();
        var tooMuch = web.submit("/registry/employers/" + e.id() + "/declarations",
                "/registry/employers/" + e.id() + "/credit/refunds", Map.of("refundAmount", "100.00",
                        "refundReason", "多缴退还"));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("退还金额 100.00 元超过单位预收余额 72.78 元");
        var negative = web.submit("/collection?list=RECEIPTS", "/collection/receipts",
                Map.of("reference", ref(), "amount", "-3"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("缴费金额必须大于零");
        assertThat(counts()).isEqualTo(before);
        var asked = web.submit("/registry/employers/" + e.id() + "/declarations",
                "/registry/employers/" + e.id() + "/credit/refunds", Map.of("refundAmount", "20.00",
                        "refundReason", "多缴退还"));
        assertThat(asked.statusCode()).isEqualTo(302);
        var refunds = WebSession.login(port, "fz.finance2").get("/collection?list=REFUNDS");
        assertThat(refunds.statusCode()).isEqualTo(200);
        assertThat(refunds.body()).contains(e.name(), "20.00", "同意退还");
        assertThat(web.get("/collection?list=RECEIPTS").statusCode()).isEqualTo(200);
        assertThat(web.get("/collection").statusCode()).as("the arrears worklist, as before").isEqualTo(200);
        assertThat(web.get("/collection?list=NOPE").statusCode()).isEqualTo(404);
    }
}
