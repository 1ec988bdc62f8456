package vn.urbanorder.site.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Screen;
import vn.urbanorder.testing.TestPhotos;

/**
 * Every screen of the field app fits the phone: nothing wider than the screen, every control a
 * thumb can hit, every text readable in the sun, in Vietnamese, and nothing the browser refused.
 * Each screen is saved as a picture (target/screenshots/field-app-fit-*).
 */
@BrowserTest
class FieldAppFitBrowserTests {

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest
    @EnumSource(Screen.class)
    void everyScreenFitsIsReadableAndEasyToHit(Screen screen, BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.open(screen);
        Geolocation inside = browser.position(page);
        FieldApp app = new FieldApp(page).open();
        assertThat(app.heading("Đăng nhập")).isVisible();
        check(page, screen, "sign-in");

        app.signIn(officer, Fixtures.PASSWORD);
        assertThat(app.heading("Báo vi phạm mới")).isVisible(FieldApp.PATIENT);
        app.photos(TestPhotos.uniqueJpeg(), TestPhotos.jpeg(640, 480)).positioned();
        check(page, screen, "compose");

        app.category("Vệ sinh môi trường").address("Số 7 Gia Thụy").send();
        app.sent("Số 7 Gia Thụy");
        app.moveTo(new Geolocation(21.0300, 105.8000).setAccuracy(80));
        app.newReport()
                .photos(TestPhotos.uniqueJpeg())
                .positioned()
                .category("Vệ sinh môi trường")
                .address("Ngoài phường");
        assertThat(page.locator(".position")).containsText("Vị trí kém chính xác (quá 50 m)", FieldApp.PATIENT_TEXT);
        check(page, screen, "compose-poor-position");
        page.onceDialog(dialog -> dialog.accept());
        app.send();
        assertThat(app.entry("Ngoài phường")).containsText("Bị từ chối", FieldApp.PATIENT_TEXT);
        check(page, screen, "queue");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Của tôi"))
                .click();
        assertThat(page.locator(".reports li img")).isVisible(FieldApp.PATIENT);
        check(page, screen, "mine");

        page.locator(".reports li a").first().click();
        assertThat(page.locator(".timeline li").first()).isVisible(FieldApp.PATIENT);
        assertThat(page.locator(".gallery img")).hasCount(2);
        check(page, screen, "report");

        page.locator(".gallery button").first().click();
        assertThat(page.locator("dialog.viewer img")).isVisible(FieldApp.PATIENT);
        BrowserSession.screenshot(page, "field-app-fit-" + name(screen) + "-viewer");
        app.moveTo(inside);
    }

    private static void check(Page page, Screen screen, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        BrowserSession.screenshot(page, "field-app-fit-" + name(screen) + "-" + name);
        assertThat(PageChecks.overflowPx(page))
                .as(name + ": wider than the screen by")
                .isZero();
        assertThat(PageChecks.smallTargets(page))
                .as(name + ": controls smaller than 44 px")
                .isEmpty();
        assertThat(PageChecks.lowContrast(page))
                .as(name + ": text below AA contrast")
                .isEmpty();
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
    }

    private static String name(Screen screen) {
        return screen.name().toLowerCase(java.util.Locale.ROOT);
    }
}
