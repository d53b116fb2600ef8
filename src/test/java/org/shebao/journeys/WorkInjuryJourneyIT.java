package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.time.ZoneId;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.IdNumber;
import org.shebao.workinjury.WorkInjuryFixtures;

@ShebaoIntegrationTest
@DisplayName("Browser journey: a worker follows work-injury recognition and labour-capacity appraisal in the portal")
class WorkInjuryJourneyIT extends BrowserJourney {
    @org.springframework.beans.factory.annotation.Autowired
    org.shebao.CaseSteps steps;

    /** Signs the current user out and another in, in a fresh browser context. */
    private void as(String user) {
        freshContext();
        login(user);
    }

    private void noRawCodes() {
        String text = page.locator("main").innerText();
        for (String raw : new String[] {"RECOGNIZED", "ACCEPTED", "APPLIED", "FILING", "CONCLUSION", "REAPPRAISAL",
                "PENDING", "NONE", "350200", "citizen.", ".clerk", ".injury", ".reviewer", "true", "false", "??"}) {
            Assertions.assertThat(text).as("no raw code on the page: " + raw).doesNotContain(raw);
        }
    }

    @Test
    @DisplayName("N-4 / FJ-4 / FJ-6c / 第二十条 / 第二十五条 / FJ-6b: xm.clerk registers 黄雅琴's application (phone call "
            + "before the online submission, a medical worker infected at work: green channel); the department "
            + "(fj.injury) accepts and recognizes it; the clerk applies for appraisal; the worker sees in the portal the "
            + "recognition met in time and the conclusion due; the department records the committee's grade 7 with its document; the "
            + "worker sees the conclusion and the re-appraisal window pending (待定) until the level-1 end is known")
    void workerFollowsRecognitionAndAppraisal() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String first17 = "350128" + "19750803" + "242";
        String idNumber = first17 + IdNumber.checkChar(first17);

        login("xm.clerk");
        page.navigate(url("/workinjury"));
        page.click("#new-recognition");
        page.fill("#idNumber", idNumber);
        page.selectOption("#applicant", "WORKER");
        page.fill("#injuredOn", today.minusDays(20).toString());
        page.fill("#description", "在发热门诊工作期间感染新型冠状病毒肺炎");
        page.check("#medicalWorker");
        page.check("#infectedAtWork");
        page.fill("[name='claims[0].on']", today.minusDays(12).toString());
        page.fill("[name='claims[0].note']", "12333 来电记录 XM-0312");
        page.fill("[name='claims[2].on']", today.minusDays(10).toString());
        page.setInputFiles("[name='claims[2].evidence']", new FilePayload("网上申请回执.pdf", "application/pdf",
                WorkInjuryFixtures.pdf("online receipt")));
        page.click("#register");
        assertThat(page.locator(".alert-success")).containsText("工伤认定申请已登记");
        assertThat(page.locator("#applied-on")).containsText(today.minusDays(12).toString());
        assertThat(page.locator("#applied-on")).containsText("FJ-6c");
        assertThat(page.locator("#green-channel")).containsText("绿色通道");
        assertThat(page.locator("#claims")).containsText("证据文件已存档");
        String caseUrl = page.url();

        as("fj.injury");
        page.navigate(caseUrl);
        page.check("#clearFacts");
        page.click("#accept");
        assertThat(page.locator(".alert-success")).containsText("已受理");
        assertThat(page.locator("[data-kind=DECISION]")).containsText("绿色通道");
        page.fill("#decisionNumber", "厦人社工伤认字〔2026〕018号");
        page.click("#decide");
        assertThat(page.locator("#recognition-status")).hasText("认定为工伤");
        assertThat(page.locator("#decision")).containsText("高志远");
        page.navigate(url("/workinjury"));
        assertThat(page.locator("#worklist")).containsText("黄雅琴");
        assertThat(page.locator("#worklist")).containsText("工伤认定：认定为工伤");
        noRawCodes();
        screenshot("work-injury-department-worklist");

        as("xm.clerk");
        page.navigate(caseUrl);
        page.click("#apply-appraisal");
        assertThat(page.locator(".alert-success")).containsText("劳动能力鉴定申请已登记");

