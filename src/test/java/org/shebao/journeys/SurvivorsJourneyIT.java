package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.CaseSteps;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.pension.TaiyuanSurvivors;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.identity.Role;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.StandingOrders;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@ShebaoIntegrationTest
@DisplayName("Browser journey: a recipient's death, the widow's online claim, its approval and payment (社会保险法 第十七条、第十四条)")
class SurvivorsJourneyIT extends BrowserJourney {
    private static final RegionCode TAIYUAN = TaiyuanSurvivors.TAIYUAN;
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;
    @Autowired
    StandingOrders orders;
    @Autowired
    Payroll payroll;
    @Autowired
    TestUsers staff;
    @Autowired
    CaseSteps steps;
    @Autowired
    PasswordEncoder encoder;

    private static String idNumber(LocalDate birth, int seq) {
        return TaiyuanSurvivors.idNumber(birth, seq);
    }

    private void run(YearMonth month) {
        TaiyuanSurvivors.run(payroll, staff, month);
    }

    @Test
    @DisplayName("a clerk records the death with its evidence; the widow applies online with the death certificate; the "
            + "agency decides it; June's payroll pays her once, shown on the claim's page with the amounts' sources")
    void deathClaimAndPayment() {
        String deceasedId = idNumber(LocalDate.of(1950, 2, 2), 275);
        long deceased = persons.registerPerson(staff.get("ty.clerk"), new PersonData(deceasedId, "赵长顺",
                "13900275001", "140100", "140100")).id();
        contributions.copyYears(out -> {
            for (int year = 1995; year < 2010; year++) {
                out.accept(new Contributions.YearRow(deceased, year, "140100", null, 12, Money.yuan("2000.00"),
                        Money.yuan("1920.00")));
            }
        });
        orders.registerOrder(new StandingOrders.NewOrder(deceased, TAIYUAN, Benefit.PENSION, OrderKind.REGULAR,
                Money.yuan("2100.00"), YearMonth.of(2019, 5), LocalDate.of(2030, 12, 31), "6222021027000275", "赵长顺",
                "", null));
        run(YearMonth.of(2019, 5));
        String widowId = idNumber(LocalDate.of(1952, 9, 9), 276);
        long widow = persons.registerPerson(staff.get("ty.clerk"), new PersonData(widowId, "钱秀兰", "13900276001",
                "140100", "140100")).id();
        users.create(new org.shebao.identity.Users.NewUser("citizen.widow27", encoder.encode(ApiClient.PASSWORD),
                "钱秀兰", Role.INSURED_PERSON, TAIYUAN, widow, null));

        // the clerk records the death, seen on the death certificate
        login("ty.clerk");
        page.navigate(url("/pension/awards"));
        page.click("#record-death-link");
        page.fill("#idNumber", deceasedId);
        page.fill("#diedOn", "2019-05-10");
        page.fill("#evidence", "死亡医学证明书 晋A0275");
        page.click("#record-death");
        assertThat(page.locator(".alert-success")).containsText("死亡已登记");
        assertThat(page.locator("#died-on")).hasText("2019-05-10");
        assertThat(page.locator("#no-overpaid")).isVisible();
        screenshot("survivors-death-recorded");

        // the widow applies online
        freshContext();
        login("citizen.widow27");
        page.navigate(url("/portal/cases/new?type=SURVIVORS_CLAIM"));
        assertThat(page.locator("h1")).containsText("丧葬补助金和抚恤金申领");
        page.fill("#f-deceasedIdNumber", deceasedId);
        page.selectOption("#f-relationship", "SPOUSE");
        page.fill("#f-bankAccount", "6222021027000276");
        page.setInputFiles("#file-DEATH_CERTIFICATE", new FilePayload("死亡证明.pdf", "application/pdf", PDF));
        page.click("#submit-case");
        assertThat(page.locator(".alert-success")).containsText("申请已提交");
        String caseUrl = page.url();
        long caseId = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        screenshot("survivors-claim-submitted");

        // the agency: accepted, pre-reviewed, approved by three people; the reviewer's page before and after the payroll
        steps.decide(caseId, "ty.clerk", "ty.clerk2", "死亡证明、关系证明已核", "ty.reviewer");
        freshContext();
        login("ty.reviewer");
        page.navigate(url("/pension/survivors/" + caseId));
        assertThat(page.locator("#decision")).containsText("社会保险法 第十七条");
        // grant 3,000.00 + 9 × 2,100.00 + the account 15 × 1,920.00 (no award on record: nothing counted as drawn)
        assertThat(page.locator("#survivors-total")).hasText("50700.00");
        assertThat(page.locator("#not-paid")).containsText("2019-06");
        run(YearMonth.of(2019, 6));
        page.reload();
        assertThat(page.locator(".paid-line")).hasCount(2);
        assertThat(page.locator("#payments")).containsText("21900.00");
        assertThat(page.locator("#payments")).containsText("28800.00");
        screenshot("survivors-claim-paid");
    }
}
