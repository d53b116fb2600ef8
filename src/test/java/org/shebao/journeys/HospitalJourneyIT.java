package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.registry.Persons;
import org.shebao.workinjury.MedicalFixtures;
import org.shebao.workinjury.MedicalFixtures.Patient;
import org.shebao.workinjury.Recognitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Browser journey: an agreement hospital submits a month of work-injury bills; Taiyuan pre-pays 88% and "
        + "settles (SX-1b)")
class HospitalJourneyIT extends BrowserJourney {
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Recognitions recognitions;
    @Autowired
    Persons persons;

    @Test
    @DisplayName("SX-1b: ty.hospital downloads the agreed layout, uploads last month's bills with one bad line (a negative "
            + "amount), sees line 3 named, fixes it; ty.reviewer is refused 0.95, pre-pays 88% of 6000.00 = 5280.00, "
            + "then settles on the approved 5500.00 (top-up 220.00); the hospital reads its statement settled")
    void hospitalSubmitsReviewerPrepaysAndSettles() throws Exception {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today).minusMonths(1);
        Patient a = MedicalFixtures.injured(jdbc, recognitions, persons, testUsers, today, 200);
        Patient b = MedicalFixtures.injured(jdbc, recognitions, persons, testUsers, today, 200);

        login("ty.hospital");
        assertThat(page.locator("h1")).containsText("太原市中心医院");
        List<String> header = xlsxHeader(page.waitForDownload(() -> page.click("#template-xlsx")));
        assertThat(header).containsExactly("公民身份号码", "姓名", "就诊日期", "费用项目", "金额（元）");

        String head = String.join(",", header);
        String bad = head + "\n" + a.idNumber() + "," + a.name() + "," + month.atDay(6) + ",住院费,4000.00\n"
                + b.idNumber() + "," + b.name() + "," + month.atDay(9) + ",检查费,-2000.00\n";
        page.fill("#month", month.toString());
        page.setInputFiles("#file", new FilePayload("工伤医疗费用.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
        page.click("#upload");
        assertThat(page.locator("#form-errors li")).hasCount(1);
        assertThat(page.locator("#form-errors")).containsText("第3行（金额）：金额不能为负数");
        assertThat(page.locator("#statements")).not().containsText(month.toString());
        screenshot("hospital-bills-rejected");

        page.fill("#month", month.toString());
        page.setInputFiles("#file", new FilePayload("工伤医疗费用.csv", "text/csv",
                bad.replace("-2000.00", "2000.00").getBytes(StandardCharsets.UTF_8)));
        page.click("#upload");
        assertThat(page.locator("#declared")).containsText("6000.00 元（2 行");
        assertThat(page.locator("#status")).containsText("待预付");
        assertThat(page.locator(".bill-line")).hasCount(2);

        freshContext();
        login("ty.reviewer");
        page.navigate(url("/workinjury/medical"));
        page.locator("#statements .statement").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("太原市中心医院")).locator("a", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText(month.toString())).click();
        assertThat(page.locator("#prepay-form")).containsText("85% 至 90%");
        page.fill("#ratio", "0.95");
        page.click("#prepay");
        assertThat(page.locator("#form-errors")).containsText("预付比例应在 85% 至 90% 之间");
        page.fill("#ratio", "0.88");
        page.click("#prepay");
        assertThat(page.locator("#prepaid")).containsText("88% 预付 5280.00 元");
        assertThat(page.locator("#prepaid .clause")).containsText("SX-1b");

        page.fill("#paperReceivedOn", today.toString());
        page.fill("#approved", "5500.00");
        page.click("#settle");
        assertThat(page.locator("#status")).containsText("已结算");
        assertThat(page.locator("#settlement")).containsText("补付 220.00 元");
        screenshot("hospital-bills-settled");

        freshContext();
        login("ty.hospital");
        var row = page.locator("#statements .statement").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(month.toString()));
        assertThat(row).containsText("已结算");
        assertThat(row).containsText("5280.00（88%）");
        assertThat(row).containsText("补付 220.00");
        assertThat(row.locator(".balance")).containsText("已结清");
        screenshot("hospital-statements");
    }
}
