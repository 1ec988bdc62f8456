package vn.urbanorder.console.web.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Screen;

/**
 * The ward office running its people and units in Chromium, as a ward officer would: a new patrol
 * officer who signs in with the one-time password, a reset, a lock-out; units created, renamed
 * and closed; and a person changing their own password. Each ward is the test's own.
 */
@BrowserTest
class ConsolePeopleBrowserTests {

    /** Long enough for a busy CI machine. */
    private static final LocatorAssertions.IsVisibleOptions PATIENT =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    private static final String WRONG = "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.";

    @Autowired
    Fixtures fixtures;

    @Test
    void anAdminCreatesAPatrolOfficerWhoSignsInWithTheOneTimePasswordUntilLockedOut(BrowserSession browser) {
        UUID ward = fixtures.ward();
        UUID unit = fixtures.unit(ward);
        Page admin = browser.desk();
        signIn(admin, fixtures.user(ward, "WARD_ADMIN"), Fixtures.PASSWORD);

        admin.navigate("/console/people");
        link(admin, "Thêm người dùng").click();
        admin.getByLabel("Tên đăng nhập").fill("Tuấn Tuần Tra");
        admin.getByLabel("Họ tên").fill("Phạm Văn Tuấn");
        admin.getByLabel("Tuần tra").check();
        button(admin, "Tạo người dùng").click();
        // The API's reason, beside the field, and what was typed kept.
        assertThat(admin.locator("#person-username ~ p.error")).isVisible(PATIENT);
        assertThat(admin.getByLabel("Họ tên")).hasValue("Phạm Văn Tuấn");
        BrowserSession.screenshot(admin, "console-people-new-refused");

        String username = "tt" + UUID.randomUUID().toString().substring(0, 8);
        admin.getByLabel("Tên đăng nhập").fill(username);
        admin.getByLabel("Số điện thoại").fill("0912 345 678");
        button(admin, "Tạo người dùng").click();
        assertThat(heading(admin, "Đã tạo người dùng")).isVisible(PATIENT);
        String first = admin.locator(".one-time-password").textContent().strip();
        assertThat(first).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
        assertThat(admin.getByRole(AriaRole.ALERT)).containsText("chỉ hiện một lần");
        check(admin, "console-people-created-password");

        // The new officer signs in on a tablet with it, and must first choose a password of their own.
        Page officer = browser.open(Screen.TABLET);
        signIn(officer, username, first);
        assertThat(officer.getByRole(AriaRole.ALERT))
                .containsText("do người quản trị đặt", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(officer).hasURL(java.util.regex.Pattern.compile(".*/console/account$"));
        check(officer, "console-account-must-change-tablet");
        link(officer, "Hàng việc").click();
        assertThat(officer).hasURL(java.util.regex.Pattern.compile(".*/console/account$"));

        // A reset: a new password, the officer's session ends, the first password opens nothing.
        link(admin, "Mở trang của người dùng").click();
        assertThat(heading(admin, "Phạm Văn Tuấn Đang hoạt động")).isVisible(PATIENT);
        assertThat(admin.locator(".facts")).not().containsText("Chưa đăng nhập lần nào");
        button(admin, "Tạo mật khẩu dùng một lần").click();
        assertThat(heading(admin, "Đã đặt lại mật khẩu")).isVisible(PATIENT);
        String second = admin.locator(".one-time-password").textContent().strip();
        assertThat(second).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").isNotEqualTo(first);
        BrowserSession.screenshot(admin, "console-people-reset-password");
        // Back to the page: the password is not there any more.
        admin.goBack();
        admin.reload();
        assertThat(admin.locator("body")).not().containsText(second);

        officer.navigate("/console/queue");
        assertThat(heading(officer, "Đăng nhập")).isVisible(PATIENT);
        attemptSignIn(officer, username, first);
        assertThat(officer.getByRole(AriaRole.ALERT)).hasText(WRONG);
        signIn(officer, username, second);

        // Roles and unit: unit staff without a unit is the API's refusal, beside the unit.
        admin.navigate("/console/people?role=PATROL");
        Locator row = admin.locator("tr[data-username='" + username + "']");
        assertThat(row.locator(".last-sign-in"))
                .not()
                .containsText("Chưa đăng nhập", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(row.locator(".last-sign-in")).containsText("/");
        check(admin, "console-people-list-desk");
        row.getByRole(AriaRole.LINK).click();
        admin.getByLabel("Cán bộ đơn vị xử lý").check();
        button(admin, "Lưu thay đổi").click();
        assertThat(admin.locator("#person-unit ~ p.error")).containsText("phải thuộc một đơn vị");
        admin.getByLabel("Đơn vị", new Page.GetByLabelOptions().setExact(true)).selectOption(unit.toString());
        button(admin, "Lưu thay đổi").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Đã lưu thay đổi.");
        assertThat(admin.getByLabel("Cán bộ đơn vị xử lý")).isChecked();
        check(admin, "console-person-desk");

        // Locked: the officer's session ends and their password opens nothing.
        button(admin, "Khoá tài khoản").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Đã khoá tài khoản");
        assertThat(heading(admin, "Phạm Văn Tuấn Đã khoá")).isVisible();
        officer.navigate("/console/queue");
        assertThat(heading(officer, "Đăng nhập")).isVisible(PATIENT);
        attemptSignIn(officer, username, second);
        assertThat(officer.getByRole(AriaRole.ALERT)).hasText(WRONG);
        BrowserSession.screenshot(officer, "console-people-locked-out-tablet");

        admin.navigate("/console/people?active=false");
        assertThat(admin.locator("tr[data-username='" + username + "'] .state")).hasText("Đã khoá");
        assertThat(browser.problems(admin).policyViolations()).isEmpty();
        assertThat(scriptErrors(browser, admin)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"TABLET", "DESK"})
    void anAdminCreatesRenamesAndClosesAUnit(Screen screen, BrowserSession browser) {
        UUID ward = fixtures.ward();
        String name = screen.name().toLowerCase(Locale.ROOT);
        Page admin = browser.open(screen);
        signIn(admin, fixtures.user(ward, "WARD_ADMIN"), Fixtures.PASSWORD);
        String inspector = fixtures.user(ward, "INSPECTOR");

        admin.navigate("/console/units");
        assertThat(admin.getByText("Phường chưa có đơn vị nào.")).isVisible();
        admin.getByLabel("Mã").fill("vsmt 1");
        admin.getByLabel("Tên đơn vị").fill("Tổ vệ sinh môi trường số 1");
        admin.getByLabel("Loại").selectOption("SANITATION");
        button(admin, "Tạo đơn vị").click();
        assertThat(admin.locator("#unit-code ~ p.error")).isVisible(PATIENT);
        assertThat(admin.getByLabel("Tên đơn vị")).hasValue("Tổ vệ sinh môi trường số 1");
        check(admin, "console-units-refused-" + name);

        admin.getByLabel("Mã").fill("VSMT1");
        button(admin, "Tạo đơn vị").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Đã tạo đơn vị.");
        admin.getByLabel("Tên đơn vị").fill("Tổ VSMT khu Bắc");
        admin.getByLabel("Số điện thoại liên hệ").fill("024 3872 1234");
        button(admin, "Lưu thay đổi").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Đã lưu thay đổi.");
        assertThat(heading(admin, "Tổ VSMT khu Bắc VSMT1 Đang nhận việc")).isVisible();
        check(admin, "console-unit-" + name);
        button(admin, "Ngừng nhận việc").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("ngừng nhận phản ánh mới");
        assertThat(heading(admin, "Tổ VSMT khu Bắc VSMT1 Ngừng nhận việc")).isVisible();

        link(admin, "← Đơn vị").click();
        assertThat(admin.locator("tr[data-code='VSMT1']")).containsText("Ngừng nhận việc");
        check(admin, "console-units-" + name);

        admin.navigate("/console/people");
        check(admin, "console-people-" + name);
        admin.locator("tr[data-username='" + inspector + "']")
                .getByRole(AriaRole.LINK)
                .click();
        assertThat(button(admin, "Khoá tài khoản")).isVisible(PATIENT);
        check(admin, "console-person-" + name);
        button(admin, "Tạo mật khẩu dùng một lần").click();
        assertThat(heading(admin, "Đã đặt lại mật khẩu")).isVisible(PATIENT);
        check(admin, "console-people-password-" + name);
        admin.navigate("/console/people");
        link(admin, "Thêm người dùng").click();
        check(admin, "console-people-new-" + name);
        admin.navigate("/console/account");
        check(admin, "console-account-" + name);
        assertThat(browser.problems(admin).policyViolations()).isEmpty();
    }

    @Test
    void aPersonChangesTheirOwnPasswordAndSignsInAgainWithIt(BrowserSession browser) {
        String person = fixtures.user(fixtures.ward(), "PATROL");
        Page page = browser.open(Screen.TABLET);
        signIn(page, person, Fixtures.PASSWORD);

        page.navigate("/console/account");
        page.getByLabel("Mật khẩu đang dùng").fill(Fixtures.PASSWORD);
        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true))
                .fill("đi tuần sáng thứ hai");
        page.getByLabel("Nhập lại mật khẩu mới").fill("đi tuần sáng thứ ba");
        button(page, "Đổi mật khẩu").click();
        assertThat(page.locator("#new-password-again ~ p.error"))
                .hasText("Hai lần nhập mật khẩu mới không giống nhau.");
        check(page, "console-account-refused-tablet");

        page.getByLabel("Mật khẩu đang dùng").fill(Fixtures.PASSWORD);
        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true))
                .fill("đi tuần sáng thứ hai");
        page.getByLabel("Nhập lại mật khẩu mới").fill("đi tuần sáng thứ hai");
        button(page, "Đổi mật khẩu").click();
        assertThat(heading(page, "Đã đổi mật khẩu")).isVisible(PATIENT);
        check(page, "console-password-changed-tablet");

        link(page, "Đăng nhập lại bằng mật khẩu mới").click();
        attemptSignIn(page, person, Fixtures.PASSWORD);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(WRONG);
        signIn(page, person, "đi tuần sáng thứ hai");
        assertThat(scriptErrors(browser, page)).isEmpty();
    }

    /** Errors in the page, but not Chromium's note of each refused form's 4xx answer, which the test asked for. */
    private static java.util.List<String> scriptErrors(BrowserSession browser, Page page) {
        return browser.problems(page).errors().stream()
                .filter(error -> !error.startsWith("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    private static void signIn(Page page, String username, String password) {
        page.navigate("/console/");
        attemptSignIn(page, username, password);
        assertThat(link(page, "Hàng việc")).isVisible(PATIENT);
    }

    private static void attemptSignIn(Page page, String username, String password) {
        if (!page.url().contains("/console/sign-in")) {
            page.navigate("/console/sign-in");
        }
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        button(page, "Đăng nhập").click();
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
    }

    private static void check(Page page, String name) {
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

    private static Locator heading(Page page, String text) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text));
    }

    private static Locator button(Page page, String text) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text));
    }

    private static Locator link(Page page, String text) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text));
    }
}
