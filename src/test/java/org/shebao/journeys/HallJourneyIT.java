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
@DisplayName("Browser journeys: hall appointments (SX-5), a fever at the door (N-2, FJ-2) reported to the province (N-7, FJ-7), duty and patrols (N-7), the hygiene and supplies ledger (N-2, FJ-2) and staff health (SX-5)")
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
        feverAtTheDoor("王大伟");
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
        // what was typed stays, to be corrected
        assertThat(page.locator("#visitorName-walkin")).hasValue("李四");
        assertThat(page.locator("#temperature-walkin")).hasValue("45");
        assertThat(page.locator("#temperature")).hasValue("");
    }

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
        menu("hall", "健康报告");
        page.fill("#temperature", "37.6");
        page.click("#report-health");
        assertThat(page.locator(".alert-success")).containsText("今日健康报告已提交");
        assertThat(page.locator("#my-reports tbody tr").first()).containsText("37.6");
        assertThat(page.locator("#my-reports tbody tr").first()).containsText("发热，已标记");
        screenshot("hall-staff-self-report");
        assertNoCodes(page.locator("main").innerText());
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
        assertNoCodes(page.locator("body").innerText());
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
        issueMasks("300");
        assertThat(page.locator(".alert-success")).containsText("已领用");
        assertThat(page.locator("#stock tr[data-item=MASKS] .stock")).hasText("200");
        assertThat(page.locator("#stock tr[data-item=MASKS] .low")).isVisible();
        issueMasks("9999");
        assertThat(page.locator("#issue-form #form-errors")).containsText("数量");
        assertThat(page.locator("#issue-form #form-errors")).containsText("超过现有库存");
        assertThat(page.locator("#stock tr[data-item=MASKS] .stock")).hasText("200");
        screenshot("hall-hygiene-and-supplies");
        assertNoCodes(page.locator("body").innerText());
        assertThat(jdbc.sql("SELECT stock FROM hall_supply_stock WHERE hall_id = 1 AND item = 'MASKS'")
                .query(Integer.class).single()).isEqualTo(200);
    }

    @Test
    @DisplayName("N-7 / FJ-7: fz.hall records a 37.5 °C walk-in, opens the suspected case and acknowledges it for the "
            + "city, and sees it go to the province; Fujian's administrator (fj.admin) sees it among the open incidents "
            + "of the province's cities, acknowledges it with a note and closes it with its resolution; the history "
            + "names who and when")
    void feverIncidentGoesToTheProvince() {
        login("fz.hall");
        feverAtTheDoor("赵疑似");
        assertThat(page.locator("#fever-result")).containsText("赵疑似");
        com.microsoft.playwright.Locator row = page.locator("#incidents tr").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("赵疑似"));
        assertThat(row).containsText("疑似病例");
        assertThat(row).containsText("待市级确认");
        row.locator(".open-incident").click();
        assertThat(page.locator("#incident-state")).containsText("待市级确认");
        assertThat(page.locator("#acknowledge-form")).containsText("确认后即上报上一级");
        page.click("#acknowledge");
        assertThat(page.locator(".alert-success")).containsText("已确认");
        assertThat(page.locator("#incident-state")).containsText("已报省级，待省级确认");
        assertThat(page.locator("#history tbody tr")).hasCount(3);
        assertThat(page.locator("#history tbody tr").nth(2)).containsText("市级经办机构上报省级人社部门");
        assertThat(page.locator("#acknowledge-form")).hasCount(0);
        screenshot("hall-incident-to-province");
        assertNoCodes(page.locator("body").innerText());
        String incident = page.url().replaceAll(".*/incidents/", "");
        page.navigate(url("/hall"));
        assertThat(page.locator("#incidents tr[data-incident='" + incident + "']")).containsText("已报省级，待省级确认");

        context.clearCookies();
        login("fj.admin");
        menu("hall", "事件报告");
        com.microsoft.playwright.Locator mine = page.locator("#incidents tr[data-incident='" + incident + "']");
        assertThat(mine).containsText("福州市社会劳动保险中心服务大厅");
        assertThat(mine).containsText("赵疑似");
        assertThat(mine).containsText("已报省级，待省级确认");
        screenshot("hall-incidents-province");
        assertNoCodes(page.locator("body").innerText());
        mine.locator(".open-incident").click();
        page.fill("#note", "已通报省卫健委");
        page.click("#acknowledge");
        assertThat(page.locator(".alert-success")).containsText("已确认");
        assertThat(page.locator("#incident-state")).containsText("省级已确认");
        assertThat(page.locator("#history tbody tr").last()).containsText("省级人社部门确认");
        assertThat(page.locator("#history tbody tr").last()).containsText("福建");
        assertThat(page.locator("#history tbody tr").last()).containsText("已通报省卫健委");
        screenshot("hall-incident-province-acknowledged");
        assertNoCodes(page.locator("body").innerText());

        // the province closes it with its resolution (N-7): closed, with who and when, and the form is gone
        page.fill("#resolution", "经流调排除，解除留观");
        page.click("#close-incident");
        assertThat(page.locator(".alert-success")).containsText("已结案");
        assertThat(page.locator("#incident-state")).containsText("已结案");
        assertThat(page.locator("#incident-resolution")).containsText("经流调排除，解除留观");
        assertThat(page.locator("#history tbody tr").last()).containsText("省级人社部门结案");
        assertThat(page.locator("#close-form")).hasCount(0);
        screenshot("hall-incident-closed");
        assertNoCodes(page.locator("body").innerText());
    }

    @Test
    @DisplayName("N-7: fz.hall puts fz.reviewer on duty today (chosen from Fuzhou's staff) and a past day is refused "
            + "naming the day; fz.reviewer logs a patrol on the duty page, and fz.hall sees it on the roster")
    void dutyAndPatrol() {
        jdbc.sql("DELETE FROM hall_patrol WHERE leader_user = 'fz.reviewer'").update();
        jdbc.sql("DELETE FROM hall_duty WHERE leader_user = 'fz.reviewer'").update();
        LocalDate today = LocalDate.now(clock);
        login("fz.hall");
        page.navigate(url("/hall"));
        page.click("#duty-link");
        page.fill("#day", today.minusDays(1).toString());
        page.selectOption("#leader", "fz.reviewer");
        page.click("#assign");
        assertThat(page.locator("#duty-form #form-errors")).containsText("已过去的日期");
        page.fill("#day", today.toString());
        page.selectOption("#leader", "fz.reviewer");
        page.click("#assign");
        assertThat(page.locator(".alert-success")).containsText("带班领导已排定");
        assertThat(page.locator("#roster tr[data-day='" + today + "']")).containsText("福州审核 黄建华");
        assertNoCodes(page.locator("body").innerText());

        context.clearCookies();
        login("fz.reviewer");
        menu("hall", "带班巡查");
        page.fill("#place", "二楼自助服务区");
        page.fill("#findings", "自助终端已按时消毒，等候人员佩戴口罩");
        String time = java.time.LocalTime.now(clock).isBefore(java.time.LocalTime.of(0, 5)) ? "00:00"
                : java.time.LocalTime.now(clock).minusMinutes(2).withSecond(0).withNano(0).toString();
        page.fill("#time", time);
        page.click("#log-patrol");
        assertThat(page.locator(".alert-success")).containsText("巡查记录已保存");
        assertThat(page.locator("#my-duty")).containsText("二楼自助服务区");
        assertThat(page.locator("#my-duty .patrol")).containsText(time + " · 二楼自助服务区"); // the time as entered, local
        page.fill("#day", today.minusDays(1).toString());
        page.fill("#place", "一楼");
        page.fill("#findings", "正常");
        page.click("#log-patrol");
        assertThat(page.locator("#patrol-form #form-errors")).containsText("不是带班领导");
        assertThat(page.locator("#place")).hasValue("一楼");
        screenshot("hall-my-duty");
        assertNoCodes(page.locator("body").innerText());

        context.clearCookies();
        login("fz.hall");
        page.navigate(url("/hall/1/duty"));
        assertThat(page.locator("#roster tr[data-day='" + today + "']")).containsText("二楼自助服务区");
        screenshot("hall-duty-roster");
    }

    /** fz.hall's page: a walk-in with 37.5 °C (a fever: not admitted, an incident opened). */
    void feverAtTheDoor(String name) {
        page.navigate(url("/hall"));
        page.fill("#visitorName-walkin", name);
        page.fill("#temperature-walkin", "37.5");
        page.selectOption("#service-walkin", "ENROLLMENT");
        page.click("#walk-in");
    }

    void issueMasks(String quantity) {
        page.selectOption("#item-issue", "MASKS");
        page.fill("#quantity-issue", quantity);
        page.fill("#party-issue", "窗口组");
        page.click("#issue");
    }

    /** No raw enum codes, region codes, login names or booleans on screen. */
    static void assertNoCodes(String text) {
        assertThat(text).doesNotContain("350100", "fz.hall", "citizen.fz", "true", "false", "BOOKED", "CHECKED_IN",
                "NOT_ADMITTED", "FEVER", "CERTIFICATE_REQUEST", "ENROLLMENT", "WALK_IN", "SUSPECTED_CASE", "PROVINCE",
                "CITY", "fj.admin", "fz.reviewer", "350000");
    }
}
