package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.policy.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Browser journey: hall appointments (SX-5) and a fever at the door (N-2, FJ-2)")
class HallJourneyIT extends BrowserJourney {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("citizen.fz books the last place of a slot and gets the confirmation with its QR code; citizen.fz2 "
            + "is refused with the nearest free slots and books one of them; fz.hall records a 37.5 °C walk-in, who is "
            + "not admitted, and sees the incident with the health authority's contact")
    void lastPlaceRefusedAndFever() {
        LocalDate day = deadlines.plusWorkingDays(LocalDate.now(clock), 4);
        jdbc.sql("""
                        INSERT INTO hall_slot (hall_id, region_code, day, starts_at, capacity, taken)
                        VALUES (1, '350100', :d, '11:00', 20, 19)
                        ON CONFLICT (hall_id, day, starts_at, region_code) DO UPDATE SET capacity = 20, taken = 19""")
                .param("d", day).update();
        jdbc.sql("""
                        UPDATE hall_booking SET status = 'CANCELLED' WHERE status = 'BOOKED' AND person_id IN
                          (SELECT person_id FROM identity_user WHERE username IN ('citizen.fz', 'citizen.fz2'))""").update();

        login("citizen.fz");
        page.navigate(url("/portal/hall"));
        page.fill("#day", day.toString());
        page.selectOption("#time", "11:00");
        page.selectOption("#service", "CERTIFICATE_REQUEST");
        page.click("#book");
        assertThat(page.locator(".alert-success")).containsText("预约成功");
        assertThat(page.locator("#booking-code")).hasText(java.util.regex.Pattern.compile("^[A-Z0-9]{8}$"));
        assertThat(page.locator("#qr")).isVisible();
        assertThat(page.locator("#confirmation")).containsText("参保缴费证明开具");
        assertThat(page.locator("#confirmation")).containsText(day + " 11:00–12:00");
        screenshot("hall-booking-confirmation");

        context.clearCookies();
        login("citizen.fz2");
        page.navigate(url("/portal/hall"));
        page.fill("#day", day.toString());
        page.selectOption("#time", "11:00");
        page.selectOption("#service", "CERTIFICATE_REQUEST");
        page.click("#book");
        assertThat(page.locator("#form-errors")).containsText("该时段已约满");
        assertThat(page.locator("#alternatives .alternative")).hasCount(3);
        assertThat(page.locator("#alternatives .alternative").first()).containsText(day + " 10:00");
        screenshot("hall-slot-full-alternatives");
        assertNoCodes(page.locator("main").innerText());
        page.locator("#alternatives .alternative").first().click();
        assertThat(page.locator(".alert-success")).containsText("预约成功");
        assertThat(page.locator("#confirmation")).containsText(day + " 10:00–11:00");

        context.clearCookies();
        login("fz.hall");
        page.navigate(url("/hall"));
        page.fill("#visitorName-walkin", "王大伟");
        page.fill("#temperature-walkin", "37.5");
        page.selectOption("#service-walkin", "ENROLLMENT");
        page.click("#walk-in");
        assertThat(page.locator("#fever-result")).containsText("王大伟");
        assertThat(page.locator("#fever-result")).containsText("37.5");
        assertThat(page.locator("#incidents")).containsText("王大伟");
        assertThat(page.locator("#incidents")).containsText("福州市疾病预防控制中心");
        assertThat(page.locator("#count-fevers")).not().hasText("0");
        screenshot("hall-manager-fever");
        assertNoCodes(page.locator("body").innerText());

        page.fill("#temperature-walkin", "45");
        page.fill("#visitorName-walkin", "李四");
        page.click("#walk-in");
        assertThat(page.locator("#walkin-form #form-errors")).containsText("体温");
        assertThat(page.locator("#walkin-form #form-errors")).containsText("不合理");
    }

    /** No raw enum codes, region codes, login names or booleans on screen. */
    static void assertNoCodes(String text) {
        assertThat(text).doesNotContain("350100", "fz.hall", "citizen.fz", "true", "false", "BOOKED", "CHECKED_IN",
                "NOT_ADMITTED", "FEVER", "CERTIFICATE_REQUEST", "ENROLLMENT", "WALK_IN");
    }
}
