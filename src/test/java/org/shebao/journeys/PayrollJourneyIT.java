package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;

@ShebaoIntegrationTest
@DisplayName("Browser journey: finance runs a month's payroll (N-1c, N-1e)")
class PayrollJourneyIT extends BrowserJourney {

    @Test
    @DisplayName("fz.finance runs April 2020 for Fuzhou with a progress bar, reads the totals by flag and exports the "
            + "register; running the month again is refused")
    void financeRunsPayroll() throws Exception {
        login("fz.finance");
        page.click("text=待遇发放");
        page.selectOption("#region", "350100");
        page.fill("#month", "2020-04");
        page.click("#start");
        assertThat(page.locator(".progress")).isVisible();
        assertThat(page.locator("#run-status")).hasText("已完成");
        assertThat(page.locator("#totals tr[data-kind=REGULAR]")).hasCount(2);
        // the demo's recipients whose certification lapsed in January 2020 are paid under N-1c / FJ-1.1
        assertThat(page.locator("#totals")).containsText("NO_SUSPENSION_FOR_MISSED_CERTIFICATION:N-1c,FJ-1.1");
        Download download = page.waitForDownload(() -> page.click("#export-register"));
        Path file = Files.createTempFile("register", ".xlsx");
        download.saveAs(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes());
            assertThat(sheet).contains("REGULAR").contains("NO_SUSPENSION_FOR_MISSED_CERTIFICATION");
        }
        page.navigate(url("/payroll"));
        page.selectOption("#region", "350100");
        page.fill("#month", "2020-04");
        page.click("#start");
        assertThat(page.locator("#form-errors")).containsText("2020-04 的待遇发放已完成，不能重复发放");
    }
}
