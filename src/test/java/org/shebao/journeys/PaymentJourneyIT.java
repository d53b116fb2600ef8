package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.contribution.BillFixtures;
import org.shebao.contribution.ContributionFixtures;
import org.shebao.contribution.Bills;
import org.shebao.contribution.DeclaredLine;
import org.shebao.contribution.Declarations;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.springframework.beans.factory.annotation.Autowired;

@ShebaoIntegrationTest
@DisplayName("Browser journey: finance imports the collection channel's payment file, reads which late-fee rule applied and finds the late fee owed")
class PaymentJourneyIT extends BrowserJourney {
    @Autowired
    TestUsers testUsers;
    @Autowired
    ContributionFixtures fixtures;
    @Autowired
    Declarations declarations;
    @Autowired
    Bills bills;

    private static FilePayload csv(String... lines) {
        return new FilePayload("缴费.csv", "text/csv", ("缴费流水号,统一社会信用代码,费款所属期,缴费金额（元）,缴费日期\n"
                + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("fz.finance: a file with a bad line is refused with the line's number and reason; the corrected file "
            + "pays November 2019 late (36 days, 27.22 charged, 社会保险法 第八十六条) and August 2020 late while Fujian's "
            + "lifted date is pending (22.68 waived, N-5c / FJ-5c); each bill says which rule applied and why")
    void financeImportsPayments() {
        ShebaoUser clerk = testUsers.get("fz.clerk");
        Employer e = fixtures.employer(EmployerSize.LARGE);
        BillFixtures.Employee a = fixtures.employee(e.id(), "陈缴费");
        declarations.declare(clerk, e.id(), List.of(new DeclaredLine(1, a.idNumber(), a.name(), "2019-11", "6000"),
                new DeclaredLine(2, a.idNumber(), a.name(), "2020-08", "6000")));
        bills.assess(clerk, e.id(), YearMonth.of(2019, 11)); // 1512.00, due 2019-12-15
        bills.assess(clerk, e.id(), YearMonth.of(2020, 8)); // 1512.00, due 2020-09-15

        login("fz.finance");
        menu("fund", "缴费与欠费");
        assertThat(page.locator("#bill-items")).containsText(e.name());
        String ref = "JRN" + e.id();
        page.setInputFiles("#import-form input[type=file]", csv(
                ref + "-1," + e.creditCode() + ",2019-11,1512.00,2020-01-20",
                ref + "-2," + e.creditCode() + ",2020-08,1512.0O,2020-10-15"));
        page.click("#import-button");
        assertThat(page.locator("#line-errors")).containsText("第3行");
        assertThat(page.locator("#line-errors")).containsText("1512.0O");
        page.setInputFiles("#import-form input[type=file]", csv(
                ref + "-1," + e.creditCode() + ",2019-11,1512.00,2020-01-20",
                ref + "-2," + e.creditCode() + ",2020-08,1512.00,2020-10-15"));
        page.click("#import-button");
        assertThat(page.locator("#imported")).containsText("2 笔");
        assertThat(page.locator("#bill-items")).not().containsText(e.name());

        page.navigate(url("/registry/employers/" + e.id() + "/bills/2019-11"));
        assertThat(page.locator("#bill-status")).hasText("已缴清");
        assertThat(page.locator(".payment .fee")).hasText("27.22");
        assertThat(page.locator(".payment .fee-rule")).containsText("逾期 36 天");
        assertThat(page.locator(".payment .fee-rule")).containsText("社会保险法 第八十六条");
        page.navigate(url("/registry/employers/" + e.id() + "/bills/2020-08"));
        assertThat(page.locator(".payment .fee")).hasText("0.00");
        assertThat(page.locator(".payment .fee-rule")).containsText("应计滞纳金 22.68 元，予以免收");
        assertThat(page.locator(".payment .fee-rule")).containsText("疫情解除日期待定");
        assertThat(page.locator(".payment .fee-rule")).containsText("FJ-5c");
        screenshot("payment-waived-bill");

        // collection (征收): the late fee of November 2019 is owed on the section's list and on the employer's page
        page.navigate(url("/collection?list=LATE_FEES"));
        assertThat(page.locator("#late-fees")).containsText(e.name());
        assertThat(page.locator("#totals")).containsText("未缴滞纳金");
        screenshot("collection-late-fees");
        page.navigate(url("/registry/employers/" + e.id() + "/declarations"));
        assertThat(page.locator("#late-fees-owed")).containsText("27.22");
        assertThat(page.locator("#late-fees")).containsText("免收");
        screenshot("collection-employer");
    }
}
