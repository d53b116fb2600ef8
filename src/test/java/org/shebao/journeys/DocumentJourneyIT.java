package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.nio.file.Files;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.casework.Pdfsig;

@ShebaoIntegrationTest
@DisplayName("Browser journey: a sealed certificate, downloaded, verified and revoked (N-3c, issue 16)")
class DocumentJourneyIT extends BrowserJourney {

    private void noRawCodes() {
        String text = page.locator("main").innerText();
        for (String raw : new String[] {"CONTRIBUTION_RECORD", "CASE_RECEIPT", "CERTIFICATE_REQUEST",
                "CONTRIBUTION_DETAIL", "140100",
                "citizen.", ".clerk", ".reviewer", "true", "false", "??"}) {
            Assertions.assertThat(text).as("no raw code on the page: " + raw).doesNotContain(raw);
        }
    }

    /** Clicks the link, keeps the file under target/journeys: a PDF, sealed (pdfsig: valid, where installed). */
    private Download sealedDownload(String link, String file) throws Exception {
        Download download = page.waitForDownload(() -> page.click(link));
        byte[] pdf = Files.readAllBytes(download.path());
        Files.createDirectories(java.nio.file.Path.of("target/journeys"));
        Files.write(java.nio.file.Path.of("target/journeys/" + file), pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        if (Pdfsig.installed()) {
            assertThat(Pdfsig.report(pdf)).contains("Signature is Valid").contains("Total document signed");
        }
        return download;
    }

    @Test
    @DisplayName("N-3c: citizen.ty asks for a 参保缴费证明 online; Taiyuan's clerk and reviewer approve it; the citizen "
            + "downloads the sealed PDF (pdfsig: valid) and its receipt; the QR's page shows it masked; the reviewer "
            + "revokes it with a reason, which the verification page then shows")
    void sealedCertificate() throws Exception {
        login("citizen.ty");
        page.click("text=我的办件");
        page.click("a[data-type=CERTIFICATE_REQUEST]");
        page.fill("#f-purpose", "办理住房贷款");
        page.click("#submit-case");
        assertThat(page.locator(".alert-success")).containsText("申请已提交");
        String reference = page.locator("#reference").innerText();
        String caseUrl = page.url();

        BrowserJourneyClerk.accept(this, "ty.clerk", reference, "ty.clerk");
        page.navigate(url("/casework/queue"));
        page.locator("#queue a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(reference)).click();
        page.click("#pre-review");
        String staffUrl = page.url();
        loginAt("ty.reviewer", staffUrl);
        page.click("#approve");
        assertThat(page.locator("#documents .document")).containsText("社会保险参保缴费证明");

        loginAt("citizen.ty", caseUrl);
        assertThat(page.locator("#documents .document")).containsText("社会保险参保缴费证明");
        noRawCodes();
        screenshot("document-1-citizen-case");
        sealedDownload("#documents .document a.download", "document-certificate.pdf");
        Download receipt = page.waitForDownload(() -> page.click("#receipt"));
        assertThat(new String(Files.readAllBytes(receipt.path()), 0, 5)).isEqualTo("%PDF-");

        String code = page.locator("#documents .document").first().getAttribute("data-code");
        context.clearCookies();
        page.navigate(url("/verify/" + code));
        assertThat(page.locator("#seal")).containsText("电子印章有效");
        assertThat(page.locator("#holder")).hasText("王**");
        noRawCodes();
        screenshot("document-2-verify");

        loginAt("ty.reviewer", staffUrl);
        page.locator("#documents .document[data-code=" + code + "] input[name=reason]").fill("用途填写有误");
        page.click("#documents .document[data-code=" + code + "] button.revoke");
        assertThat(page.locator(".alert-success")).containsText("文件已撤销");
        assertThat(page.locator("#documents .document[data-code=" + code + "]")).containsText("已撤销");
        screenshot("document-3-revoked-staff");
        context.clearCookies();
        page.navigate(url("/verify/" + code));
        assertThat(page.locator("#revoked")).containsText("用途填写有误");
        noRawCodes();
        screenshot("document-4-verify-revoked");
        page.navigate(url("/verify/CERT-NOSUCHCODE"));
        assertThat(page.locator("#unknown")).containsText("核验码不存在");
    }

    @Test
    @DisplayName("N-3c: citizen.ty opens the contribution record in the portal and downloads the sealed 缴费明细 (pdfsig: "
            + "valid); its QR page names the kind and the holder masked")
    void contributionDetail() throws Exception {
        login("citizen.ty");
        page.navigate(url("/portal/contributions"));
        assertThat(page.locator("#detail-pdf")).hasText("下载缴费明细（盖章PDF）");
        noRawCodes();
        Download download = sealedDownload("#detail-pdf", "document-contribution-detail.pdf");
        String name = download.suggestedFilename();
        String code = name.substring(0, name.indexOf(".pdf"));
        context.clearCookies();
        page.navigate(url("/verify/" + code));
        assertThat(page.locator("#kind")).hasText("社会保险个人缴费明细");
        assertThat(page.locator("#holder")).hasText("王**");
        assertThat(page.locator("#seal")).containsText("电子印章有效");
        noRawCodes();
        screenshot("document-5-verify-contribution-detail");
    }
}
