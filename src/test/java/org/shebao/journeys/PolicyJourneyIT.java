package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Emergency;
import org.springframework.beans.factory.annotation.Autowired;
import org.shebao.policy.TrackedRef;

@ShebaoIntegrationTest
@DisplayName("Browser journey: an administrator enters the lifted date (N-5c, FJ-5c, N-1c, FJ-1.1, FJ-1.3)")
class PolicyJourneyIT extends BrowserJourney {
    @Autowired
    Deadlines deadlines;

    @Test
    @DisplayName("fj.admin sees Fujian's emergency pending, the measures in force with their clauses and the parameters "
            + "with their sources; a lifted date before the declaration is refused; the right one gives every open "
            + "item its deadline, and the screen says how many")
    void liftedDateTurnsPendingIntoDeadlines() {
        Emergency fujian = emergencies.all().stream().filter(e -> e.region().value().equals("350000")).findFirst()
                .orElseThrow();
        deadlines.track("test", TrackedRef.of("test", 101), "测试：承诺书补交材料", new RegionCode("350100"), LocalDate.of(2020, 3, 2),
                "LIFTED_PLUS_3_MONTHS");
        deadlines.track("test", TrackedRef.of("test", 102), "测试：补缴", new RegionCode("350200"), LocalDate.of(2020, 3, 3),
                "LIFTED_PLUS_3_MONTHS");
        int pending = deadlines.openCounts(fujian.id(), "LIFTED_PLUS_3_MONTHS")[0];
        assertThat(pending).isGreaterThanOrEqualTo(2);

        login("fj.admin");
        page.click("text=应急状态与政策参数");
        assertThat(page.locator("#jurisdictions .active")).hasText("福建省");
        Locator row = page.locator("#emergencies tbody tr").filter(new Locator.FilterOptions().setHasText("福建省新冠肺炎"));
        assertThat(row).containsText("2020-01-24");
        assertThat(row).containsText("待定");
        Locator measure = page.locator("tr[data-measure=NO_SUSPENSION_FOR_MISSED_CERTIFICATION]");
        assertThat(measure).containsText("在施");
        assertThat(measure.locator(".clause")).hasText(new String[] {"N-1c", "FJ-1.1"});
        Locator prepay = page.locator("tr[data-parameter='pension.prepayment.enterprise.monthly']");
        assertThat(prepay.locator(".value")).hasText("1800.00");
        assertThat(prepay).containsText("FJ-1.3");
        assertThat(page.locator("tr[data-parameter='wage.average.monthly']")).containsText("示例数值");

        row.locator("text=查看与录入日期").click();
        Locator lifted = page.locator("tr[data-rule=LIFTED_PLUS_3_MONTHS]");
        assertThat(lifted.locator(".due")).containsText("待定");
        assertThat(lifted.locator(".items")).hasText("期限待定 " + pending + " 件，已定期限 0 件");

        page.fill("#liftedOn", "2020-01-01");
        page.click("#save-dates");
        assertThat(page.locator("#form-errors")).containsText("疫情解除日期不能早于宣布日期 2020-01-24");
        assertThat(page.locator("#liftedOn-value")).containsText("待定");

        page.fill("#liftedOn", "2020-04-30");
        page.click("#save-dates");
        assertThat(page.locator("#entered-result")).containsText("已保存：" + pending + " 个待办事项获得确定期限");
        assertThat(page.locator("#liftedOn-value")).hasText("2020-04-30");
        assertThat(lifted.locator(".due")).containsText("2020-07-30");
        assertThat(lifted.locator(".items")).hasText("期限待定 0 件，已定期限 " + pending + " 件");
        assertThat(page.locator("#history tbody tr").last()).containsText("福建管理员");
        assertThat(page.locator("#history")).not().containsText("fj.admin");
        assertThat(page.locator("#history tbody tr").last()).containsText("疫情解除日期");
        assertThat(deadlines.tracked("test", TrackedRef.of("test", 101), "LIFTED_PLUS_3_MONTHS").orElseThrow().dueOn())
                .isEqualTo(LocalDate.of(2020, 7, 30));

        page.navigate(url("/admin/policy?region=350100&on=2020-05-01"));
        assertThat(page.locator("#jurisdictions .active")).hasText("福州市");
        assertThat(page.locator("tr[data-measure=NO_SUSPENSION_FOR_MISSED_CERTIFICATION]")).containsText("已于 2020-04-30 结束");
        assertThat(page.locator("tr[data-measure=CONTRIBUTION_DEFERRAL_2020]")).containsText("在施，至 2020-07-30");
        // the online pension transfer (N-3b) is carried out since issue 16 item 3: in force, with the rule that does it
        assertThat(page.locator("tr[data-measure=PENSION_TRANSFER_ONLINE]")).containsText("在施");
        assertThat(page.locator("tr[data-measure=PENSION_TRANSFER_ONLINE]")).not().containsText("未实施");
        assertThat(page.locator("tr[data-measure=PENSION_TRANSFER_ONLINE] .rules")).containsText("养老保险关系转移接续全程网办");
        assertThat(page.locator("tr[data-measure=PENSION_PREPAYMENT] .rules")).containsText("按预发标准按月预发");
        screenshot("policy-measures");
    }
}
