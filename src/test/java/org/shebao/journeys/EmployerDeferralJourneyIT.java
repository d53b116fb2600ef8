package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;

@ShebaoIntegrationTest
@DisplayName("Browser journey: an employer's deferral (缓缴) applied for in the portal, approved by a reviewer, seen by the employer")
class EmployerDeferralJourneyIT extends BrowserJourney {

    @Test
    @DisplayName("人社部发〔2020〕11号 第三条: employer.fz is refused 7 months (the maximum is 6, with its source), applies "
            + "for February–April 2020; fz.clerk accepts and pre-reviews it; fz.reviewer approves; employer.fz sees the "
            + "deferral ending 2020-05-15 with its back-payment deadline pending (待定)")
    void clerkApprovesEmployerDeferral() {
        login("employer.fz");
        page.click("text=缴费申报与核定");
        page.click("#apply-deferral");
        assertThat(page.locator("#deferral-hint")).containsText("最长 6 个月");
        assertThat(page.locator("#deferral-hint")).containsText("人社部发〔2020〕11号");
        page.fill("[name='f.fromMonth']", "2020-02");
        page.fill("[name='f.months']", "7");
        page.fill("[name='f.reason']", "受疫情影响停工停产，资金周转困难");
        page.click("#submit-case");
        assertThat(page.locator("#apply")).containsText("超过最长期限 6 个月");
        page.fill("[name='f.months']", "3");
        page.click("#submit-case");
        assertThat(page.locator("#status")).hasText("已提交，待受理");
        String caseId = page.url().replaceAll(".*/portal/cases/(\\d+).*", "$1");
        screenshot("employer-deferral-submitted");

        context.clearCookies();
        login("fz.clerk");
        page.navigate(url("/casework/cases/" + caseId));
        page.click("#accept");
        assertThat(page.locator("#status")).hasText("已受理，待初审");
        page.click("#pre-review");
        assertThat(page.locator("#status")).hasText("已初审，待审核");

        context.clearCookies();
        login("fz.reviewer");
        page.navigate(url("/casework/cases/" + caseId));
        page.click("#approve");
        assertThat(page.locator("#status")).hasText("审核通过，已办结");
        assertThat(page.locator("body")).containsText("缓缴起始费款所属期");
        assertThat(page.locator("body")).not().containsText("EMPLOYER_DEFERRAL");
        assertThat(page.locator("body")).not().containsText("fz.clerk");
        screenshot("employer-deferral-approved-staff");

        context.clearCookies();
        login("employer.fz");
        page.click("text=缴费申报与核定");
        // the one just approved (EmployerDeferralIT may have given employer.fz a deferral of 2021 before)
        com.microsoft.playwright.Locator row = page.locator("#deferrals .deferral").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("2020年2月"));
        assertThat(row).containsText("2020年2月 至 2020年4月（3 个月）");
        assertThat(row).containsText("2020-05-15");
        assertThat(row).containsText("待定");
        page.locator("#deferrals").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/journeys", "employer-deferral-portal-section.png")));
        screenshot("employer-deferral-portal");
        page.click("text=我的办件");
        assertThat(page.locator("#cases")).containsText("用人单位缓缴社会保险费");
        assertThat(page.locator("#cases")).containsText("审核通过，已办结");
    }
}
