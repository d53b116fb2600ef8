package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;

@ShebaoIntegrationTest
@DisplayName("Browser journeys: the role dashboards (issue 14 item 8) with their counts and the managers' ECharts charts")
class DashboardJourneyIT extends BrowserJourney {

    @Test
    @DisplayName("fz.hall opens the home page: today's counts link to the hall's day and ledger; the three charts are "
            + "drawn on canvases by ECharts from their endpoints, each with its table of names and figures; the same "
            + "in English; a clerk sees the queue's counts and no charts")
    void hallManagersHome() {
        login("fz.hall");
        page.navigate(url("/"));
        assertThat(page.locator("#count-fevers-1")).hasAttribute("href", "/hall/1");
        assertThat(page.locator("#count-checks-1")).hasAttribute("href", "/hall/1/ledger");
        assertThat(page.locator("#count-incidents")).hasAttribute("href", "/incidents");
        assertThat(page.locator("[data-chart-url][data-rendered=true]")).hasCount(3);
        assertThat(page.locator("#chart-hall-slots canvas")).hasCount(1);
        assertThat(page.locator("#chart-cases-by-channel canvas")).hasCount(1);
        assertThat(page.locator("#chart-hall-slots figcaption")).hasText("今日各时段预约与容量");
        for (String chart : new String[] {"cases-by-channel", "queue-age", "hall-slots"}) {
            Locator figure = page.locator("#chart-" + chart);
            figure.locator("summary").click();
            assertThat(figure.locator("table.chart-table")).isVisible();
        }
        assertThat(page.locator("#chart-queue-age table.chart-table thead")).containsText("待办件数");
        assertThat(page.locator("#chart-queue-age table.chart-table tbody tr").first()).containsText("0–2天");
        assertThat(page.locator("#chart-cases-by-channel table.chart-table thead")).containsText("电话");
        screenshot("dashboard-hall-manager");
        scanCurrentPage();

        page.navigate(url("/?lang=en"));
        assertThat(page.locator("[data-chart-url][data-rendered=true]")).hasCount(3);
        assertThat(page.locator("#chart-hall-slots figcaption")).hasText("Today's bookings and capacity per slot");
        page.locator("#chart-queue-age summary").click();
        assertThat(page.locator("#chart-queue-age table.chart-table thead")).containsText("Open cases");
        screenshot("dashboard-hall-manager-en");
        scanCurrentPage();

        loginAt("fz.clerk", "/");
        assertThat(page.locator("#count-queue")).hasAttribute("href", "/casework/queue");
        assertThat(page.locator("#count-overdue")).hasAttribute("href", "/casework/queue?overdue=true");
        assertThat(page.locator("#charts")).hasCount(0);
        page.locator("#count-overdue").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/casework/queue\\?overdue=true$"));
        screenshot("dashboard-clerk-overdue");
    }
}
