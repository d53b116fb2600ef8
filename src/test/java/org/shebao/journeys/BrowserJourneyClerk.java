package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import com.microsoft.playwright.Page;

/** Steps a clerk takes inside another user's journey. */
final class BrowserJourneyClerk {
    private BrowserJourneyClerk() {
    }

    /** The clerk finds the case in the queue by its reference and accepts it; then {@code backAs} logs in again. */
    static void accept(BrowserJourney j, String clerk, String reference, String backAs) {
        j.context.clearCookies();
        j.login(clerk);
        j.page.navigate(j.url("/casework/queue"));
        j.page.locator("#queue a", new Page.LocatorOptions().setHasText(reference)).click();
        j.page.click("#accept");
        assertThat(j.page.locator("#status")).hasText("已受理，待初审");
        j.context.clearCookies();
        j.login(backAs);
    }
}
