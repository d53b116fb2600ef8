package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.FujianEmergency;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@ShebaoIntegrationTest
@DisplayName("Browser journey: a flexible worker pays 2020 after the lifted date and sees an unbroken record (N-5b, N-5c, FJ-5b, FJ-5c)")
class PersonPaymentJourneyIT extends BrowserJourney {
    @Autowired
    FujianEmergency fujian;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("FJ-5b / FJ-5c: with Fujian's emergency lifted a month ago (lifted + 3 months still to come), citizen.fz2 "
            + "pays every unpaid month of 2020 at once in the portal; each month counts in its own month, no late fee, flagged "
            + "with its clauses, and the record says it is unbroken; paying again is refused with the reason")
    void flexibleWorkerPays2020() {
        LocalDate lifted = LocalDate.now(clock).minusMonths(1);
        fujian.lift(lifted);
        login("citizen.fz2");
        page.navigate(url("/portal/contributions"));
        assertThat(page.locator("#payment-form")).containsText("灵活就业人员缴费");
        page.selectOption("#mode", "LUMP_SUM");
        page.fill("#year", "2020");
        page.fill("#base", "4000");
        page.click("#pay");
        assertThat(page.locator(".alert-success")).containsText("缴费成功");
        assertThat(page.locator("#continuity")).hasText("缴费记录连续，无中断。");
        // every month of 2020 not in the person's history (another test may have loaded a few months of it)
        assertThat(page.locator("#paid-months .paid-month").first()).containsText("2020-");
        assertThat(page.locator("#paid-months .paid-month").first()).containsText("按所属月份计入");
        assertThat(page.locator("#paid-months")).not().containsText("补缴（记录中断）");
        assertThat(page.locator("#paid-months .paid-month .reason").first()).containsText("于疫情解除后三个月内");
        assertThat(page.locator("#paid-months .paid-month .reason").first()).containsText("免收滞纳金");
        assertThat(page.locator("#paid-months .paid-month .flag").first()).containsText("FJ-5b");
        assertThat(page.locator("#rights-record")).containsText("2020");
        assertThat(page.locator("#total-months")).containsText("12");
        String text = page.locator("main").innerText();
        org.assertj.core.api.Assertions.assertThat(text).doesNotContain("LUMP_SUM", "MEASURE", "PERSON", "citizen.fz2");
        screenshot("person-payment-unbroken");

        page.fill("#base", "4000");
        page.click("#pay");
        assertThat(page.locator("#form-errors")).containsText("2020 年度没有未缴费的月份");
    }
}
