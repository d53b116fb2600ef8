package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.IdNumber;

@ShebaoIntegrationTest
@DisplayName("Browser journey: an employer adds an employee late (FJ-5a, N-5a) and removes one (issue 11)")
class EmploymentJourneyIT extends BrowserJourney {

    @Test
    @DisplayName("FJ-5a / N-5a: employer.xm adds an employee whose employment began two months ago: refused without a "
            + "remark (named at the field, what was typed kept), accepted with one and flagged by the measures' names; "
            + "then removes the employee, who shows the end and its reason")
    void employerAddsAndRemoves() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate start = YearMonth.from(today).minusMonths(2).atDay(6);
        String first17 = "35020319920814" + String.format("%03d", (int) (System.nanoTime() % 1000));
        String idNumber = first17 + IdNumber.checkChar(first17);

        login("employer.xm");
        page.click("#hire-link");
        assertThat(page.locator("h1")).hasText("增员");
        page.fill("#idNumber", idNumber);
        page.fill("#name", "郑晓峰");
        page.fill("#phone", "13905920188");
        page.fill("#employmentStart", start.toString());
        page.fill("#firstInsuredOn", start.toString());
        page.click("#hire-submit");
        assertThat(page.locator("[role=alert]")).containsText("备注");
        assertThat(page.locator("#remark")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#name")).hasValue("郑晓峰");
        assertThat(page.locator("#employmentStart")).hasValue(start.toString());
        screenshot("employment-1-remark-required");

        page.fill("#remark", "疫情期间未能及时申报");
        page.click("#hire-submit");
        assertThat(page.locator(".alert-success")).containsText("增员已办理");
        Locator rows = page.locator("#employees tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("郑晓峰"));
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).containsText(start.toString());
        assertThat(rows.first().locator(".flag")).hasCount(2);
        assertThat(rows.first()).containsText("延期参保登记的首次参保时间向前更改");
        assertThat(rows.first()).containsText("用人单位逾期办理职工参保登记照常受理并标识");
        assertThat(rows.first()).not().containsText(idNumber);
        screenshot("employment-2-added");

        rows.first().locator(".separation-link").click();
        assertThat(page.locator("h1")).hasText("减员");
        assertThat(page.locator("#separation-enrollments tbody tr")).hasCount(3);
        page.fill("#endedOn", today.plusDays(1).toString());
        page.selectOption("#reason", "CONTRACT_ENDED");
        page.click("#separation-submit");
        assertThat(page.locator("[role=alert]")).containsText("不能晚于今天");
        page.fill("#endedOn", today.toString());
        page.click("#separation-submit");
        assertThat(page.locator(".alert-success")).containsText("减员已办理");
        Locator ended = page.locator("#employees tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("郑晓峰"));
        assertThat(ended).hasCount(3);
        assertThat(ended.first()).containsText("劳动合同期满终止");
        assertThat(ended.first()).containsText(today.toString());
        assertThat(ended.first().locator(".separation-link")).hasCount(0);
        screenshot("employment-3-removed");
        String body = page.locator("main").innerText();
        assertThat(body).doesNotContain("CONTRACT_ENDED").doesNotContain("BACKDATED").doesNotContain("employer.xm");
    }
}
