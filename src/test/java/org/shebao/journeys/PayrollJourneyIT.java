package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.TestUsers;
import org.shebao.ShebaoIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shebao.casework.Case;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseWorkflow;
import org.shebao.casework.Channel;
import org.shebao.casework.Submission;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.IdNumberCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Browser journeys: the payroll and a pre-paid pension (N-1b, N-1c, N-1e, FJ-1.3)")
class PayrollJourneyIT extends BrowserJourney {
    @Autowired
    TestUsers staff;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdNumberCipher ids;

    @Test
    @DisplayName("a reviewer puts a retirement case with missing materials on pre-payment at Fujian's 1800 (FJ-1.3), "
            + "approves it, and reads the settlement schedule with its clauses")
    void reviewerSeesSettlement() {
        String idNumber = ids.decrypt(jdbc.sql("""
                SELECT id_cipher FROM registry_person p WHERE region_code = '350100' AND gender = 'MALE'
                   AND birth_date BETWEEN DATE '1959-06-01' AND DATE '1960-06-30'
                   AND EXISTS (SELECT 1 FROM contribution_year y WHERE y.person_id = p.id)
                 ORDER BY id LIMIT 1""").query(byte[].class).single());
        Case c = intake.submit(staff.get("fz.clerk"), new Submission(CaseType.RETIREMENT,
                Channel.PHONE, idNumber, Map.of("scheme", "ENTERPRISE",
                "bankAccount", "6222021009998887776"), List.of(), Set.of(), null, null)).c();
        Case accepted = workflow.accept(staff.get("fz.clerk"), c.id(), c.version());

        login("fz.reviewer");
        page.navigate(url("/casework/cases/" + c.id()));
        page.click("#details");
        page.fill("#amount", "123456789");
        page.click("#start-prepayment");
        assertThat(page.locator("#form-errors")).containsText("预发金额应在 500.00 至 30000.00 元之间");
        page.fill("#amount", "");
        page.click("#start-prepayment");
        assertThat(page.locator("#prepayment .amount")).hasText("1800.00");
        assertThat(page.locator("#prepayment .clause")).hasText("FJ-1.3");

        workflow.preReview(staff.get("fz.clerk2"), c.id(), accepted.version(), null);
        page.navigate(url("/casework/cases/" + c.id()));
        page.click("#approve");
        assertThat(page.locator("#status")).hasText("审核通过，已办结");
        page.click("#details");
        assertThat(page.locator("#calculation")).containsText("国发〔2005〕38号");
        assertThat(page.locator("#settlement .clause")).hasText(new String[] {"N-1b", "N-1e", "FJ-1.3", "FJ-1.7"});
        assertThat(page.locator("#schedule tbody tr").first()).isVisible();
        assertThat(page.locator("#entitlement")).containsText("N-1d");
    }

