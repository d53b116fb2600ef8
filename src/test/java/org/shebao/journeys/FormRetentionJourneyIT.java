package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;

/**
 * Issue 17 item 2: a form sent back with one error keeps everything that was typed (text, choices, boxes, the
 * commitment ticks and the signature, the green-channel answers); the error stands next to its field and in the
 * summary at the top ({@code role="alert"}); a chosen file must be chosen again, and the page says so.
 */
@ShebaoIntegrationTest
@DisplayName("Browser journey: forms keep what was typed after a validation error (issue 17 item 2)")
class FormRetentionJourneyIT extends BrowserJourney {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    /** The summary at the top (an alert) and the message under the field. */
    private void errorShownAt(String fieldId) {
        assertThat(page.locator("#form-errors")).hasAttribute("role", "alert");
        assertThat(page.locator("#" + fieldId)).hasClass(Pattern.compile("is-invalid"));
        assertThat(page.locator("#" + fieldId + " ~ .invalid-feedback").first()).isVisible();
    }

    @Test
    @DisplayName("a clerk's person form with a wrong ID check digit keeps the name, phone, household region and "
            + "insured region")
    void personForm() {
        login("fz.clerk");
        page.navigate(url("/registry/persons/new"));
        page.fill("#idNumber", "35010219900101123X".substring(0, 17) + "0");
        page.fill("#name", "留存测");
        page.fill("#phone", "13905910777");
        page.fill("#hukouRegion", "350102");
        page.selectOption("#regionCode", "350100");
        page.click("#save");
        errorShownAt("idNumber");
        assertThat(page.locator("#name")).hasValue("留存测");
        assertThat(page.locator("#phone")).hasValue("13905910777");
        assertThat(page.locator("#hukouRegion")).hasValue("350102");
        assertThat(page.locator("#regionCode")).hasValue("350100");
        screenshot("form-retention-person");
    }

    @Test
    @DisplayName("FJ-3: a citizen's enrollment without its first insured date keeps the choices, the commitment tick "
            + "and the signature; the chosen file must be chosen again, and the page says so")
    void enrollmentWithCommitment() {
        login("citizen.fz");
        page.navigate(url("/portal/cases/new?type=ENROLLMENT"));
        page.selectOption("#f-category", "RESIDENT");
        page.selectOption("#f-insuranceType", "RESIDENT_PENSION");
        page.setInputFiles("#file-ID_CARD", new FilePayload("身份证.jpg", "image/jpeg", JPEG));
        page.check("#commit-HOUSEHOLD_REGISTER");
        page.fill("#signature", "陈志强");
        page.click("#submit-case");
        errorShownAt("f-firstInsuredOn");
        assertThat(page.locator("#f-category")).hasValue("RESIDENT");
        assertThat(page.locator("#f-insuranceType")).hasValue("RESIDENT_PENSION");
        assertThat(page.locator("#commit-HOUSEHOLD_REGISTER")).isChecked();
        assertThat(page.locator("#signature")).hasValue("陈志强");
        assertThat(page.locator(".material[data-item=ID_CARD] .choose-again")).containsText("请重新选择");
        screenshot("form-retention-enrollment");
    }

    /**
     * Fills an injury date and two of the three green-channel answers (ids with {@code prefix}), sends the form with
     * {@code submit}, and checks that the date and exactly those answers came back.
     */
    private void greenAnswersKept(String prefix, String dateField, String submit, String yes1, String yes2, String no) {
        String injured = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3).toString();
        page.fill("#" + prefix + dateField, injured);
        page.check("#" + prefix + yes1);
        page.check("#" + prefix + yes2);
        page.click(submit);
        assertThat(page.locator("#form-errors")).hasAttribute("role", "alert");
        assertThat(page.locator("#" + prefix + dateField)).hasValue(injured);
        assertThat(page.locator("#" + prefix + yes1)).isChecked();
        assertThat(page.locator("#" + prefix + yes2)).isChecked();
        assertThat(page.locator("#" + prefix + no)).not().isChecked();
    }

    @Test
    @DisplayName("N-4 / FJ-4 / FJ-6c: a citizen's work-injury benefit application without its description, and a "
            + "clerk's recognition form without a way of applying, keep the injury date and the green-channel answers")
    void greenChannelAnswers() {
        login("citizen.fz");
        page.navigate(url("/portal/cases/new?type=WORK_INJURY_BENEFIT"));
        greenAnswersKept("f-", "injuryDate", "#submit-case", "medicalWorker", "infectedAtWork", "sentToEpidemicArea");
        errorShownAt("f-description");
        freshContext();
        login("xm.clerk");
        page.navigate(url("/workinjury/recognitions/new"));
        greenAnswersKept("", "injuredOn", "#register", "medicalWorker", "sentToEpidemicArea", "infectedAtWork");
    }
}