        as("citizen.xm");
        page.navigate(url("/portal/work-injury"));
        assertThat(page.locator(".work-injury .recognition-status")).hasText("认定为工伤");
        assertThat(page.locator(".work-injury [data-kind=FILING]")).containsText("按期完成");
        assertThat(page.locator(".work-injury [data-kind=DECISION]")).containsText("按期完成");
        assertThat(page.locator(".work-injury [data-kind=CONCLUSION]")).containsText("未到期");
        assertThat(page.locator(".work-injury [data-kind=CONCLUSION]")).containsText("第二十五条");
        noRawCodes();
        screenshot("work-injury-portal-appraisal-open");

        as("fj.injury"); // the appraisal committee's conclusion, recorded by the department (xm.reviewer is locked by WebSecurityIT)
        page.navigate(caseUrl);
        page.selectOption("#grade", "7");
        page.setInputFiles("[name=document]", new FilePayload("鉴定结论书.pdf", "application/pdf",
                WorkInjuryFixtures.pdf("conclusion grade 7")));
        page.click(".conclude-form button[type=submit]");
        assertThat(page.locator(".alert-success")).containsText("鉴定结论已录入");
        assertThat(page.locator(".appraisal")).containsText("七级伤残");
        screenshot("work-injury-case-concluded");

        as("citizen.xm");
        page.navigate(url("/portal/work-injury"));
        assertThat(page.locator(".work-injury .appraisal-result")).containsText("七级伤残");
        assertThat(page.locator(".work-injury [data-kind=CONCLUSION]")).containsText("按期完成");
        assertThat(page.locator(".work-injury [data-kind=REAPPRAISAL]")).containsText("待定");
        assertThat(page.locator(".work-injury [data-kind=REAPPRAISAL]")).containsText("一级响应紧急措施结束之日起15日内");
        assertThat(page.locator(".work-injury [data-kind=REAPPRAISAL] .clause")).hasText("FJ-6b");
        noRawCodes();
        screenshot("work-injury-portal");

        // issue 12, item 3: the worker applies for the benefits online; the agency approves; the page shows them
        page.navigate(url("/portal/cases/new?type=WORK_INJURY_BENEFIT"));
        page.fill("#f-injuryDate", today.minusDays(20).toString());
        page.fill("#f-description", "在发热门诊工作期间感染新型冠状病毒肺炎");
        page.fill("#f-bankAccount", "6222021001003330001");
        page.check("#f-medicalWorker");
        page.check("#f-infectedAtWork");
        page.setInputFiles("#file-INJURY_RECOGNITION", new FilePayload("认定决定书.pdf", "application/pdf",
                WorkInjuryFixtures.pdf("decision")));
        page.setInputFiles("#file-MEDICAL_RECORDS", new FilePayload("病历.pdf", "application/pdf",
                WorkInjuryFixtures.pdf("records")));
        page.click("#submit-case");
        assertThat(page.locator(".alert-success")).containsText("申请已提交");
        long caseId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        // Xiamen's one clerk accepts and pre-reviews; the province's administrator decides (xm.reviewer is locked)
        steps.accept("xm.clerk", caseId);
        steps.preReview("xm.clerk", caseId, "认定决定书、鉴定结论已核");
        steps.approve("fj.admin", caseId);

        as("fj.admin");
        page.navigate(url("/casework/cases/" + caseId));
        page.click("#details");
        assertThat(page.locator("h1")).hasText("工伤保险待遇核定");
        assertThat(page.locator("#grade")).containsText("七级伤残");
        assertThat(page.locator("#lump-sum")).containsText("13 个月");
        assertThat(page.locator("#own-wage")).containsText("第六十四条");
        assertThat(page.locator("#monthly")).hasCount(0);
        assertThat(page.locator("#schedule")).hasCount(0);
        assertThat(page.locator("#schedule-lump-sum")).containsText("一次支付");
        assertThat(page.locator("#payments")).containsText("尚未发放");
        noRawCodes();
        screenshot("work-injury-benefits");
    }
}
