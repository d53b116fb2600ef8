package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.contribution.ContributionFixtures;
import org.shebao.contribution.BillFixtures.Employee;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.EmployerSize;
import org.springframework.beans.factory.annotation.Autowired;

@ShebaoIntegrationTest
@DisplayName("Browser journey: an employer declares its wage bases and reads its bill with the 2020 relief (issue 11)")
class DeclarationJourneyIT extends BrowserJourney {
    @Autowired
    TestUsers testUsers;
    @Autowired
    ContributionFixtures fixtures;

    @Test
    @DisplayName("人社部发〔2020〕11号: employer.fz downloads the template, uploads a declaration with one bad line, "
            + "sees the line's number and reason, fixes it, uploads again and reads its March 2020 bill with the "
            + "exemption and its source")
    void employerDeclaresAndReadsBill() throws Exception {
        ShebaoUser clerk = testUsers.get("fz.clerk");
        long employerId = testUsers.get("employer.fz").employerId();
        // the agency has classified the unit as small (the relief depends on it) and two employees joined it
        fixtures.classify(employerId, EmployerSize.SMALL);
        Employee a = fixtures.employee(employerId, "林晓东");
        Employee b = fixtures.employee(employerId, "黄雅琴");

        login("employer.fz");
        page.click("#declarations-link");
        assertThat(page.locator("h1")).containsText("缴费基数申报与核定");

        // the template, as Excel: its header row is what the file must have
        List<String> header = xlsxHeader(page.waitForDownload(() -> page.click("#template-xlsx")));
        assertThat(header).hasSize(4);
        assertThat(header.get(0)).isEqualTo("公民身份号码");

        String head = String.join(",", header);
        String bad = head + "\n" + a.idNumber() + "," + a.name() + ",2020-03,5000.00\n"
                + b.idNumber() + "," + b.name() + ",2020-03,4500.0.0\n";
        page.setInputFiles("#file", new FilePayload("三月申报.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
        page.click("#upload");
        assertThat(page.locator("#rejected")).containsText("三月申报.csv");
        assertThat(page.locator("#line-errors li")).hasCount(1);
        assertThat(page.locator("#line-errors li").first()).containsText("第3行");
        assertThat(page.locator("#line-errors li").first()).containsText("「4500.0.0」不是有效金额");
        assertThat(page.locator("#declarations")).not().containsText("三月申报.csv");
        screenshot("declaration-rejected");

        String fixed = bad.replace("4500.0.0", "2000.00");
        page.setInputFiles("#file", new FilePayload("三月申报.csv", "text/csv", fixed.getBytes(StandardCharsets.UTF_8)));
        page.click("#upload");
        assertThat(page.locator("#declared")).containsText("共 2 行");
        assertThat(page.locator("#declarations")).containsText("三月申报.csv");
        assertThat(page.locator("#declarations")).containsText("单位经办人");

        page.fill("#month", "2020-03");
        page.click("#assess-button");
        page.waitForURL(u -> u.contains("/portal/bills/2020-03"));
        assertThat(page.locator("#bill-month")).hasText("2020年3月");
        assertThat(page.locator("#bill-size")).hasText("小型企业");
        assertThat(page.locator("#bill-status")).hasText("已核定，待缴费");
        assertThat(page.locator("#relief")).containsText("阶段性免征单位缴费部分");
        assertThat(page.locator("#relief-source")).containsText("人社部发〔2020〕11号");
        assertThat(page.locator("#bill-lines .relief-source").first()).hasText("人社部发〔2020〕11号、人社部发〔2020〕49号");
        // 黄雅琴 declared 2000.00, below the floor 2889.00: raised, and said so
        assertThat(page.locator("#bill-lines")).containsText("低于下限，按下限核定");
        // personal shares: 林晓东 5000.00 × 8.5% = 425.00; 黄雅琴 2889.00 × 8% = 231.12 + × 0.5% = 14.45 → 670.57
        assertThat(page.locator("#total-due")).hasText("670.57");
        String text = page.locator("main").innerText();
        for (String code : List.of("employer.fz", "OPEN", "EXEMPT", "SMALL", "MONTHLY", "PENSION", "true",
                "false", "null", b.idNumber())) {
            assertThat(text).as("the bill shows no code, login or full ID number: %s", code).doesNotContain(code);
        }
        screenshot("bill-small-enterprise-2020-03");
        // printed: the bill alone, without the menu, the footer or the buttons
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("nav.navbar")).isHidden();
        assertThat(page.locator("#print")).isHidden();
        assertThat(page.locator("footer")).isHidden();
        assertThat(page.locator("#bill-summary")).isVisible();
        screenshot("bill-printed");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // the same bill in English, and on the staff side (the employer's page, for a clerk of the region)
        page.navigate(url("/portal/bills/2020-03?lang=en"));
        assertThat(page.locator("#relief")).containsText("Employer contributions exempt");
        assertThat(page.locator("#bill-status")).hasText("Assessed, to be paid");
        context.clearCookies();
        login("fz.clerk");
        page.navigate(url("/registry/employers/" + employerId));
        page.click("#declarations-link");
        assertThat(page.locator("#bills")).containsText("670.57");
        page.click("#bills a");
        assertThat(page.locator("#total-due")).hasText("670.57");
        assertThat(page.locator("#bill-lines")).containsText("林晓东");
    }
}
