package vn.urbanorder.console.web.province;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.testing.Fixtures;

/** Officers of the demo province for the console's tests, and signing them in as a person does. */
final class ProvinceOfficers {

    private ProvinceOfficers() {}

    /** A new officer of the demo province, without a ward, with the demo password. */
    static String create(DatabaseClient database, String role) {
        String username = Fixtures.uniqueUsername();
        database.sql("""
                        INSERT INTO app_user (province_id, ward_id, username, display_name, roles, password_hash)
                        SELECT province_id, NULL, :username, :name, :roles, password_hash
                        FROM app_user WHERE username = 'tinh1'
                        """)
                .bind("username", username)
                .bind("name", "Cán bộ tỉnh " + username)
                .bind("roles", new String[] {role})
                .then()
                .block();
        return username;
    }

    /** Signs in through the sign-in page and waits for the province's home. */
    static void signedIn(Page page, String username) {
        page.navigate("/console/");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Số liệu tỉnh")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    /** Waits until the page's scripts have run and its map (by id) is drawn. */
    static void mapReady(Page page, String mapId) {
        page.waitForFunction(
                "(id) => document.readyState === 'complete' && window.htmx !== undefined"
                        + " && document.querySelector('#' + id + '[data-state=ready]') !== null",
                mapId,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
    }
}
