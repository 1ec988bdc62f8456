package vn.urbanorder.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Screen;
import vn.urbanorder.testing.Throttle;
import vn.urbanorder.testing.Transfers;

/** The landing page as a browser shows it: in Vietnamese, fitting the screen, with nothing refused. */
@BrowserTest
class LandingPageBrowserTests {

    private static final String HEADING = "Hệ thống phản ánh vi phạm trật tự đô thị";

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theVietnameseHeadingShowsWithNothingRefusedAndNothingCutOff(Screen screen, BrowserSession browser) {
        Page page = browser.open(screen);

        page.navigate("/");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(HEADING);
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "vi");
        PlaywrightAssertions.assertThat(
                        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tài liệu API")))
                .isVisible();
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(screen.width());
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(browser.problems(page).errors())
                .as("console errors, uncaught exceptions, CSP violations")
                .isEmpty();
        assertThat(browser.offSite(page).urls()).as("requests to other sites").isEmpty();
        assertThat(BrowserSession.screenshot(page, "landing-" + screen.name().toLowerCase()))
                .isNotEmptyFile();
    }

    @Test
    void onSlow3GThePageArrivesSmallAndAsSlowlyAsTheThrottleSays(BrowserSession browser) {
        Page page = browser.openWithHttpCache(Screen.PHONE);
        Transfers transfers = Transfers.watch(page.context());
        Throttle.SLOW_3G.applyTo(page);

        long start = System.nanoTime();
        page.navigate("/");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING)).isVisible();
        Duration shown = Duration.ofNanos(System.nanoTime() - start);
        page.waitForLoadState(LoadState.NETWORKIDLE);

        // The page and its style sheet each wait out the added delay: the throttle is on.
        assertThat(shown)
                .isGreaterThanOrEqualTo(Duration.ofMillis((long) (2 * Throttle.SLOW_3G.latencyMillis())))
                .isLessThan(Duration.ofSeconds(10));
        assertThat(transfers.all())
                .extracting(Transfers.Transfer::url)
                .contains(browser.baseUrl() + "/", browser.baseUrl() + "/site/site.css");
        assertThat(transfers.total()).isBetween(1_000L, 10_000L);
    }
}
