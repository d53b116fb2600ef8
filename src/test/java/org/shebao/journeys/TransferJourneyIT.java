package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.Pdfsig;
import org.shebao.common.Money;
import org.shebao.contribution.Contributions;
import org.shebao.registry.Persons;
import org.shebao.transfer.TransferPersons;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * citizen.ty (王建国, Taiyuan, a man born in 1962, household registration in Taiyuan) moves to Fuzhou and applies
 * there. At his age (第五条（二）: a man of 50 or more, not back at his household registration) the rule keeps his
 * record in Taiyuan and opens a temporary account in Fuzhou: no money moves, which is what the journey shows. His
 * record is not moved, so the other tests that use citizen.ty in Taiyuan are not affected. A second journey moves a
 * younger person's record from Xinzhou to Fuzhou and shows the receiving agency opening it (issue 16 item 3).
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
        // the temporary account opened at Fuzhou, in words with its clause; collecting it now is refused (第六条)
        assertThat(page.locator("#temporary-account")).containsText("临时基本养老保险缴费账户");
        assertThat(page.locator("#temporary-account .temp-status")).hasText("已建立，尚未归集");
        assertThat(page.locator("#temporary-account .condition")).containsText("尚不能在本地归集");
        page.click("#temporary-account button.collect");
        assertThat(page.locator("#form-errors")).containsText("尚不符合归集条件");
        assertThat(page.locator("#temporary-account .temp-status")).hasText("已建立，尚未归集");
        screenshot("transfer-3b-temporary-account");

        loginAt("citizen.ty", "/portal/transfer");
        assertThat(page.locator(".transfer .status").first()).containsText("已办结");
        assertThat(page.locator(".transfer .temporary").first()).containsText("临时基本养老保险缴费账户");
        assertThat(page.locator(".transfer .history").first()).containsText("接收办结");
        assertThat(page.locator("#temporary-accounts-list")).containsText("临时基本养老保险缴费账户");
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

    @Autowired
    ApiClient api;
    @Autowired
    TestUsers staff;
    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;

    @Test
    @DisplayName("第八条第（四）项: Fuzhou's reviewer accepts a record from Xinzhou and opens the person: the rights record "
            + "shows both places, 72 months counted once, 54 from the transfer; Xinzhou's clerk reads only its own part")
    void receivingAgencyOpensTheRecord() throws Exception {
        TransferPersons.Someone s = TransferPersons.register(persons, staff.get("xz.clerk"), "140900", "140902",
                java.time.LocalDate.of(1988, 4, 1), false, "转入旅程丙");
        java.util.List<Contributions.YearRow> rows = new java.util.ArrayList<>();
        for (int y = 2010; y <= 2014; y++) {
            rows.add(new Contributions.YearRow(s.id(), y, "140900", null, 12, Money.yuan("3000.00"), Money.yuan("2880.00")));
        }
        rows.add(new Contributions.YearRow(s.id(), 2014, "350100", null, 6, Money.yuan("4000.00"), Money.yuan("1920.00")));
        rows.add(new Contributions.YearRow(s.id(), 2015, "350100", null, 12, Money.yuan("4000.00"), Money.yuan("3840.00")));
        contributions.copyYears(out -> rows.forEach(out));
        long id = api.post("fz.clerk", "/api/v1/transfers", java.util.Map.of("toRegion", "350100", "idNumber", s.idNumber()))
                .body().path("view").path("transfer").path("id").asLong();
        assertThat(api.post("fz.clerk", "/api/v1/transfers/" + id + "/letter", "{}").status()).isEqualTo(200);
        assertThat(api.post("xz.reviewer", "/api/v1/transfers/" + id + "/funds", "{}").status()).isEqualTo(200);

        loginAt("fz.reviewer", "/pension/transfers/" + id);
        page.click("#accept");
        assertThat(page.locator(".alert-success")).containsText("转移已办结");
        page.navigate(url("/registry/persons/" + s.id()));
        assertThat(page.locator("#record-holder")).containsText("福州市");
        assertThat(page.locator("#history")).containsText("关系转入");
        page.click("main a[href$='/contributions']");
        assertThat(page.locator("#total-months")).containsText("72");
        assertThat(page.locator("#months-from-transfer")).containsText("54");
        assertThat(page.locator("#rights-record")).containsText("忻州市");
        assertThat(page.locator("#rights-record")).containsText("福州市");
        assertThat(page.locator("#record-holdings")).containsText("忻州市");
        assertThat(page.locator("#detail-pdf")).isVisible();
        screenshot("transfer-5-receiving-record");

        loginAt("xz.clerk", "/registry/persons/" + s.id() + "/contributions");
        assertThat(page.locator("#record-held-elsewhere")).containsText("福州市");
        assertThat(page.locator("#total-months")).containsText("60");
        assertThat(page.locator("#detail-pdf")).hasCount(0);
        screenshot("transfer-6-sending-reads");
    }
}
