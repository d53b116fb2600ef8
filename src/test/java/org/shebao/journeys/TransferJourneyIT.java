package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.casework.Pdfsig;

/**
 * citizen.ty (王建国, Taiyuan, a man born in 1962, household registration in Taiyuan) moves to Fuzhou and applies
 * there. At his age (第五条（二）: a man of 50 or more, not back at his household registration) the rule keeps his
 * record in Taiyuan and opens a temporary account in Fuzhou: no money moves, which is what the journey shows. His
 * record is not moved, so the other tests that use citizen.ty in Taiyuan are not affected.
 */
@ShebaoIntegrationTest
@DisplayName("Browser journey: a pension transfer online, Taiyuan → Fuzhou (国办发〔2009〕66号, N-3b, issue 16 item 5)")
class TransferJourneyIT extends BrowserJourney {

    @Test
    @DisplayName("N-3b: citizen.ty applies online to Fuzhou; Fuzhou's clerk sends the contact letter; Taiyuan's reviewer "
            + "computes it (temporary account, 第五条（二）) and issues the sealed certificate; Fuzhou's reviewer "
            + "completes it; the citizen downloads the 参保缴费凭证 (pdfsig: valid) and was told at each step")
    void transferOnline() throws Exception {
        login("citizen.ty");
        page.click("a.nav-link[href$='/portal/transfer']");
        page.selectOption("#toRegion", "350100");
        page.click("#apply-transfer");
        assertThat(page.locator(".alert-success")).containsText("转移申请已提交");
        assertThat(page.locator(".transfer .status").first()).containsText("待转入地发联系函");
        assertThat(page.locator(".transfer .route").first()).containsText("太原市");
        assertThat(page.locator(".transfer .route").first()).containsText("福州市");
        screenshot("transfer-1-citizen-applied");

        loginAt("fz.clerk", "/pension/transfers");
        page.locator("#transfers .transfer-row", new com.microsoft.playwright.Page.LocatorOptions().setHasText("王建国"))
                .first().locator("a").click();
        String staffUrl = page.url();
        page.click("#send-letter");
        assertThat(page.locator(".alert-success")).containsText("联系函已发出");
        assertThat(page.locator(".documents")).containsText("基本养老保险关系转移接续联系函");

        loginAt("ty.reviewer", staffUrl);
        assertThat(page.locator("#outcome")).containsText("临时基本养老保险缴费账户");
        screenshot("transfer-2-sending-agency");
        page.click("#send-funds");
        assertThat(page.locator(".alert-success")).containsText("参保缴费凭证和信息表已出具");
        assertThat(page.locator(".documents")).containsText("基本养老保险参保缴费凭证");
        assertThat(page.locator(".documents")).containsText("基本养老保险关系转移接续信息表");

        loginAt("fz.reviewer", staffUrl);
        page.click("#accept");
        assertThat(page.locator(".alert-success")).containsText("转移已办结");
        assertThat(page.locator(".status")).containsText("已办结");
        screenshot("transfer-3-receiving-completed");

        loginAt("citizen.ty", "/portal/transfer");
        assertThat(page.locator(".transfer .status").first()).containsText("已办结");
        assertThat(page.locator(".transfer .temporary").first()).containsText("临时基本养老保险缴费账户");
        assertThat(page.locator(".transfer .history").first()).containsText("接收办结");
        screenshot("transfer-4-citizen-completed");
        Download download = page.waitForDownload(() ->
                page.locator(".transfer").first().locator(".document[data-kind=TRANSFER_CERTIFICATE] a.pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        Files.createDirectories(Path.of("target/journeys"));
        Files.write(Path.of("target/journeys/transfer-certificate.pdf"), pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        if (Pdfsig.installed()) {
            assertThat(Pdfsig.report(pdf)).contains("Signature is Valid").contains("Total document signed");
        }
        // told at each step: the in-app messages
        page.navigate(url("/portal/messages"));
        assertThat(page.locator("main")).containsText("养老保险转移");
    }
}
