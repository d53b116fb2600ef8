package org.shebao.journeys;

import org.springframework.beans.factory.annotation.Autowired;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.policy.Emergency;

@ShebaoIntegrationTest
@DisplayName("Browser journeys: no-face-to-face service (N-1a, N-3, SX-3, FJ-3, N-4)")
class CaseworkJourneyIT extends BrowserJourney {
    @Autowired
    ApiClient api;
    /** The first day of this month: an enrollment from it is not a backdated one (FJ-5a). */
    private static final String THIS_MONTH = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).atDay(1).toString();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

    private Emergency fujian() {
        return emergencies.all().stream().filter(e -> e.region().value().equals("350000")).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("(a) a citizen enrolls online with one document missing, signs the commitment, sees the case accepted "
            + "with a pending deadline; the administrator enters the lifted date; the citizen's page shows the date")
    void citizenCommitsAndDeadlineTurnsConcrete() {
        login("citizen.fz2");
        page.click("text=我的办件");
        page.click("a[data-type=ENROLLMENT]");
        assertThat(page.locator("#commitment-hint")).containsText("FJ-3");
        page.selectOption("#f-category", "FLEXIBLE");
        page.selectOption("#f-insuranceType", "ENTERPRISE_PENSION");
        page.fill("#f-firstInsuredOn", THIS_MONTH);
        page.setInputFiles("#file-ID_CARD", new FilePayload("身份证.jpg", "image/jpeg", JPEG));
        page.check("#commit-HOUSEHOLD_REGISTER");
        page.fill("#signature", "林小燕");
        page.click("#submit-case");
        assertThat(page.locator(".alert-success")).containsText("申请已提交");
        String reference = page.locator("#reference").innerText();
        assertThat(page.locator("#status")).hasText("已提交，待受理");
        assertThat(page.locator("#summary .flag[data-flag=COMMITMENT_RULE]")).containsText("FJ-3");
        assertThat(page.locator("#commitments tr[data-item=HOUSEHOLD_REGISTER] .deadline")).containsText("待定");
        String caseUrl = page.url();

        // a clerk accepts it: the commitment lets the case proceed
        BrowserJourneyClerk.accept(this, "fz.clerk", reference, "citizen.fz2");

        page.navigate(caseUrl);
        assertThat(page.locator("#status")).hasText("已受理，待初审");
        assertThat(page.locator("#commitments tr[data-item=HOUSEHOLD_REGISTER] .deadline")).containsText("待定");

        // the administrator enters the lifted date on the policy screen
        context.clearCookies();
        login("fj.admin");
        page.navigate(url("/admin/policy/emergencies/" + fujian().id()));
        page.fill("#liftedOn", "2026-06-30");
        page.click("#save-dates");
        assertThat(page.locator("#entered-result")).containsText("个待办事项获得确定期限");

        context.clearCookies();
        login("citizen.fz2");
        page.navigate(caseUrl);
        // 2026-06-30 + 3 months = 2026-09-30 (a Wednesday, a working day)
        assertThat(page.locator("#commitments tr[data-item=HOUSEHOLD_REGISTER] .deadline")).hasText("2026-09-30");
        page.click("text=消息");
        // the message is queued after the dates' commit (two modules' listeners): look again for a few seconds
        for (int i = 0; i < 50 && !page.locator("#messages").textContent().contains("请于 2026-09-30 前补交"); i++) {
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(page.locator("#messages")).containsText("请于 2026-09-30 前补交");
    }

    @Test
    @DisplayName("(b) a clerk takes the green-channel case from the top of the queue and pre-reviews it; the clerk "
            + "cannot approve; the reviewer is told the benefit decision waits for the work-injury module and is not "
            + "offered an approval with no effect")
    void greenChannelFirst() {
        List<ApiClient.FilePart> files = List.of(
                new ApiClient.FilePart("INJURY_RECOGNITION", "decision.pdf", "application/pdf", PDF),
                new ApiClient.FilePart("MEDICAL_RECORDS", "records.jpg", "image/jpeg", JPEG));
        api.multipart("citizen.fz", "/api/v1/cases", Map.of("type", "WORK_INJURY_BENEFIT", "form", Map.of(
                "injuryDate", "2026-02-01", "description", "搬运时扭伤", "infectedAtWork", "false",
                "bankAccount", "6222021001001234567")), files, Map.of());
        String green = api.multipart("citizen.fz", "/api/v1/cases", Map.of("type", "WORK_INJURY_BENEFIT", "form", Map.of(
                "injuryDate", "2026-02-02", "description", "发热门诊接诊时感染", "medicalWorker", "true",
                "infectedAtWork", "true", "bankAccount", "6222021001001234567")), files, Map.of()).body()
                .path("reference").asString();

        login("fz.clerk");
        menu("casework", "待办队列");
        Locator top = page.locator("#queue tbody tr").first();
        assertThat(top).containsText(green);
        assertThat(top.locator(".flag[data-flag=GREEN_CHANNEL]")).containsText("N-4");
        assertThat(top.locator(".flag[data-flag=GREEN_CHANNEL]")).containsText("FJ-4");
        top.locator("a").first().click();
        assertThat(page.locator("#green-banner")).hasText("绿色通道");
        page.click("#accept");
        assertThat(page.locator("#status")).hasText("已受理，待初审");
        page.click("#pre-review");
        assertThat(page.locator("#status")).hasText("已初审，待审核");
        assertThat(page.locator("#approve")).hasCount(0);
        String version = page.locator("#case").getAttribute("data-version");
        APIResponse refused = page.request().post(page.url() + "/approve", RequestOptions.create()
                .setForm(FormData.create().set("version", version)
                        .set("_csrf", page.locator("meta[name=_csrf]").getAttribute("content"))));
        assertThat(refused.status()).isEqualTo(403);
        String caseUrl = page.url();

        context.clearCookies();
        login("fz.reviewer");
        page.navigate(caseUrl);
        assertThat(page.locator("#green-banner")).hasText("绿色通道");
        screenshot("green-channel-reviewer");
        // the benefit rests on a recognized injury of that day: without one, approval is refused and changes nothing
        page.click("#approve");
        assertThat(page.locator("main")).containsText("没有已认定为工伤的事故伤害");
        page.navigate(caseUrl);
        assertThat(page.locator("#status")).hasText("已初审，待审核");
        // people read names: who acted by name, the channel and the form's answers in words, no login or code
        assertThat(page.locator("#history")).containsText("福州受理 林小燕");
        assertThat(page.locator("#history")).containsText("手机APP");
        assertThat(page.locator("#history")).not().containsText("fz.clerk");
        assertThat(page.locator("#history")).not().containsText("MOBILE_API");
        assertThat(page.locator("main")).not().containsText("true");
        assertThat(page.locator("main")).containsText("是");
    }
}
