package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.TestUsers;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.residentpension.ResidentContributions;
import org.shebao.residentpension.ResidentPensionClaim;
import org.shebao.residentpension.ResidentPensions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 item 6: a clerk registers a residents' pension claim by phone under the commitment rule (FJ-3), another
 * clerk accepts and pre-reviews it, a reviewer approves it, and finance pays it in the month's run. The resident turned
 * 60 three months ago with 15 years at the 500-yuan grade (8,400.00 in the account: 60.43 a month) and Fujian's
 * basic pension of 180.00 (illustrative): 240.43 a month, 3 months of arrears (FJ-1.2). Approval puts the order in
 * next month's Fuzhou payroll, which another journey runs; the test moves the order and its arrears back into
 * Fuzhou's September 2016 (months only this journey runs), amounts and kinds unchanged, and finance runs that month.
 */
@ShebaoIntegrationTest
@DisplayName("Browser journey: a residents' pension claim by phone (FJ-3), approved, paid with its arrears (FJ-1.2) "
        + "in the month's run (国发〔2014〕8号, issue 13 item 6)")
class ResidentPensionJourneyIT extends BrowserJourney {
    @Autowired
    Persons persons;
    @Autowired
    RegistryBulkLoad bulk;
    @Autowired
    ResidentContributions contributions;
    @Autowired
    ResidentPensions pensions;
    @Autowired
    TestUsers staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("fz.clerk registers the phone claim with the ID card committed (FJ-3); fz.clerk2 accepts and "
            + "pre-reviews; fz.reviewer sees 240.43 a month and 3 months of arrears (FJ-1.2) and approves; fz.finance "
            + "runs the month: the claim's page lists the 4 payments, 961.72")
    void phoneClaimApprovedAndPaid() {
        LocalDate birth = LocalDate.now(clock).minusMonths(3).withDayOfMonth(10).minusYears(60);
        Person p = null;
        for (int n = 601; p == null; n++) {
            String first17 = "350102" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
            try {
                p = persons.registerPerson(staff.get("fz.clerk"), new PersonData(first17 + IdNumber.checkChar(first17),
                        "居民旅程", null, "350102", "350100"));
            } catch (ConflictException e) {
                // the number is taken: the next one
            }
        }
        long id = p.id();
        bulk.copyEnrollments(out -> out.accept(new RegistryBulkLoad.EnrollmentRow(id, null, EnrollmentCategory.RESIDENT,
                InsuranceType.RESIDENT_PENSION, LocalDate.of(2011, 7, 1), "350100")), "fz.clerk");
        for (int year = 2011; year <= 2025; year++) {
            contributions.record(staff.get("fz.clerk"), id, String.valueOf(year), "500", "60");
        }

        // the clerk takes the call: the form for the residents' pension, the ID card committed (FJ-3)
        login("fz.clerk");
        page.navigate(url("/casework/cases/new?type=RESIDENT_PENSION"));
        page.fill("#idNumber", p.idNumber().value());
        page.selectOption("#channel", "PHONE");
        page.fill("#f-bankAccount", "6222021001009876543");
        page.check("#commit-ID_CARD");
        page.fill("#signature", "居民旅程");
        screenshot("resident-pension-phone-claim");
        page.click("#submit-case");
        assertThat(page.locator("#status")).hasText("已提交，待受理");
        String caseUrl = page.url();
        long caseId = Long.parseLong(caseUrl.replaceAll(".*/cases/([0-9]+).*", "$1"));
        assertThat(page.locator(".flag[data-flag=COMMITMENT_RULE]")).containsText("FJ-3");

        loginAt("fz.clerk2", caseUrl);
        page.click("#accept");
        assertThat(page.locator("#status")).hasText("已受理，待初审");
        page.click("#pre-review");
        assertThat(page.locator("#status")).hasText("已初审，待审核");

        loginAt("fz.reviewer", "/pension/residents/claims/" + caseId);
        assertThat(page.locator("#amount")).containsText("240.43");
        assertThat(page.locator("#arrears-total")).hasText("721.29");
        assertThat(page.locator("#entitlement")).containsText("FJ-1.2");
        screenshot("resident-pension-decision");
        page.navigate(caseUrl);
        page.click("#approve");
        assertThat(page.locator("#status")).hasText("审核通过，已办结");

        // the month's run: the order and its arrears in Fuzhou's September 2016, amounts and kinds unchanged
        ResidentPensionClaim claim = pensions.claim(staff.get("fz.reviewer"), caseId).orElseThrow();
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        int shift = next.getYear() - 2016;
        int months = (next.getMonthValue() - 9) + 12 * shift;
        // ended with that month: moved into the past, it would otherwise be paid by every later Fuzhou run of other tests
        jdbc.sql("""
                UPDATE payroll_order SET from_month = from_month - make_interval(months => :m), until_month = '2016-09-01'
                 WHERE id = :o""").param("m", months).param("o", claim.orderId()).update();
        jdbc.sql("UPDATE payroll_adjustment SET month = month - make_interval(months => :m) WHERE order_id = :o")
                .param("m", months).param("o", claim.orderId()).update();
        loginAt("fz.finance", "/payroll");
        page.selectOption("#region", "350100");
        page.selectOption("#month", "2016-09");
        page.click("#start");
        page.click("#confirm-start");
        assertThat(page.locator("#run-status")).hasText("已完成");

        loginAt("fz.reviewer", "/pension/residents/claims/" + caseId);
        assertThat(page.locator("#payment .payments tbody tr:not(.fw-semibold)")).hasCount(4);
        assertThat(page.locator("#payment .paid-total")).hasText("961.72");
        screenshot("resident-pension-paid");
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id"
                        + " WHERE l.order_id = :o AND r.month = '2016-09-01'")
                .param("o", claim.orderId()).query(Long.class).single()).isEqualTo(4);
    }
}
