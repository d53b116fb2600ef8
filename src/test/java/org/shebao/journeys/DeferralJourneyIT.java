package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shebao.contribution.DeferralFixtures;

@ShebaoIntegrationTest
@DisplayName("Browser journey: N-5b / FJ-5b deferral registered by a clerk on the person's rights record")
class DeferralJourneyIT extends BrowserJourney {
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("FJ-5b: fz.clerk opens a flexible worker's rights record, registers the 2020 deferral, sees it "
            + "flagged with its clauses and its deadline pending (待定); the button is gone")
    void clerkRegistersDeferral() {
        long person = DeferralFixtures.eligibleFlexibleWorker(jdbc, "350100");
        login("fz.clerk");
        page.navigate(url("/registry/persons/" + person + "/contributions"));
        assertThat(page.locator("#deferral-form")).containsText("2020");
        page.click("#defer");
        assertThat(page.locator(".alert-success")).containsText("已登记延期补缴");
        assertThat(page.locator("#deferrals")).containsText("2020");
        assertThat(page.locator("#deferrals .clause").first()).hasText("N-5b");
        assertThat(page.locator("#deferrals")).containsText("FJ-5b");
        assertThat(page.locator("#deferrals .deadline")).containsText("待定");
        assertThat(page.locator("#deferral-form")).hasCount(0);
        screenshot("deferral-registered");
    }
}
