package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.policy.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Browser journey: the hall's ledgers, hygiene checks and supplies (N-2, FJ-2) and staff health (SX-5)")
class HallLedgerJourneyIT extends BrowserJourney {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("fz.finance self-reports 37.6 °C and is flagged; fz.hall sees the flag on the manager's page, in the "
            + "staff health ledger and in the in-app messages; on a working day records a hygiene check with who and "
            + "when, issues masks down below the minimum (warned), and an issue larger than the stock is refused")
    void selfReportFlagAndLedgers() {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("DELETE FROM hall_staff_health WHERE staff_user = 'fz.finance'").update();
        jdbc.sql("DELETE FROM hall_hygiene_check WHERE hall_id = 1 AND day = :d").param("d", today).update();
        jdbc.sql("UPDATE hall_supply_stock SET stock = 500 WHERE hall_id = 1 AND item = 'MASKS'").update();

        login("fz.finance");
        page.click("nav a[href='/staff-health']");
        page.fill("#temperature", "37.6");
        page.click("#report-health");
        assertThat(page.locator(".alert-success")).containsText("今日健康报告已提交");
        assertThat(page.locator("#my-reports tbody tr").first()).containsText("37.6");
        assertThat(page.locator("#my-reports tbody tr").first()).containsText("发热，已标记");
        screenshot("hall-staff-self-report");
        HallJourneyIT.assertNoCodes(page.locator("main").innerText());
        page.fill("#temperature", "45");
        page.click("#report-health");
        assertThat(page.locator("#form-errors")).containsText("体温");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM notification_outbox "
                + "WHERE recipient_user = 'fz.hall' AND body LIKE '%吴丽%'").query(Integer.class).single() > 0);
        context.clearCookies();
        login("fz.hall");
        page.navigate(url("/hall"));
        assertThat(page.locator("#health-link")).not().containsText("标记 0 人");
        page.click("#health-link");
        assertThat(page.locator("#staff-health tr.flagged").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("吴丽"))).containsText("发热，已标记");
        assertThat(page.locator("#count-flagged")).not().hasText("0");
        screenshot("hall-staff-health-ledger");
        HallJourneyIT.assertNoCodes(page.locator("body").innerText());
        page.navigate(url("/messages"));
        assertThat(page.locator("#messages")).containsText("吴丽");

        if (!deadlines.plusWorkingDays(today.minusDays(1), 1).equals(today)) {
            return; // the hall is closed today: no checks are due (HallLedgersIT checks overdue on a working day)
        }
        page.navigate(url("/hall"));
        page.click("#ledger-link");
        page.locator("#checks .record-check").first().click();
        assertThat(page.locator(".alert-success")).containsText("检查已记录");
        assertThat(page.locator("#checks tbody tr").first()).containsText("刘芳");
        page.selectOption("#item-issue", "MASKS");
        page.fill("#quantity-issue", "300");
        page.fill("#party-issue", "窗口组");
        page.click("#issue");
        assertThat(page.locator(".alert-success")).containsText("已领用");
        assertThat(page.locator("#stock tr[data-item=MASKS] .stock")).hasText("200");
        assertThat(page.locator("#stock tr[data-item=MASKS] .low")).isVisible();
        page.selectOption("#item-issue", "MASKS");
        page.fill("#quantity-issue", "9999");
        page.fill("#party-issue", "窗口组");
        page.click("#issue");
        assertThat(page.locator("#issue-form #form-errors")).containsText("数量");
        assertThat(page.locator("#issue-form #form-errors")).containsText("超过现有库存");
        assertThat(page.locator("#stock tr[data-item=MASKS] .stock")).hasText("200");
        screenshot("hall-hygiene-and-supplies");
        HallJourneyIT.assertNoCodes(page.locator("body").innerText());
        assertThat(jdbc.sql("SELECT stock FROM hall_supply_stock WHERE hall_id = 1 AND item = 'MASKS'")
                .query(Integer.class).single()).isEqualTo(200);
    }
}
