package vn.urbanorder.console.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Screen;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * The console in Chromium at a desk and on a tablet: signing in keeps no token where a script
 * could read it, the queue and a report's page (with its photos, through the console) fit the
 * screen, read well and have controls large enough to hit, and signing out ends the session.
 */
@BrowserTest
class ConsoleBrowserTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"TABLET", "DESK"})
    void aWardOfficerSignsInReadsTheQueueAndAReportsStoryAndSignsOut(Screen screen, BrowserSession browser) {
        String patrol = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        ReportDto report = Submission.sound()
                .category("SANITATION", "LITTERING")
                .addressText("Số 9 Ngọc Thụy")
                .submittedWithPhotos(http, fixtures.bearer(patrol), TestPhotos.uniqueJpeg(), TestPhotos.jpeg(800, 600));
        String officer = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        Page page = browser.open(screen);
        Console console = new Console(page).signedIn(officer, Fixtures.PASSWORD);
        String name = "console-" + screen.name().toLowerCase(Locale.ROOT);

        List<Cookie> cookies = page.context().cookies();
        assertThat(cookies)
                .filteredOn(cookie -> cookie.name.equals("UO_DESK"))
                .singleElement()
                .satisfies(cookie -> {
                    assertThat(cookie.httpOnly).isTrue();
                    assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
                    assertThat(cookie.path).isEqualTo("/console");
                });
        assertThat(page.evaluate("() => document.cookie"))
                .as("no cookie a script can read")
                .isEqualTo("");
        // htmx keeps the current path (no more) in session storage, for the back button.
        assertThat((List<Object>) page.evaluate("() => Object.keys(localStorage).concat(Object.keys(sessionStorage))"))
                .as("nothing kept in the browser's storage")
                .containsOnly("htmx-current-path-for-history");
        check(page, screen, name + "-queue");

        // Narrowed to the report's tổ dân phố the list keeps it, and only rows of that zone; to another, it goes.
        var zone = report.getAssignment().getZone();
        Locator row = page.locator("#rows tr[data-id='" + report.getId() + "']");
        console.ready();
        page.locator("#zone").selectOption(zone.getId().toString());
        page.waitForURL("**zoneId=" + zone.getId() + "**");
        assertThat(row).isVisible(Console.PATIENT);
        assertThat(page.locator("#rows .zone").allTextContents()).containsOnly(zone.getName());
        String other = (String) page.evaluate(
                "id => [...document.querySelectorAll('#zone option')]" + ".map(o => o.value).find(v => v && v !== id)",
                zone.getId().toString());
        page.locator("#zone").selectOption(other);
        page.waitForURL("**zoneId=" + other + "**");
        assertThat(row).hasCount(0);

        console.open("/console/reports/" + report.getId());
        assertThat(console.heading(report.getReference() + " Đã giao")).isVisible(Console.PATIENT);
        assertThat(page.locator(".photos img")).hasCount(2);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(
                        page.evaluate(
                                "() => [...document.querySelectorAll('.photos img')].every(img => img.complete && img.naturalWidth > 0)"))
                .as("the thumbnails, through the console")
                .isEqualTo(true);
        assertThat(page.locator(".trail")).containsText("Nhật ký nguyên vẹn");
        assertThat(page.locator(".facts")).containsText("Số 9 Ngọc Thụy");
        check(page, screen, name + "-report");

        console.button("Đăng xuất").click();
        assertThat(page.locator(".ok")).containsText("Đã đăng xuất");
        page.navigate("/console/queue");
        assertThat(console.heading("Đăng nhập")).isVisible(Console.PATIENT);
        assertThat(browser.problems(page).policyViolations()).isEmpty();
    }

    private static void check(Page page, Screen screen, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        BrowserSession.screenshot(page, name);
        assertThat(PageChecks.overflowPx(page))
                .as(name + ": wider than the screen by")
                .isZero();
        assertThat(PageChecks.smallTargets(page))
                .as(name + ": controls smaller than 44 px")
                .isEmpty();
        assertThat(PageChecks.lowContrast(page))
                .as(name + ": text below AA contrast")
                .isEmpty();
    }
}
