package vn.urbanorder.console.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The console as a person at a desk uses it, for the browser tests: each method is a step a
 * person takes, found by what the page says (in Vietnamese).
 */
final class Console {

    /** Long enough for a busy CI machine. */
    static final LocatorAssertions.IsVisibleOptions PATIENT =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    private final Page page;

    Console(Page page) {
        this.page = page;
    }

    Page page() {
        return page;
    }

    /** Signs in through the sign-in page and waits for the first page after it. */
    Console signedIn(String username, String password) {
        page.navigate("/console/");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        button("Đăng nhập").click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hàng việc")))
                .isVisible(PATIENT);
        return this;
    }

    Console open(String path) {
        page.navigate(path);
        return ready();
    }

    /**
     * Waits until the page's scripts are running (htmx listens for changes only from then on): a
     * filter chosen earlier, on a slow machine, would send nothing.
     */
    Console ready() {
        page.waitForFunction(
                "() => document.readyState === 'complete' && window.htmx !== undefined",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        return this;
    }

    Locator heading(String text) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text));
    }

    Locator button(String text) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text));
    }

    Locator link(String text) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text));
    }
}
