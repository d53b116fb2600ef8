package org.shebao.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.shebao.ApiClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.nio.file.Path;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergency;
import org.springframework.beans.factory.annotation.Autowired;

/** A browser journey: headless Debian Chromium, a fresh zh-CN context per test, and a login helper. */
abstract class BrowserJourney {
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Autowired
    Emergencies emergencies;
    @Autowired
    Users users;

    /** Leaves Fujian's emergency as the demo has it (lifted date pending) for the tests that follow. */
    @AfterEach
    void restoreFujian() {
        Emergency e = emergencies.all().stream().filter(x -> x.region().value().equals("350000"))
                .findFirst().orElseThrow();
        if (e.liftedOn() != null) {
            emergencies.enterDates((ShebaoUser) users.loadUserByUsername("fj.admin"), e.id(),
                    e.version(), new DateEntry("", "", "测试结束：撤销录入", false, true));
        }
    }

    /** A full-page picture of where the journey is, in target/journeys/, for people to look at. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/journeys", name + ".png")));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs the current user out and {@code user} in, then opens the page at {@code path} (a full address too). */
    void loginAt(String user, String path) {
        context.clearCookies();
        login(user);
        page.navigate(path.startsWith("http") ? path : url(path));
    }

    void login(String user) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", ApiClient.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));
    }
}
