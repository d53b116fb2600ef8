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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser journey: headless Debian Chromium, a fresh zh-CN context per test, and a login helper. Every page the
 * journey loads (and every htmx swap) is scanned for raw codes, booleans, region codes, login names and doubled
 * punctuation ({@link RawCodeScanner}); a finding fails the journey after it ran. A code shown on purpose (a
 * booking code) is marked {@code data-reference} in its template.
 */
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

    /** Findings of the raw-code scan, with the address of the page they were on. */
    final Set<String> rawCodes = new LinkedHashSet<>();
    private RawCodeScanner scanner;

    /** The page reports its visible text after each load and each htmx swap. */
    private static final String REPORT_TEXT = """
            (() => {
              const report = () => { if (document.body) window.__reportText(location.pathname + location.search,
                  document.body.innerText,
                  [...document.querySelectorAll('[title]')].map(e => e.innerText).join('\\n'),
                  [...document.querySelectorAll('[data-reference]')].map(e => e.innerText).join('\\n')); };
              window.addEventListener('load', report);
              document.addEventListener('htmx:afterSettle', report);
            })();
            """;

    @BeforeEach
    void open() {
        scanner = new RawCodeScanner(users.list().stream().map(Users.UserSummary::username).toList());
        freshContext();
    }

    /** A new zh-CN browser context and page (a new person at the machine), watched by the raw-code scan. */
    void freshContext() {
        if (context != null) {
            scanCurrentPage();
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
        context.exposeBinding("__reportText", (source, args) -> {
            record((String) args[0], (String) args[1], (String) args[2], (String) args[3]);
            return null;
        });
        context.addInitScript(REPORT_TEXT);
        page = context.newPage();
    }

    /**
     * Records the findings on one page; {@code references} is the text of the elements marked {@code data-reference}
     * (a booking code people read out, a voucher number), which are codes on purpose.
     */
    private void record(String where, String text, String tooltipped, String references) {
        for (String reference : references.split("\n")) {
            if (!reference.isBlank()) {
                text = text.replace(reference.strip(), "§");
            }
        }
        for (String finding : scanner.scan(text, tooltipped)) {
            rawCodes.add(where + ": " + finding);
        }
    }

    /** Scans what the page shows now (content changed by scripts after the last load or swap). */
    void scanCurrentPage() {
        try {
            if (!page.isClosed() && !page.url().startsWith("about:")) {
                record(new java.net.URI(page.url()).getRawPath(), page.locator("body").innerText(),
                        String.join("\n", page.locator("[title]").allInnerTexts()),
                        String.join("\n", page.locator("[data-reference]").allInnerTexts()));
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // the page is gone or navigating: its loads were scanned already
        }
    }

    @AfterEach
    void closeContext() {
        scanCurrentPage();
        context.close();
        context = null;
        Assertions.assertThat(List.copyOf(rawCodes)).as("raw codes, login names or doubled punctuation on the pages "
                + "visited (issue 17 item 1)").isEmpty();
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

    /** The header row of a downloaded template workbook (.xlsx), cell by cell. */
    static java.util.List<String> xlsxHeader(com.microsoft.playwright.Download download) throws java.io.IOException {
        java.util.List<String> header = new java.util.ArrayList<>();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(download.path());
             org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            for (org.apache.poi.ss.usermodel.Cell c : wb.getSheetAt(0).getRow(0)) {
                header.add(c.getStringCellValue());
            }
        }
        return header;
    }

    /** A full-page picture of where the journey is, in target/journeys/, for people to look at. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/journeys", name + ".png")));
    }

    /** Opens a group of the staff menu and follows one of its entries, as a user does with the mouse. */
    void menu(String group, String entry) {
        page.click("#group-" + group);
        page.click("#group-" + group + "-menu a.nav-link:text-is('" + entry + "')");
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
