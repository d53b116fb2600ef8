package org.shebao.journeys;

import org.shebao.CaseSteps;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.contribution.Contributions;
import org.shebao.identity.Role;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.registry.SeparationData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@ShebaoIntegrationTest
@DisplayName("Browser journey: a citizen claims unemployment benefit online and follows it (失业保险条例 第十四条、第十七条, FJ-1.6)")
class UnemploymentJourneyIT extends BrowserJourney {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired
    Persons persons;
    @Autowired
    Contributions contributions;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    Enrollments enrollments;
    @Autowired
    TestUsers staff;
    @Autowired
    CaseSteps steps;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    CaseQueries queries;
    @Autowired
    Payroll payroll;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /**
     * 郑海峰 of Fuzhou: 7 years of contributions, employed since 2019, his contract ended in the middle of the month
     * before last (the employer's 减员); a portal account of his own.
     */
    private void unemployedCitizen(LocalDate separatedOn) {
        Person p = null;
        for (int n = 0; p == null; n++) {
            String first17 = "350104" + LocalDate.of(1978, 4, 1).plusDays(n).toString().replace("-", "") + "317";
            try {
                p = persons.registerPerson(staff.get("fz.clerk"), new PersonData(first17 + IdNumber.checkChar(first17),
                        "郑海峰", "13905910099", "350104", "350100"));
            } catch (ConflictException e) {
                // taken: the next day of birth
            }
        }
        long id = p.id();
        contributions.copyYears(out -> {
            for (int year = 2012; year < 2019; year++) {
                out.accept(new Contributions.YearRow(id, year, "350100", null, 12, Money.yuan("6000.00"),
                        Money.yuan("5760.00")));
            }
        });
        long employer = jdbc.sql("SELECT id FROM registry_employer WHERE region_code = '350100' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        bulk.copyEnrollments(out -> {
            for (InsuranceType t : List.of(InsuranceType.ENTERPRISE_PENSION, InsuranceType.UNEMPLOYMENT,
                    InsuranceType.WORK_INJURY)) {
                out.accept(new RegistryBulkLoad.EnrollmentRow(id, employer, EnrollmentCategory.EMPLOYEE, t,
                        LocalDate.of(2019, 1, 1), "350100"));
            }
        }, "fz.clerk");
        enrollments.separate(staff.get("fz.clerk"), employer, id,
                new SeparationData(separatedOn.toString(), "CONTRACT_ENDED"));
        users.create(new org.shebao.identity.Users.NewUser("citizen.unemp", encoder.encode(org.shebao.ApiClient.PASSWORD),
                "郑海峰", Role.INSURED_PERSON, new RegionCode("350100"), id, null));
    }

    @Test
    @DisplayName("the citizen claims online with the 减员 on record, a reviewer approves, the portal shows 18 months, the "
            + "next payment and, after the month's payroll, the months paid since the month after eligibility (FJ-1.6)")
    void claimAndFollow() {
        LocalDate today = LocalDate.now(clock);
        YearMonth now = YearMonth.from(today);
        LocalDate separatedOn = today.minusMonths(2).withDayOfMonth(15);
        unemployedCitizen(separatedOn);

        login("citizen.unemp");
        page.click("nav >> text=失业保险金");
        assertThat(page.locator("#no-benefit")).isVisible();
        page.click("text=申领失业保险金");
        assertThat(page.locator("h1")).containsText("失业保险金申领");
        page.fill("#f-bankAccount", "6222021001005550001");
        page.check("#f-registeredSeeking");
        page.setInputFiles("#file-ID_CARD", new FilePayload("身份证.jpg", "image/jpeg", JPEG));
        page.click("#submit-case");
        assertThat(page.locator(".alert-success")).containsText("申请已提交");
        String reference = page.locator("#reference").innerText();
        String caseUrl = page.url();
        screenshot("unemployment-claim-submitted");

        // the agency accepts, pre-reviews and approves (separation of duties: three people)
        long caseId = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        Case c = queries.get(staff.get("fz.clerk"), caseId);
        org.assertj.core.api.Assertions.assertThat(c.reference()).isEqualTo(reference);
        steps.decide(caseId, "fz.clerk", "fz.clerk2", "减员记录、缴费记录已核", "fz.reviewer");

        page.click("nav >> text=失业保险金");
        var benefit = page.locator(".benefit").first();
        assertThat(benefit).containsText(reference);
        assertThat(benefit.locator(".status")).containsText("发放中");
        assertThat(benefit.locator(".months-left")).hasText("18");
        // months since the month after eligibility (last month and this one) come with next month's payment
        assertThat(benefit.locator(".next-payment")).containsText(now.plusMonths(1).toString());
        assertThat(benefit.locator(".next-payment")).containsText("4860.00");

        PayrollRun run = payroll.open(staff.get("fz.finance"), new RegionCode("350100"), now.plusMonths(1));
        payroll.execute(run.id());
        page.reload();
        benefit = page.locator(".benefit").first();
        assertThat(benefit.locator(".months-left")).hasText("15");
        assertThat(benefit.locator(".paid-total")).hasText("4860.00");
        assertThat(benefit.locator(".payments")).containsText(now.minusMonths(1).toString());
        assertThat(benefit.locator(".payments .flag[data-flag=LATE_UNEMPLOYMENT_APPLICATION]").first()).containsText("FJ-1.6");
        assertThat(benefit.locator(".next-payment")).containsText(now.plusMonths(2).toString());
        screenshot("unemployment-citizen");

        // the reviewer's page of the claim: each condition of 第十四条 met, with its source
        context.clearCookies();
        login("fz.reviewer");
        page.navigate(url("/unemployment/claims/" + caseId));
        assertThat(page.locator("#eligibility .badge.text-bg-success")).hasCount(3);
        assertThat(page.locator("#separation")).containsText("劳动合同期满终止");
        assertThat(page.locator("#duration")).containsText("18 个月");
        assertThat(page.locator("#start")).containsText("FJ-1.6");
        screenshot("unemployment-claim-reviewer");
    }
}
