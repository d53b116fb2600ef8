package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;

/**
 * Issue 17 items 3 and 7: the citizen's and the employer's service home, and the portal on a 360 px phone: a menu
 * that folds behind a button, no sideways scrolling, tap targets of at least 44 px, a skip link, the current menu
 * item marked.
 */
@ShebaoIntegrationTest
@DisplayName("Browser journey: the portal's service home, at desktop width and on a 360 px phone (issue 17 items 3, 7)")
class PhoneJourneyIT extends BrowserJourney {

    private void phone() {
        page.setViewportSize(360, 740);
    }

    /** The page fits the screen's width: nothing to scroll sideways. */
    private void fitsTheWidth(String path) {
        page.navigate(url(path));
        Object wider = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) wider).intValue()).as("sideways scroll on %s", path).isLessThanOrEqualTo(0);
    }

    /** The smallest height of the visible links and buttons inside the selector. */
    private double smallestTapTarget(String selector) {
        return ((Number) page.evaluate("s => Math.min(...[...document.querySelectorAll(s)]"
                + ".filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height))", selector))
                .doubleValue();
    }

    @Test
    @DisplayName("a citizen's service home: apply, progress, contributions, certificates, bookings, messages")
    void citizenServiceHome() {
        login("citizen.fz");
        page.navigate(url("/portal"));
        for (String tile : List.of("apply", "progress", "payments", "benefits", "certificates", "bookings", "messages")) {
            assertThat(page.locator("#service-" + tile)).isVisible();
        }
        assertThat(page.locator("#service-payments")).containsText("缴费记录");
        assertThat(page.locator("#menu a[aria-current=page]")).hasText("我的社保");
        page.click("#service-benefits");
        assertThat(page.locator("h1")).hasText("待遇领取");
        page.navigate(url("/portal"));
        screenshot("portal-citizen-home");
        page.click("#service-progress");
        assertThat(page.locator("#menu a[aria-current=page]")).hasText("我的办件");
        // item 9: the contributions record printed: the record alone, without the menu, the footer or the buttons
        page.navigate(url("/portal"));
        page.click("#service-payments");
        assertThat(page.locator("#print")).isVisible();
        page.emulateMedia(new com.microsoft.playwright.Page.EmulateMediaOptions()
                .setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator("nav.navbar")).isHidden();
        assertThat(page.locator("#print")).isHidden();
        assertThat(page.locator("footer")).isHidden();
        assertThat(page.locator("#total-months")).isVisible();
        screenshot("rights-record-printed");
    }

    @Test
    @DisplayName("on a 360 px phone a citizen opens the folded menu, taps targets of at least 44 px, never scrolls "
            + "sideways, and reaches the content with the skip link")
    void citizenOnAPhone() {
        login("citizen.fz");
        phone();
        page.navigate(url("/portal"));
        assertThat(page.locator("#menu")).isHidden();
        assertThat(page.locator("#service-apply")).isVisible();
        assertThat(smallestTapTarget(".service-tile")).isGreaterThanOrEqualTo(44);
        screenshot("phone-citizen-home");
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        assertThat(page.locator(".skip-link")).isVisible();
        page.click("#menu-toggle");
        assertThat(page.locator("#menu")).isVisible();
        assertThat(page.locator("#menu-toggle")).hasAttribute("aria-expanded", "true");
        assertThat(smallestTapTarget("#menu a, #menu button")).isGreaterThanOrEqualTo(44);
        screenshot("phone-citizen-menu");
        for (String path : List.of("/portal", "/portal/cases", "/portal/cases/new?type=ENROLLMENT", "/portal/hall",
                "/portal/contributions", "/portal/messages", "/portal/unemployment")) {
            fitsTheWidth(path);
        }
        screenshot("phone-citizen-messages");
    }

    @Test
    @DisplayName("an employer's service home, and its pages on a 360 px phone without sideways scrolling")
    void employerOnAPhone() {
        login("employer.fz");
        page.navigate(url("/portal"));
        assertThat(page.locator("#service-payments")).containsText("缴费申报与核定");
        assertThat(page.locator("#service-certificates")).hasCount(0);
        screenshot("portal-employer-home");
        phone();
        for (String path : List.of("/portal", "/portal/cases", "/portal/declarations", "/portal/hall")) {
            fitsTheWidth(path);
        }
        screenshot("phone-employer-hall");
    }

    @Test
    @DisplayName("staff menu in groups: at 1280 px the menu is one line and a group opens its list (Escape closes "
            + "it); on a 360 px phone each staff role opens the folded menu and a group, taps targets of at least "
            + "44 px and reaches its pages without sideways scrolling")
    void staffMenusInGroups() {
        login("fz.finance");
        page.setViewportSize(1280, 800);
        page.navigate(url("/payroll"));
        double navHeight = ((Number) page.evaluate("() => document.querySelector('nav.navbar').offsetHeight"))
                .doubleValue();
        assertThat(navHeight).as("the menu on one line").isLessThan(80);
        assertThat(page.locator("#group-fund")).hasClass(java.util.regex.Pattern.compile("active"));
        assertThat(page.locator("#group-fund-menu")).isHidden();
        page.click("#group-fund");
        assertThat(page.locator("#group-fund")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#group-fund-menu a[aria-current=page]")).hasText("待遇发放");
        page.click("#group-audit");
        assertThat(page.locator("#group-fund-menu")).isHidden();
        assertThat(page.locator("#group-audit-menu")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#group-audit-menu")).isHidden();
        assertThat(page.locator("#group-audit")).isFocused();
        screenshot("staff-menu-desktop");
        page.click("#group-fund");
        page.click("#group-fund-menu a[href$='/ledger']");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/ledger$"));
        record Journey(String user, String group, List<String> paths) { }
        for (Journey j : List.of(
                new Journey("fz.clerk", "casework", List.of("/casework/queue", "/registry/persons", "/collection")),
                new Journey("fz.reviewer", "benefits", List.of("/casework/queue", "/pension/awards", "/workinjury")),
                new Journey("fz.finance", "fund", List.of("/payroll", "/ledger", "/settlement")),
                new Journey("fz.auditor", "audit", List.of("/settlement", "/settlement/audit", "/ledger")),
                new Journey("fz.hall", "hall", List.of("/hall", "/staff-health", "/incidents")),
                new Journey("fj.admin", "hall", List.of("/admin/policy", "/incidents", "/casework/queue")))) {
            phone();
            loginAt(j.user(), j.paths().get(0));
            assertThat(page.locator("#menu")).isHidden();
            page.click("#menu-toggle");
            page.click("#group-" + j.group());
            assertThat(page.locator("#group-" + j.group() + "-menu")).isVisible();
            assertThat(smallestTapTarget("#menu a, #menu button")).as(j.user()).isGreaterThanOrEqualTo(44);
            screenshot("phone-staff-menu-" + j.user().replace('.', '-'));
            for (String path : j.paths()) {
                fitsTheWidth(path);
            }
            page.setViewportSize(1280, 800);
        }
    }
}