    @Test
    @DisplayName("fz.finance runs April 2020 for Fuzhou with a progress bar, reads the totals by flag and exports the "
            + "register; running the month again is refused; no bank file before fz.finance2 approves it (issue 15), "
            + "then the bank file pays the run's total")
    void financeRunsPayroll() throws Exception {
        login("fz.finance");
        menu("fund", "待遇发放");
        page.selectOption("#region", "350100");
        assertThat(page.locator("#suggestion")).containsText("建议发放");
        assertThat(page.locator("#order-counts")).containsText("暂停");
        // issue 17 item 6: the month from a list, the suggested month selected
        assertThat(page.locator("#month option:checked")).containsText("（建议）");
        page.selectOption("#month", "2020-04");
        page.click("#start");
        // issue 17 item 6: a month in the past asks for confirmation and says why
        assertThat(page.locator("#month-warnings li[data-warning=PAST]")).containsText("2020-04 早于本月");
        screenshot("payroll-confirm");
        page.click("#confirm-start");
        assertThat(page.locator(".progress")).isVisible();
        // item 7: a screen reader hears the progress: the bar is inside a live region that stays while it is swapped
        assertThat(page.locator("#progress-live[aria-live=polite] #progress")).hasCount(1);
        assertThat(page.locator("#run-status")).hasText("已完成");
        assertThat(page.locator("#totals tr[data-kind=REGULAR]")).hasCount(2);
        // the demo's recipients whose certification lapsed in January 2020 are paid under N-1c / FJ-1.1
        // shown by the measure's name, its clauses as the detail; no code on the screen
        assertThat(page.locator("#totals .flag[data-flag=NO_SUSPENSION_FOR_MISSED_CERTIFICATION]"))
                .containsText("未按期资格认证不暂停待遇发放");
        assertThat(page.locator("#totals .flag[data-flag=NO_SUSPENSION_FOR_MISSED_CERTIFICATION] .clause").first())
                .hasText("N-1c");
        assertThat(page.locator("#totals")).not().containsText("NO_SUSPENSION");
        screenshot("payroll-totals");
        Download download = page.waitForDownload(() -> page.click("#export-register"));
        Path file = Files.createTempFile("register", ".xlsx");
        download.saveAs(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes());
            assertThat(sheet).contains("按月发放").contains("未按期资格认证不暂停待遇发放（N-1c、FJ-1.1）")
                    .doesNotContain("REGULAR").doesNotContain("NO_SUSPENSION_FOR_MISSED_CERTIFICATION");
        }
        // the run in the fund's books: its voucher pays out of the bank exactly what the totals add up to
        String runUrl = page.url();
        String runId = runUrl.substring(runUrl.lastIndexOf('/') + 1);
        BigDecimal total = page.locator("#totals tbody tr td.amount").allTextContents().stream()
                .map(s -> new BigDecimal(s.replace(",", ""))).reduce(BigDecimal.ZERO, BigDecimal::add);
        menu("fund", "基金账簿");
        assertThat(page.locator("#fund-name")).hasText("企业职工基本养老保险基金");
        assertThat(page.locator("#trial-balance tr[data-account='1002']")).containsText("银行存款（待遇支出户）");
        page.navigate(url("/ledger?fund=PENSION&from=2020-04-31")); // a day that does not exist, typed into the address
        assertThat(page.locator("#form-errors")).containsText("开始日期");
        page.fill("#source", "payroll-run:" + runId);
        page.click("#apply");
        Locator voucher = page.locator(".journal[data-source='payroll-run:" + runId + "']");
        assertThat(voucher).containsText("银行存款（待遇支出户）");
        assertThat(voucher).containsText(String.format("%,.2f", total));
        screenshot("ledger-books");
        page.click("#trial-balance tr[data-account='1221'] a");
        assertThat(page.locator("#account-name")).containsText("预发养老金（待结算）");
        page.goBack();
        Download vouchers = page.waitForDownload(() -> page.click("#export"));
        Path xlsx = Files.createTempFile("vouchers", ".xlsx");
        vouchers.saveAs(xlsx);
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes());
            assertThat(sheet).contains("payroll-run:" + runId).contains("银行存款（待遇支出户）");
        }
        page.navigate(url("/payroll"));
        page.selectOption("#region", "350100");
        page.selectOption("#month", "2020-04");
        page.click("#start");
        assertThat(page.locator("#form-errors")).containsText("2020-04 的待遇发放已完成，不能重复发放");

        // maker-checker (issue 15, item 3): the maker cannot approve, and no bank file leaves before the approval
        page.navigate(runUrl);
        assertThat(page.locator("#maker-hint")).isVisible();
        assertThat(page.locator("#approve")).hasCount(0);
        assertThat(page.locator("#bank-file")).hasCount(0);
        assertThat(page.locator("#bank-file-locked")).containsText("复核通过后方可下载");
        com.microsoft.playwright.Response refused = page.navigate(runUrl + "/bank-file");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(page.locator("#error-detail")).containsText("尚未经另一名财务人员复核通过，不能下载银行代发文件");

        login("fz.finance2");
        page.navigate(runUrl);
        assertThat(page.locator("#approval-state")).containsText("福州财务 吴丽");
        assertThat(page.locator("#threshold")).containsText("300.00");
        assertThat(page.locator("#threshold")).containsText("示例值");
        assertThat(page.locator("#review")).not().containsText("fz.finance");
        screenshot("payroll-review");
        page.click("#approve");
        assertThat(page.locator("#approval-state")).containsText("已由 福州财务复核 周敏");
        assertThat(page.locator("#approve")).hasCount(0);
        Download bankFile = page.waitForDownload(() -> page.click("#bank-file"));
        Path csv = Files.createTempFile("bank", ".csv");
        bankFile.saveAs(csv);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).contains("bank_account");
        BigDecimal sent = rows.stream().skip(1).map(r -> new BigDecimal(r.substring(r.lastIndexOf(',') + 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // net per account: an account whose deductions exceed its payment is not in the file
        assertThat(sent).as("the bank file pays at most the run's total").isPositive().isLessThanOrEqualTo(total);
        page.navigate(runUrl);
        assertThat(page.locator("#released")).containsText("福州财务复核 周敏");
        screenshot("payroll-approved");
        menu("fund", "待遇发放");
        assertThat(page.locator("#runs a[href$='/" + runId + "']").locator("xpath=../..").locator(".approval"))
                .hasText("已复核");

        // issue 15 item 4: the bank's return (the bank writes it: here from the payments it was sent) fails three
        // payments; finance imports it on the run's page, sees them listed and the run reconciled, asks for a new
        // account for one and a reissue to the same account for the bank's own fault; the other finance user approves
        record Sent(long id, String account, BigDecimal amount) { }
        List<Sent> payments = jdbc.sql("SELECT id, bank_account AS account, amount FROM payroll_payment WHERE run_id = :run ORDER BY id")
                .param("run", Long.parseLong(runId)).query(Sent.class).list();
        assertThat(payments).hasSizeGreaterThanOrEqualTo(3);
        List<String> reasons = List.of("账户已销户", "银行系统故障", "银行系统故障");
        StringBuilder ret = new StringBuilder("流水号|账号|金额|处理结果|失败原因\r\n");
        BigDecimal all = BigDecimal.ZERO;
        for (int i = 0; i < payments.size(); i++) {
            Sent p = payments.get(i);
            ret.append(p.id()).append('|').append(p.account()).append('|').append(p.amount().toPlainString())
                    .append(i < 3 ? "|失败|" + reasons.get(i) : "|成功|").append("\r\n");
            all = all.add(p.amount());
        }
        ret.append("合计|").append(payments.size()).append('|').append(all.toPlainString()).append("\r\n");
        page.navigate(runUrl);
        page.setInputFiles("#return-file", new com.microsoft.playwright.options.FilePayload("回盘.txt", "text/plain",
                ret.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#import-return");
        assertThat(page.locator("#imported")).containsText("失败 3 笔");
        assertThat(page.locator("#failed .failed-payment")).hasCount(3);
        assertThat(page.locator("#reconciled")).containsText("已平");
        screenshot("payroll-returns");
        page.click("#to-account-changes");
        Locator closed = page.locator("#awaiting .failed-payment", new Page.LocatorOptions().setHasText("账户已销户"));
        closed.locator(".request-form [name=account]").fill("6222020000009999");
        closed.locator(".request-form [name=reason]").fill("原账户已销户，本人提供新账户");
        closed.locator(".request-form button").click();
        Locator fault = page.locator("#awaiting .failed-payment", new Page.LocatorOptions().setHasText("银行系统故障")).first();
        fault.locator(".same-account-form [name=reason]").fill("银行系统故障退回，账户无误");
        fault.locator(".same-account-form button").click();
        assertThat(page.locator("#pending .pending-change")).hasCount(2);
        assertThat(page.locator("#pending .same-account")).hasText("原账户重发");
        assertThat(page.locator("#pending .approve-change")).hasCount(0); // the maker cannot approve
        screenshot("payroll-account-changes");
        loginAt("fz.finance", "/payroll/account-changes");
        page.locator("#pending .approve-change").first().click();
        assertThat(page.locator("#pending .pending-change")).hasCount(1);
        page.locator("#pending .approve-change").first().click();
        assertThat(page.locator("#pending .pending-change")).hasCount(0);
        screenshot("payroll-reissue-scheduled");
        assertThat(page.locator("#awaiting .reissue-state .text-bg-info")).hasCount(2); // 将于 2020-05 重发
        assertThat(page.locator("#awaiting .reissue-state .text-bg-warning")).hasCount(1); // still waiting
        assertThat(page.locator("#history")).containsText("原账户重发");
    }
}
