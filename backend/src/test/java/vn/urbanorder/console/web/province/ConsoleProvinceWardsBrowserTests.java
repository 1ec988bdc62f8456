package vn.urbanorder.console.web.province;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.PageChecks;

/**
 * The province's wards as its admin keeps them in Chromium: signed in, they land on the province's
 * home with their province named in the bar; they create a ward from pasted GeoJSON, rename it,
 * give it a new area from a later date, create its first admin (the one-time password shown
 * once), and import wards from a file after a preview that shows, on a map too, what each feature
 * would do and refuses a file with errors. The province's inspector reads the list only. At a
 * desk and on a phone.
 */
@BrowserTest
class ConsoleProvinceWardsBrowserTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    DatabaseClient database;

    @Test
    void theProvinceAdminCreatesAWardItsAreaAndFirstAdminThenImportsWards(BrowserSession browser) {
        String admin = ProvinceOfficers.create(database, "PROVINCE_ADMIN");
        Page page = browser.desk();
        ProvinceOfficers.signedIn(page, admin);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/province$"));
        assertThat(page.locator(".bar .province-name")).hasText("Thành phố Hà Nội");
        assertThat(link(page, "Phường, xã")).isVisible();
        assertThat(link(page, "Người dùng")).isVisible();
        assertThat(link(page, "Hàng việc")).hasCount(0);

        // The list: the demo ward among them, on the map.
        link(page, "Phường, xã").click();
        ProvinceOfficers.mapReady(page, "wards-map");
        assertThat(page.locator("#wards tr[data-code=GT]")).isVisible();
        assertThat(Integer.parseInt(page.locator("#wards-map").getAttribute("data-shown")))
                .isEqualTo(page.locator("#wards tbody tr").count());
        BrowserSession.screenshot(page, "province-wards-desk");

        // A new ward from pasted GeoJSON: a code already taken is said beside the code first.
        String code = code();
        double[] corner = corner();
        link(page, "Thêm phường, xã").click();
        page.getByLabel("Mã").fill("GT");
        page.getByLabel("Tên").fill("Phường Thử Nghiệm");
        page.getByLabel("hoặc dán GeoJSON vào đây").fill(square(corner, 0.01));
        button(page, "Tạo phường, xã").click();
        assertThat(page.locator("#ward-code ~ p.error")).isVisible();
        assertThat(page.getByLabel("Tên")).hasValue("Phường Thử Nghiệm");
        page.getByLabel("Mã").fill(code);
        button(page, "Tạo phường, xã").click();
        ProvinceOfficers.mapReady(page, "ward-map");
        assertThat(page.locator("h1")).containsText("Phường Thử Nghiệm");
        assertThat(page.locator(".notice.good")).containsText("Đã tạo phường, xã");
        assertThat(page.locator("#area-versions tbody tr")).hasCount(1);
        assertThat(page.locator("#ward-map")).hasAttribute("data-shown", "1");

        // Renamed.
        page.locator("#ward-rename").fill("Phường Thử Nghiệm Mới");
        button(page, "Đổi tên").click();
        assertThat(page.locator(".notice.good")).hasText("Đã đổi tên.");
        assertThat(page.locator("h1")).containsText("Phường Thử Nghiệm Mới");

        // A new area from a later date: the one in force stays, the new one is coming.
        LocalDate later = LocalDate.now(VIETNAM).plusDays(3);
        page.locator("#area-area").fill(feature(square(corner, 0.012)));
        page.locator("#area-from").fill(later.toString());
        button(page, "Lưu địa bàn mới").click();
        ProvinceOfficers.mapReady(page, "ward-map");
        assertThat(page.locator(".notice.good")).hasText("Đã lưu địa bàn mới.");
        assertThat(page.locator("#area-versions tbody tr")).hasCount(2);
        assertThat(page.locator("#area-versions tr[data-state=inForce]")).hasCount(1);
        assertThat(page.locator("#area-versions tr[data-state=coming] td").first())
                .hasText(later.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(page.locator("#ward-map")).hasAttribute("data-shown", "2");
        // A file that is no GeoJSON is refused before the API is asked.
        page.locator("#area-area").fill("không phải GeoJSON");
        button(page, "Lưu địa bàn mới").click();
        assertThat(page.locator(".new-area .error")).containsText("Không đọc được GeoJSON này.");

        // The first admin, with a one-time password shown once.
        assertThat(page.locator("#ward-admins")).hasCount(0);
        String wardAdmin = "qt." + code.toLowerCase(Locale.ROOT);
        page.locator("#admin-username").fill(wardAdmin);
        page.locator("#admin-name").fill("Nguyễn Thị Quản Trị");
        button(page, "Tạo quản trị phường").click();
        assertThat(page.locator("h1")).hasText("Đã tạo quản trị phường");
        assertThat(page.locator(".one-time-password"))
                .hasText(java.util.regex.Pattern.compile("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$"));
        BrowserSession.screenshot(page, "province-admin-once-desk");
        link(page, "Về trang phường, xã").click();
        ProvinceOfficers.mapReady(page, "ward-map");
        assertThat(page.locator("#ward-admins tr[data-username='" + wardAdmin + "']"))
                .containsText("chưa đổi mật khẩu dùng một lần");
        assertThat(PageChecks.overflowPx(page)).isZero();
        BrowserSession.screenshot(page, "province-ward-desk");

        // Import: a file with an error is refused, with the error by feature; nothing to apply.
        String fresh = code();
        String broken = collection(
                wardFeature(fresh, "Xã Mới Nhập", square(corner(), 0.01)),
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code() + "\",\"name\":\"Xã Lỗi\"}}");
        page.navigate("/console/province/wards/import");
        ProvinceOfficers.mapReady(page, "import-map");
        page.getByLabel("Tệp GeoJSON ranh giới").setInputFiles(file("loi.geojson", broken));
        button(page, "Xem trước").click();
        assertThat(page.locator("#import-problems tr.problem").first()).containsText("số 2");
        assertThat(button(page, "Nhập các phường, xã này")).hasCount(0);

        // A good file: one new ward, the one made above renamed; previewed, drawn, then imported.
        LocalDate from = later.plusDays(1);
        String good = collection(
                wardFeature(fresh, "Xã Mới Nhập", square(corner(), 0.01)),
                wardFeature(code, "Phường Đổi Tên Khi Nhập", square(corner, 0.012)));
        page.getByLabel("Tệp GeoJSON ranh giới").setInputFiles(file("ranh-gioi.geojson", good));
        page.getByLabel("Có hiệu lực từ ngày").fill(from.toString());
        button(page, "Xem trước").click();
        assertThat(page.locator("#count-added")).hasText("1");
        assertThat(page.locator("#count-changed")).hasText("1");
        assertThat(page.locator("#import-items tr[data-code=" + fresh + "]")).containsText("tạo mới");
        assertThat(page.locator("#import-items tr[data-code=" + code + "]")).containsText("đổi tên");
        page.waitForFunction("() => document.querySelector('#import-map').dataset.shown === '2'");
        assertThat(PageChecks.overflowPx(page)).isZero();
        BrowserSession.screenshot(page, "province-import-desk");
        button(page, "Nhập các phường, xã này").click();
        page.waitForURL("**/console/province/wards?**");
        ProvinceOfficers.mapReady(page, "wards-map");
        assertThat(page.locator(".notice.good")).containsText("1 phường, xã mới, 1 thay đổi");
        assertThat(page.locator("#wards tr[data-code=" + fresh + "]")).containsText("Xã Mới Nhập");
        assertThat(page.locator("#wards tr[data-code=" + code + "]")).containsText("Phường Đổi Tên Khi Nhập");

        // On a phone.
        Page phone = browser.phone();
        phone.setViewportSize(390, 844);
        ProvinceOfficers.signedIn(phone, admin);
        phone.navigate("/console/province/wards");
        ProvinceOfficers.mapReady(phone, "wards-map");
        assertThat(PageChecks.overflowPx(phone)).isZero();
        BrowserSession.screenshot(phone, "province-wards-phone");
        phone.locator("#wards tr[data-code=" + code + "] a").click();
        ProvinceOfficers.mapReady(phone, "ward-map");
        assertThat(PageChecks.overflowPx(phone)).isZero();
        BrowserSession.screenshot(phone, "province-ward-phone");
        phone.navigate("/console/province/wards/import");
        ProvinceOfficers.mapReady(phone, "import-map");
        phone.getByLabel("Tệp GeoJSON ranh giới").setInputFiles(file("ranh-gioi.geojson", good));
        button(phone, "Xem trước").click();
        assertThat(phone.locator("#count-unchanged")).isVisible();
        assertThat(PageChecks.overflowPx(phone)).isZero();
        BrowserSession.screenshot(phone, "province-import-phone");
        // Only the refusals asked for above (a code taken, a file that is no GeoJSON) were errors.
        assertThat(browser.problems(page).errors())
                .allMatch(error -> error.contains("status of 409") || error.contains("status of 422"));
    }

    @Test
    void theProvinceInspectorReadsTheWardsAndChangesNothing(BrowserSession browser) {
        String inspector = ProvinceOfficers.create(database, "PROVINCE_INSPECTOR");
        Page page = browser.desk();
        ProvinceOfficers.signedIn(page, inspector);
        assertThat(link(page, "Người dùng")).hasCount(0);
        link(page, "Phường, xã").click();
        ProvinceOfficers.mapReady(page, "wards-map");
        assertThat(page.locator("#wards tr[data-code=GT]")).isVisible();
        assertThat(link(page, "Thêm phường, xã")).hasCount(0);
        page.locator("#wards tr[data-code=GT] a").click();
        ProvinceOfficers.mapReady(page, "ward-map");
        assertThat(page.locator("#ward-rename")).hasCount(0);
        assertThat(page.locator(".new-area")).hasCount(0);
        assertThat(page.locator("#ward-admins-title")).hasCount(0);
        // The admin's pages answer the console's 403 page.
        page.navigate("/console/province/wards/new");
        assertThat(page.locator("h1")).hasText("Không được phép");
        page.navigate("/console/province/wards/import");
        assertThat(page.locator("h1")).hasText("Không được phép");
    }

    @Test
    void theProvinceAdminAddsAnOfficerOfTheProvinceOnThePeoplePages(BrowserSession browser) {
        String admin = ProvinceOfficers.create(database, "PROVINCE_ADMIN");
        Page page = browser.desk();
        ProvinceOfficers.signedIn(page, admin);
        link(page, "Người dùng").click();
        assertThat(page.locator("h1")).hasText("Người dùng của tỉnh");
        assertThat(page.locator("tr[data-username='" + admin + "']")).containsText("Quản trị tỉnh");
        link(page, "Thêm người dùng").click();
        // Only the province's roles, and no unit.
        assertThat(page.locator("input[name=roles]")).hasCount(2);
        assertThat(page.locator("#person-unit")).hasCount(0);
        String officer = "gs" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Tên đăng nhập").fill(officer);
        page.getByLabel("Họ tên").fill("Trần Văn Giám Sát");
        page.getByLabel("Giám sát cấp tỉnh").check();
        button(page, "Tạo người dùng").click();
        assertThat(page.locator(".one-time-password")).isVisible();
        link(page, "Mở trang của người dùng").click();
        assertThat(page.getByLabel("Giám sát cấp tỉnh")).isChecked();
        BrowserSession.screenshot(page, "province-person-desk");
        // The units are a ward's: the province admin is sent home.
        page.navigate("/console/units");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/province$"));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static String code() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A south-west corner somewhere west of Hà Nội's centre, away from the demo ward. */
    private static double[] corner() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {105.40 + random.nextDouble(0.3), 20.80 + random.nextDouble(0.15)};
    }

    private static String square(double[] corner, double size) {
        double x = corner[0];
        double y = corner[1];
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                x,
                y,
                x + size,
                y,
                x + size,
                y + size,
                x,
                y + size,
                x,
                y);
    }

    private static String feature(String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + geometry + "}";
    }

    private static String wardFeature(String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\"},\"geometry\":" + geometry + "}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static FilePayload file(String name, String content) {
        return new FilePayload(name, "application/geo+json", content.getBytes(StandardCharsets.UTF_8));
    }
}
