package vn.urbanorder.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser test's view of the service: browser contexts of its own (each a fresh profile: no
 * cookies, storage or service worker from another test), opened on the service's base URL, so
 * that {@code page.navigate("/app/")} goes to this run's service. {@link BrowserTestExtension}
 * hands it to a test method that asks for it, and closes its contexts when the test ends.
 *
 * <p>Every context speaks Vietnamese ({@code vi-VN}) in Hà Nội's time zone, may read the phone's
 * position (a fresh {@link TestPoints} point, 10 m accurate; move it with {@code
 * context.setGeolocation}), may run service workers, and never reaches the internet
 * ({@link OffSiteRequests}; {@link Chromium#ARGUMENTS} for {@link #openWithHttpCache}).
 */
public final class BrowserSession implements AutoCloseable {

    /** Where screenshots go: {@code backend/target/screenshots} in a Maven build. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public static final String LOCALE = "vi-VN";
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";
    static final double ACCURACY_METRES = 10;

    private final Browser browser;
    private final String baseUrl;
    private final List<Opened> opened = new ArrayList<>();

    BrowserSession(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** The service's address, {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A page in a fresh context at phone size (360×640, touch). */
    public Page phone() {
        return open(Screen.PHONE);
    }

    /** A page in a fresh context at desk size (1280×800). */
    public Page desk() {
        return open(Screen.DESK);
    }

    /** A page in a fresh context of its own on that screen. */
    public Page open(Screen screen) {
        return open(screen, true);
    }

    /**
     * A page in a fresh context without the off-site stub, for measuring a first load as a phone
     * makes it: Playwright turns Chromium's HTTP cache off in a context with any route, so a
     * service worker's install would fetch again what the page has just loaded. Off-site requests
     * here fail to resolve ({@link Chromium#ARGUMENTS}), and are not noted.
     */
    public Page openWithHttpCache(Screen screen) {
        return open(screen, false);
    }

    private Page open(Screen screen, boolean stubOffSite) {
        double[] point = TestPoints.next();
        Geolocation position = new Geolocation(point[0], point[1]).setAccuracy(ACCURACY_METRES);
        BrowserContext context = browser.newContext(screen.options()
                .setBaseURL(baseUrl)
                .setLocale(LOCALE)
                .setTimezoneId(TIME_ZONE)
                .setPermissions(List.of("geolocation"))
                .setGeolocation(position)
                .setServiceWorkers(ServiceWorkerPolicy.ALLOW));
        try {
            opened.add(new Opened(
                    context,
                    screen,
                    position,
                    stubOffSite ? OffSiteRequests.stub(context) : OffSiteRequests.none(),
                    PageProblems.watch(context)));
            return context.newPage();
        } catch (PlaywrightException failed) {
            context.close();
            throw failed;
        }
    }

    /** Console errors, uncaught exceptions and policy violations in the page's context so far. */
    public PageProblems problems(Page page) {
        return of(page).problems();
    }

    /** The internet addresses the page's context asked for (and got a stub). */
    public OffSiteRequests offSite(Page page) {
        return of(page).offSite();
    }

    /** Where the page's context says the phone is, until the test moves it. */
    public Geolocation position(Page page) {
        return of(page).position();
    }

    public Screen screen(Page page) {
        return of(page).screen();
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Screenshots of every page still open, named after the failed test. */
    List<Path> screenshotEverything(String name) {
        List<Path> saved = new ArrayList<>();
        for (Opened context : opened) {
            for (Page page : context.context().pages()) {
                try {
                    saved.add(screenshot(page, name + "-" + (saved.size() + 1)));
                } catch (PlaywrightException | UncheckedIOException ignored) {
                    // A page that has crashed or closed keeps no picture; the failure says why.
                }
            }
        }
        return saved;
    }

    @Override
    public void close() {
        for (Opened context : opened) {
            try {
                context.context().close();
            } catch (PlaywrightException ignored) {
                // Already gone with the browser.
            }
        }
        opened.clear();
    }

    private Opened of(Page page) {
        return opened.stream()
                .filter(context -> context.context() == page.context())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a page this session did not open: " + page.url()));
    }

    private record Opened(
            BrowserContext context,
            Screen screen,
            Geolocation position,
            OffSiteRequests offSite,
            PageProblems problems) {}
}
