package vn.urbanorder.site.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Screen;
import vn.urbanorder.testing.Throttle;
import vn.urbanorder.testing.Transfers;

/**
 * The field app's first load on a slow connection: what it transfers (a budget, asserted) and how
 * long until the officer can sign in (a measurement, not asserted: times depend on the machine).
 * Each run appends its figures to target/benchmarks/field-app-load.txt; infra/bench/field-app/run.sh
 * runs it and prints them (docs/benchmarks.md).
 */
@BrowserTest
class FieldAppLoadBrowserTests {

    /** The budget: the app's first load, compressed, without photos or map tiles. */
    static final long BUDGET_BYTES = 250 * 1024;

    /** WebPageTest's "3G Slow": 400 kbit/s each way, 400 ms round trip, added once per request. */
    static final Throttle WEBPAGETEST_3G_SLOW = Throttle.of("WebPageTest 3G Slow", 400, 400, 400);

    private static final Path RESULTS = Path.of("target", "benchmarks", "field-app-load.txt");

    @Test
    void theFirstLoadStaysWithinItsBudgetAndIsTimedOnSlow3G(BrowserSession browser) {
        for (Throttle profile : List.of(WEBPAGETEST_3G_SLOW, Throttle.SLOW_3G)) {
            Page page = browser.openWithHttpCache(Screen.PHONE);
            Transfers transfers = Transfers.watch(page.context());
            profile.applyTo(page);

            long start = System.nanoTime();
            page.navigate("/app/");
            assertThat(page.getByLabel("Tên đăng nhập"))
                    .isEditable(new LocatorAssertions.IsEditableOptions().setTimeout(60_000));
            Duration usable = Duration.ofNanos(System.nanoTime() - start);
            page.waitForLoadState(LoadState.LOAD);
            // What the page itself fetched; the service worker's own fetches come after the load.
            long firstLoad = transfers.all().stream()
                    .filter(transfer -> !transfer.resourceType().equals("fetch"))
                    .mapToLong(Transfers.Transfer::bytes)
                    .sum();
            // The worker then keeps the whole shell, icons included, for opening offline.
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            long withShellKept = transfers.total();

            Page again = page.context().newPage();
            profile.applyTo(again);
            long repeat = System.nanoTime();
            again.navigate("/app/");
            assertThat(again.getByLabel("Tên đăng nhập")).isEditable();
            Duration usableAgain = Duration.ofNanos(System.nanoTime() - repeat);

            record(String.format(
                    "%s  %-22s first load %6.1f KB, with the shell kept %6.1f KB (%d requests in all); usable after %5d ms; opened again (service worker) %4d ms",
                    Instant.now(),
                    profile.name(),
                    firstLoad / 1024.0,
                    withShellKept / 1024.0,
                    transfers.all().size(),
                    usable.toMillis(),
                    usableAgain.toMillis()));
            if (Boolean.getBoolean("field-app.load.list")) {
                transfers.all().forEach(transfer -> System.out.println("[field-app load]   " + transfer));
            }
            assertThat(firstLoad).as("first load, bytes").isLessThanOrEqualTo(BUDGET_BYTES);
            assertThat(withShellKept).as("with the whole shell kept, bytes").isLessThanOrEqualTo(BUDGET_BYTES);
            page.context().close();
        }
    }

    private static void record(String line) {
        System.out.println("[field-app load] " + line);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(
                    RESULTS,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
