package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.notification.NoticeFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Browser journey: a publicity clerk sends a targeted notice (N-6, FJ-7), a recipient reads it; the public "
        + "pages and the 办事指南 before the form (issue 17 item 3)")
class NoticeJourneyIT extends BrowserJourney {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeFixtures fixtures;

    @Test
    @DisplayName("fz.publicity writes a notice to every applicant with a pending commitment (SX-3/FJ-3), sees the count "
            + "per channel, sends it; the delivery records equal the count shown; the applicant reads it in the "
            + "portal's messages; the published notice and the guide are public; the apply form links the guide and "
            + "shows the commitment letter's full text")
    void publicityClerkSendsAndRecipientReads() {
        NoticeFixtures.Citizen citizen = fixtures.citizenWithPendingCommitment("冯告知");

        login("fz.publicity");
        page.navigate(url("/publicity"));
        page.fill("#title", "请尽快补交承诺的材料");
        page.fill("#body", "您在疫情期间以承诺书办理的业务，请在疫情解除后三个月内补交所承诺的材料。");
        page.selectOption("#audience", "PENDING_COMMITMENT");
        page.check("#channels-IN_APP");
        page.check("#channels-SMS");
        page.check("#channels-LETTER");
        page.check("#published");
        page.click("#count-notice");
        assertThat(page.locator("#notice-state")).hasText("待发送");
        int members = Integer.parseInt(page.locator("#audience-count").innerText().strip());
        int shown = Integer.parseInt(page.locator("#delivery-count").innerText().strip());
        assertThat(members).isPositive();
        assertThat(page.locator("#send-notice")).containsText(shown + " 条发送记录");
        assertThat(page.locator("#reach tr[data-channel=LETTER] td").nth(1)).hasText(String.valueOf(members));
        screenshot("notice-count-before-sending");
        long id = Long.parseLong(page.url().replaceAll(".*/notices/(\\d+).*", "$1"));

        page.click("#send-notice");
        assertThat(page.locator(".alert-success")).containsText("通知已发送");
        assertThat(page.locator("#notice-state")).hasText("已发送");
        assertThat(page.locator("#delivery-count")).hasText(String.valueOf(shown));
        assertThat(page.locator("#delivery-honesty")).containsText("并未实际送达");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE notice_id = :id").param("id", id)
                .query(Integer.class).single()).as("the count on screen is the delivery records").isEqualTo(shown);
        assertThat(page.locator("#send-notice")).hasCount(0);
        screenshot("notice-sent");
        page.click("#letters");
        assertThat(page.locator("article.letter")).hasCount(members);
        assertThat(page.locator("main")).containsText("冯告知");

        context.clearCookies();
        login(citizen.username());
        page.navigate(url("/portal/messages"));
        assertThat(page.locator("#messages")).containsText("请尽快补交承诺的材料");
        screenshot("notice-in-portal-messages");
        // issue 17 item 3: the guide before the form, and the letter's full text before ticking it
        page.navigate(url("/portal/cases/new?type=ENROLLMENT"));
        assertThat(page.locator("#guide-link a")).containsText("办事指南");
        page.locator(".commitment-letter summary").first().click();
        assertThat(page.locator(".commitment-letter").first()).containsText("郑重承诺");
        assertThat(page.locator(".commitment-letter").first()).containsText("冯告知");

        context.clearCookies();
        page.navigate(url("/public/notices"));
        assertThat(page.locator("#public-notices")).containsText("请尽快补交承诺的材料");
        page.navigate(url("/public/guide/ENROLLMENT?region=350100"));
        assertThat(page.locator("#guide-title")).containsText("参保登记");
        assertThat(page.locator("#guide-materials")).containsText("居民身份证");
        assertThat(page.locator("#guide-commitment")).isVisible();
        screenshot("public-guide-enrollment");
    }
}
