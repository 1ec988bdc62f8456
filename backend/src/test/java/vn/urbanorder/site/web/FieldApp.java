package vn.urbanorder.site.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.SelectOption;

/**
 * The field app as an officer uses it, for the browser tests: each method is a step a person
 * takes, found by what the screen says (in Vietnamese), not by how it is built.
 */
final class FieldApp {

    /** Long enough for a busy CI machine; a step a person waits for is seconds, not minutes. */
    static final LocatorAssertions.IsVisibleOptions PATIENT =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    static final LocatorAssertions.ContainsTextOptions PATIENT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private final Page page;

    FieldApp(Page page) {
        this.page = page;
    }

    Page page() {
        return page;
    }

    FieldApp open() {
        page.navigate("/app/");
        return this;
    }

    FieldApp signIn(String username, String password) {
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        return this;
    }

    /** Signs in and waits for the new report's form. */
    FieldApp signedIn(String username, String password) {
        open().signIn(username, password);
        assertThat(heading("Báo vi phạm mới")).isVisible(PATIENT);
        return this;
    }

    /** Once the service worker controls the page, the app opens with no network. */
    FieldApp installed() {
        page.waitForFunction(
                "() => navigator.serviceWorker.controller !== null",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        return this;
    }

    FieldApp newReport() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo mới"))
                .click();
        assertThat(heading("Báo vi phạm mới")).isVisible(PATIENT);
        return this;
    }

    FieldApp photos(byte[]... jpegs) {
        FilePayload[] files = new FilePayload[jpegs.length];
        for (int i = 0; i < jpegs.length; i++) {
            files[i] = new FilePayload("anh-" + (i + 1) + ".jpg", "image/jpeg", jpegs[i]);
        }
        page.locator("#gallery").setInputFiles(files);
        assertThat(page.locator(".photos li img")).hasCount(jpegs.length);
        return this;
    }

    /** Waits until the form shows the phone's position. */
    FieldApp positioned() {
        assertThat(page.locator(".position strong")).isVisible(PATIENT);
        return this;
    }

    FieldApp category(String name) {
        page.getByLabel("Lĩnh vực vi phạm").selectOption(new SelectOption().setLabel(name));
        return this;
    }

    FieldApp address(String text) {
        page.getByLabel("Địa chỉ").fill(text);
        return this;
    }

    FieldApp send() {
        page.locator("form.compose > button[type=submit]").click();
        return this;
    }

    /** A report with these photos at the phone's position, sent from the form. */
    FieldApp report(String address, byte[]... jpegs) {
        return newReport()
                .photos(jpegs)
                .positioned()
                .category("Vệ sinh môi trường")
                .address(address)
                .send();
    }

    Locator entry(String address) {
        return page.locator(".entry").filter(new Locator.FilterOptions().setHasText(address));
    }

    /** The queue's entry for the report at that address, once delivered: its reference. */
    String sent(String address) {
        Locator delivered = entry(address).and(page.locator(".entry.sent"));
        assertThat(delivered).isVisible(PATIENT);
        return delivered.locator(".reference").textContent();
    }

    FieldApp moveTo(Geolocation position) {
        page.context().setGeolocation(position);
        return this;
    }

    Locator heading(String text) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text));
    }

    Locator button(String text) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text));
    }
}
