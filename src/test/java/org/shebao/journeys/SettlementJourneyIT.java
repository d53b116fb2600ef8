package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.CaseFixtures;
import org.shebao.casework.CaseIntake;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergency;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;

@ShebaoIntegrationTest
@DisplayName("Browser journey: the worklists after Fujian's emergency is lifted (N-1e, FJ-1.7, FJ-3)")
class SettlementJourneyIT extends BrowserJourney {
    @Autowired
    TestUsers staff;
    @Autowired
    CaseIntake intake;
    @Autowired
    Persons persons;

    @Test
    @DisplayName("Fujian is lifted; the province's finance reads the progress by region and kind, is told a correction "
            + "needs a note, and closes an overdue commitment (FJ-3) by a decision with its name and time")
    void financeClosesAnItem() {
        String reference = CaseFixtures.workInjuryWithCommitment(intake, persons, staff).reference();
        Emergency fujian = emergencies.all().stream().filter(x -> x.region().value().equals("350000")).findFirst()
                .orElseThrow();
        emergencies.enterDates(staff.get("fj.admin"), fujian.id(), fujian.version(),
                new DateEntry("", "2020-06-30", "疫情解除（旅程测试）", false, false));

        login("fj.finance");
        menu("audit", "疫情后清理");
        Locator row = page.locator("#items tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(reference));
        for (int i = 0; i < 100 && row.count() == 0; i++) {
            page.waitForTimeout(200); // the worklists open just after the lifted date's commit
            page.reload();
        }
        assertThat(page.locator("#progress tr[data-kind=COMMITMENT_OVERDUE]").first()).containsText("承诺补交材料逾期未交");
        assertThat(row).containsText("FJ-3");
        row.locator("select[name=decision]").selectOption("CORRECTED");
        row.locator("button").click();
        assertThat(page.locator("#form-errors")).containsText("更正或追回须填写处理说明");
        Locator again = page.locator("#items tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(reference));
        again.locator("select[name=decision]").selectOption("CORRECTED");
        again.locator("input[name=note]").fill("申请人已提交病历原件，补录电子档案");
        again.locator("button").click();
        assertThat(page.locator("#items")).not().containsText(reference);
        page.check("#all");
        page.click("#apply");
        Locator decided = page.locator("#items tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(reference));
        assertThat(decided.locator(".decision")).containsText("已更正");
        assertThat(decided.locator(".decision")).containsText("福建省财务 陈静");
        assertThat(page.locator("main")).not().containsText("COMMITMENT_OVERDUE");
        assertThat(page.locator("main")).not().containsText("fj.finance");
        screenshot("settlement-worklists");
    }
}
