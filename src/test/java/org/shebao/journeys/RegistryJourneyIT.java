package org.shebao.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.CreditCode;
import org.shebao.common.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.regex.Pattern;

@ShebaoIntegrationTest
@DisplayName("Browser journeys: the registry (issue 2)")
class RegistryJourneyIT extends BrowserJourney {
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a Fuzhou clerk registers a person with a wrong check digit, sees the error, corrects it, finds "
            + "the person, and cannot open a Taiyuan person's page")
    void fuzhouClerkRegistersAndIsScoped() {
        String first17 = "35010219880808" + "417";
        char right = IdNumber.checkChar(first17);
        char wrong = right == '0' ? '1' : '0';
        long before = jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();

        login("fz.clerk");
        assertThat(page.locator("#current-user")).containsText("福州受理");
        menu("casework", "参保人员");
        page.click("#new-person");
        page.fill("#idNumber", first17 + wrong);
        page.fill("#name", "林晓测");
        page.fill("#phone", "13905910123");
        page.fill("#hukouRegion", "350102");
        page.selectOption("#regionCode", "350100");
        page.click("#save");

        assertThat(page.locator("#form-errors")).containsText("公民身份号码校验码错误");
        assertThat(page.locator("#form-errors")).containsText("最后一位应为 " + right);
        assertThat(page.locator("#idNumber")).hasClass(Pattern.compile("is-invalid"));
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single()).isEqualTo(before);

        page.fill("#idNumber", first17 + right);
        page.click("#save");
        assertThat(page.locator(".alert-success")).containsText("参保人员登记成功");
        assertThat(page.locator("#person-name")).hasText("林晓测");
        assertThat(page.locator("#id-number")).hasText(IdNumber.mask(first17 + right));
        assertThat(page.locator("#history")).containsText("福州受理 林小燕");
        assertThat(page.locator("#history")).not().containsText("fz.clerk"); // who, by name: no login on a screen

        menu("casework", "参保人员");
        page.fill("#q", first17 + right);
        page.press("#q", "Enter");
        // the unfiltered list shows the newest persons first: only the search narrows it to exactly one row
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results")).containsText("林晓测");
        assertThat(page.locator("#results")).containsText(IdNumber.mask(first17 + right));
        assertThat(page.locator("#results")).not().containsText(first17 + right);

        long taiyuan = jdbc.sql("SELECT id FROM registry_person WHERE region_code = '140100' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        Response denied = page.navigate(url("/registry/persons/" + taiyuan));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(page.locator("#error-message")).containsText("您无权查看该记录");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/registry-403.png")));
    }

    @Test
    @DisplayName("a Fuzhou clerk sets an employer's size class: without evidence the field is marked and what was "
            + "chosen stays; with evidence the page shows the class by its Chinese name, the evidence and who set it")
    void clerkSetsSizeClass() {
        String first17 = "91350100MD0000001";
        long id = jdbc.sql("""
                        INSERT INTO registry_employer (credit_code, name, region_code, created_at, created_by, updated_at,
                                                       updated_by)
                        VALUES (:code, '福州划型旅程有限公司', '350100', now(), 'fz.clerk', now(), 'fz.clerk') RETURNING id""")
                .param("code", first17 + CreditCode.checkChar(first17)).query(Long.class).single();
        String evidence = "工信部联企业〔2011〕300号 划型：从业人员 120 人，营业收入 800 万元";

        login("fz.clerk");
        page.navigate(url("/registry/employers/" + id));
        assertThat(page.locator("#size-class")).containsText("尚未划型");
        // fields the employer left empty say so, in line with their labels
        assertThat(page.locator("dl dd").nth(2)).hasText("未填写");
        page.selectOption("#sizeClass", "SMALL");
        page.click("#size-save");
        assertThat(page.locator("#sizeEvidence")).hasClass(Pattern.compile("is-invalid"));
        assertThat(page.locator("#size-form")).containsText("此项为必填项");
        assertThat(page.locator("#sizeClass")).hasValue("SMALL");
        assertThat(jdbc.sql("SELECT size_class FROM registry_employer WHERE id = :id").param("id", id)
                .query(String.class).optional()).isEmpty();

        page.fill("#sizeEvidence", evidence);
        page.click("#size-save");
        assertThat(page.locator(".alert-success")).containsText("已保存");
        assertThat(page.locator("#size-class-name")).hasText("小型企业");
        assertThat(page.locator("#size-evidence")).hasText(evidence);
        assertThat(page.locator("#size-set-by")).containsText("福州受理 林小燕");
        // when, in the agency's time (Asia/Shanghai), not the database driver's UTC
        String setAt = jdbc.sql("SELECT to_char(size_set_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"
                + " FROM registry_employer WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(page.locator("#size-set-by")).containsText(setAt);
        assertThat(page.locator("main")).not().containsText("SMALL"); // the class by its name, never its code
        assertThat(page.locator("#history")).containsText("小型企业");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/employer-size.png")));
        page.navigate(url("/registry/employers/" + id + "?lang=en"));
        assertThat(page.locator("#size-class-name")).hasText("Small enterprise");
    }

    @Test
    @DisplayName("a citizen logs in to the portal and sees their own record and rights record only")
    void citizenPortal() {
        login("citizen.fz");
        assertThat(page.locator("#person-name")).hasText("陈志强");
        assertThat(page.locator("#enrollments")).containsText("企业职工基本养老保险");
        page.click("text=个人权益记录");
        assertThat(page.locator("#rights-record")).containsText("1992");
        Response staffPage = page.navigate(url("/registry/persons"));
        assertThat(staffPage.status()).isEqualTo(403);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/portal-403.png")));
    }
}
