package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payroll approval, maker-checker (issue 15, item 3), on the real database and over the API: Fuzhou's May and June
 * 2018 (months no other test runs), with four standing orders of this test's own that change, start and stop.
 */
@ShebaoIntegrationTest
@DisplayName("Payroll approval (issue 15, item 3; N-1e, FJ-1.7): a second finance user approves, one of two at once "
        + "wins, the maker cannot, the run is frozen, no bank file before the approval")
class PayrollApprovalIT {
    private static final RegionCode FUZHOU = new RegionCode("350100");
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
    @LocalServerPort
    int port;

    private long order(long person, String amount, YearMonth from, YearMonth until) {
        long id = orders.registerOrder(new StandingOrders.NewOrder(person, FUZHOU, Benefit.PENSION, OrderKind.REGULAR,
                Money.yuan(amount), from, LocalDate.of(2030, 12, 31), "6222" + person, "复核" + person, "", null));
        orders.endOrder(id, until); // only in this test's months
        return id;
    }

    private PayrollRun run(YearMonth month) {
        PayrollRun run = payroll.open(users.get("fz.finance"), FUZHOU, month);
        payroll.execute(run.id());
        return payroll.run(run.id()).orElseThrow();
    }

    private long audited(String action, long runId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a AND target = :t").param("a", action)
                .param("t", "payroll-run:" + runId).query(Long.class).single();
    }

    @Test
    @DisplayName("the checker's review: totals, a change from last month above the dated threshold (300.00, "
            + "illustrative), new and stopped recipients; the maker, an auditor, a second approval and a bank file "
            + "before the approval are refused with their reason (4xx, nothing written); two checkers at once: one "
            + "wins; the approved run and its lines are frozen by the database; the bank file is then released")
    void makerChecker() throws Exception {
        YearMonth may = YearMonth.of(2018, 5);
        YearMonth june = YearMonth.of(2018, 6);
        long changed = order(830_001, "2000.00", may, june);
        long steady = order(830_002, "1500.00", may, june);
        long stopped = order(830_003, "1800.00", may, may);
        long started = order(830_004, "9600.00", june, june);
        orders.addAdjustment(changed, june, LineKind.ARREARS, Money.yuan("1000.00"), "N-1d", "补发");
        orders.addAdjustment(steady, june, LineKind.ARREARS, Money.yuan("100.00"), "N-1d", "补发");

        PayrollRun first = run(may);
        assertThat(approval.review(users.get("fz.finance2"), first.id()).previous()).as("no April 2018 run").isEmpty();
        PayrollRun run = run(june);
        PayrollApproval.Review review = approval.review(users.get("fz.finance2"), run.id());
        assertThat(review.previous()).map(PayrollRun::id).contains(first.id());
        assertThat(review.limit()).isEqualTo(Money.yuan("300.00"));
        assertThat(review.threshold().illustrative()).isTrue();
        assertThat(review.changes().shown()).anySatisfy(r -> {
            assertThat(r.orderId()).isEqualTo(changed);
            assertThat(r.lastMonth()).isEqualTo(Money.yuan("2000.00"));
            assertThat(r.thisMonth()).isEqualTo(Money.yuan("3000.00"));
            assertThat(r.change()).isEqualTo(Money.yuan("1000.00"));
        }).noneMatch(r -> r.orderId() == steady);
        assertThat(review.newcomers().shown()).anyMatch(r -> r.orderId() == started && r.lastMonth() == null);
        assertThat(review.stopped().shown()).anyMatch(r -> r.orderId() == stopped && r.thisMonth() == null);
        assertThat(review.total()).isEqualTo(review.totals().stream().map(PayrollTotal::amount)
                .reduce(Money.ZERO, Money::plus));

        ApiClient api = new ApiClient(port);
        String base = "/api/v1/payroll/runs/" + run.id();
        ApiClient.Response early = api.get("fz.finance", base + "/bank-file");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.firstErrorMessage()).contains("尚未经另一名财务人员复核通过");
        ApiClient.Response own = api.post("fz.finance", base + "/approval", null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.firstErrorMessage()).contains("不能由您本人复核");
        assertThat(api.post("fz.auditor", base + "/approval", null).status()).isEqualTo(403);
        assertThat(api.post("ty.finance2", base + "/approval", null).status()).as("another region").isEqualTo(403);
        assertThat(payroll.run(run.id()).orElseThrow().approved()).isFalse();
        assertThat(audited("PAYROLL_RUN_APPROVED", run.id()) + audited("PAYROLL_BANK_FILE_RELEASED", run.id())).isZero();
        // the database refuses the maker as checker by itself
        assertThatThrownBy(() -> jdbc.sql("UPDATE payroll_run SET approved_by = started_by, approved_at = now() WHERE id = :id")
                .param("id", run.id()).update()).hasMessageContaining("payroll_run_four_eyes");

        // two checkers at once: one wins, the other is told
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<PayrollRun>> results = new ArrayList<>();
        for (String checker : List.of("fz.finance2", "fj.finance")) {
            results.add(pool.submit((Callable<PayrollRun>) () -> {
                go.await();
                return approval.approve(users.get(checker), run.id());
            }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<PayrollRun> f : results) {
            try {
                winners.add(f.get().approvedBy());
            } catch (ExecutionException e) {
                losers.add(e.getCause());
            }
        }
        pool.shutdown();
        assertThat(winners).hasSize(1);
        assertThat(losers).singleElement().isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).violation().code()).isEqualTo("error.payroll.alreadyApproved");
        PayrollRun approved = payroll.run(run.id()).orElseThrow();
        assertThat(approved.approvedBy()).isEqualTo(winners.get(0));
        assertThat(audited("PAYROLL_RUN_APPROVED", run.id())).isEqualTo(1);
        ApiClient.Response again = api.post("fz.finance2", base + "/approval", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.firstErrorMessage()).contains("已复核通过");

        // frozen: the database refuses any change to the approved run and its lines
        assertThatThrownBy(() -> jdbc.sql("UPDATE payroll_line SET amount = amount + 1 WHERE run_id = :id")
                .param("id", run.id()).update()).hasMessageContaining("approved");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM payroll_line WHERE run_id = :id")
                .param("id", run.id()).update()).hasMessageContaining("approved");
        assertThatThrownBy(() -> jdbc.sql("UPDATE payroll_run SET approved_by = NULL, approved_at = NULL WHERE id = :id")
                .param("id", run.id()).update()).hasMessageContaining("approved");

        ApiClient.Response file = api.get("fz.finance", base + "/bank-file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().body()).contains("6222830001,复核830001,3000.00").contains("6222830004,复核830004,9600.00")
                .doesNotContain("6222830003");
        assertThat(approval.released(run.id())).map(PayrollApproval.Release::releasedBy).contains("fz.finance");
        assertThat(audited("PAYROLL_BANK_FILE_RELEASED", run.id())).isEqualTo(1);
        assertThat(api.get("fz.auditor", base + "/bank-file").status()).as("finance only").isEqualTo(403);
        assertThatThrownBy(() -> approval.approve(users.get("fz.auditor"), first.id()))
                .isInstanceOf(AccessDeniedToRecordException.class);
    }
}
