package vn.urbanorder.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one headless Chromium of a test JVM: Debian's ({@code /usr/bin/chromium}) driven by
 * Playwright, never a browser Playwright downloads. {@link BrowserTestExtension} starts it for the
 * first browser test and closes it when the JVM's tests are done.
 *
 * <p>{@code URBANORDER_CHROMIUM} (or the system property {@code urbanorder.chromium}) points to
 * another executable; {@code URBANORDER_BROWSER_TESTS=required} (or {@code
 * urbanorder.browser-tests=required}) turns a missing Chromium from a skip into a failure.
 */
public final class Chromium implements AutoCloseable {

    static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

    static final String INSTALL_HINT = "sudo apt-get install -y chromium";

    /**
     * Headless on a CI box: no sandbox (root), no GPU, and nothing that phones home. The resolver
     * rule finds no host but this machine, so that even a context without the off-site stub
     * ({@link BrowserSession#openWithHttpCache}) never reaches the internet.
     */
    static final List<String> ARGUMENTS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");

    private static final Logger log = LoggerFactory.getLogger(Chromium.class);

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The executable the tests use, whether or not it is there. */
    public static Path executable() {
        String chosen = setting("urbanorder.chromium", "URBANORDER_CHROMIUM");
        return chosen == null || chosen.isBlank() ? DEFAULT_EXECUTABLE : Path.of(chosen);
    }

    public static boolean installed() {
        return Files.isExecutable(executable());
    }

    /** True when a missing Chromium must fail the browser tests instead of skipping them (CI). */
    public static boolean required() {
        return "required".equalsIgnoreCase(setting("urbanorder.browser-tests", "URBANORDER_BROWSER_TESTS"));
    }

    static Chromium launch() {
        Path executable = executable();
        long start = System.nanoTime();
        // Also set for the test JVMs by failsafe; here too so that a run from an IDE never downloads.
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        long driverStarted = System.nanoTime();
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            .setArgs(ARGUMENTS));
            log.info(
                    "Chromium {} from {} started: Playwright's driver in {} ms, the browser in {} ms",
                    browser.version(),
                    executable,
                    (driverStarted - start) / 1_000_000,
                    (System.nanoTime() - driverStarted) / 1_000_000);
            return new Chromium(playwright, browser);
        } catch (RuntimeException failed) {
            playwright.close();
            throw failed;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        long start = System.nanoTime();
        try {
            browser.close();
        } finally {
            playwright.close();
        }
        log.info("Chromium closed in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(variable);
    }
}
