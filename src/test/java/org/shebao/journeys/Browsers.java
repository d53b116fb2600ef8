package org.shebao.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Headless Debian Chromium driven by Playwright (no browser download). */
final class Browsers {
    private Browsers() {
    }

    static Path chromium() {
        Path p = Path.of(System.getProperty("shebao.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("Chromium not found at " + p
                    + ": install Debian's chromium (apt-get install chromium) or set -Dshebao.chromium");
        }
        return p;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
    }
}
