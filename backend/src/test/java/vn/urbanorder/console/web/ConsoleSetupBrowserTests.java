package vn.urbanorder.console.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.AssignmentRuleListDto;
import vn.urbanorder.api.model.DeadlinePolicyDto;
import vn.urbanorder.api.model.LocationPolicyDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ZoneFeatureCollectionDto;
import vn.urbanorder.api.model.ZoneVersionListDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Screen;
import vn.urbanorder.testing.Submission;

/**
 * The ward's set-up as its admin runs it in the console: a zone file previewed over the map, then
 * applied (and a new report in the changed zone goes to its new unit), a broken file, a cancel, a
 * map changed by someone else in between; the rules and policies as forms with the API's errors
 * beside their fields; nobody else gets in, and nothing changes without the page's token. Each
 * test has a ward of its own; map tiles are stubbed.
 */
@BrowserTest
class ConsoleSetupBrowserTests {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    static final String WEST = """
            {"type": "Feature", "properties": {"code": "WEST", "name": "Tổ dân phố 1", "kind": "ZONE"},
             "geometry": {"type": "Polygon", "coordinates": [[[105.8790, 21.0400], [105.8850, 21.0398],
               [105.8860, 21.0505], [105.8805, 21.0510], [105.8790, 21.0400]]]}}""";
    static final String EAST = """
            {"type": "Feature", "properties": {"code": "EAST", "name": "Tổ dân phố 2", "kind": "ZONE"},
             "geometry": {"type": "Polygon", "coordinates": [[[105.8850, 21.0398], [105.8900, 21.0397],
               [105.8900, 21.0501], [105.8860, 21.0505], [105.8850, 21.0398]]]}}""";
    static final String S1 = """
            {"type": "Feature", "properties": {"code": "S1", "name": "Tuyến phố thử", "kind": "SEGMENT",
               "unitCode": "DCXD", "bufferM": 15},
             "geometry": {"type": "LineString", "coordinates": [[105.8810, 21.0450], [105.8840, 21.0450]]}}""";
    /** WEST renamed and handed to VSMT; EAST's corner moved; S1 left out; S2 added. */
    static final String WEST_TO_VSMT = WEST.replace("Tổ dân phố 1", "Tổ dân phố 1 mới")
            .replace("\"kind\": \"ZONE\"", "\"kind\": \"ZONE\", \"unitCode\": \"VSMT\"");

    static final String EAST_MOVED = EAST.replace("[105.8900, 21.0501]", "[105.8901, 21.0501]");
    static final String S2 = """
            {"type": "Feature", "properties": {"code": "S2", "name": "Tuyến mới", "kind": "SEGMENT"},
             "geometry": {"type": "LineString", "coordinates": [[105.8860, 21.0460], [105.8890, 21.0460]]}}""";
    static final String OUTSIDE = """
            {"type": "Feature", "properties": {"code": "FAR", "name": "Xa", "kind": "ZONE"},
             "geometry": {"type": "Polygon", "coordinates": [[[106.0, 21.0], [106.1, 21.0], [106.1, 21.1],
               [106.0, 21.0]]]}}""";
    /** In WEST, away from S1. */
    static final double[] IN_WEST = {21.0420, 105.8830};

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    /** A ward of its own: three units, the map WEST, EAST and S1 (version 1), TTDT the ward default. */
    record Ward(UUID id, String admin, String bearer) {}

    Ward ward() {
        UUID id = fixtures.ward();
        String admin = fixtures.user(id, "WARD_ADMIN");
        String bearer = fixtures.bearer(admin);
        for (String unit : new String[] {"TTDT", "DCXD", "VSMT"}) {
            http.post()
                    .uri("/api/v1/units")
                    .header("Authorization", bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"code\": \"" + unit + "\", \"name\": \"Đơn vị " + unit + "\", \"kind\": \"OTHER\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        importMap(bearer, collection(WEST, EAST, S1)).expectStatus().isOk();
        http.put()
                .uri("/api/v1/assignment-rules")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rules\": [{\"unitCode\": \"TTDT\"}]}")
                .exchange()
                .expectStatus()
                .isOk();
        return new Ward(id, admin, bearer);
    }

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"TABLET", "DESK"})
    void anAdminPreviewsAZoneFileOverTheMapAppliesItAndTheNextReportGoesToTheNewUnit(
            Screen screen, BrowserSession browser) {
        Ward ward = ward();
        String size = screen.name().toLowerCase(Locale.ROOT);
        Page page = browser.open(screen);
        Console console =
                new Console(page).signedIn(ward.admin(), Fixtures.PASSWORD).open("/console/setup/map");
        Locator map = page.locator("#setup-map");
        assertThat(page.locator("#setup-map[data-state=ready]")).isVisible(Console.PATIENT);
        assertThat(map).hasAttribute("data-drawn-current", "3");
        assertThat(console.heading("Bản đồ hiện hành (phiên bản 1)")).isVisible();
        checked(page, "console-setup-map-" + size);

        choose(page, collection(WEST_TO_VSMT, EAST_MOVED, S2));
        console.button("Xem trước").click();
        assertThat(page.locator("#map-preview[data-previewed=true]")).isVisible(Console.PATIENT);
        assertThat(page.locator("#setup-map[data-drawing=preview]")).isAttached(ATTACHED);
        assertThat(page.locator("#count-added")).hasText("1");
        assertThat(page.locator("#count-changed")).hasText("2");
        assertThat(page.locator("#count-removed")).hasText("1");
        assertThat(page.locator("#count-unchanged")).hasText("0");
        assertThat(page.locator(".change-list.changed")).containsText("tên: Tổ dân phố 1 → Tổ dân phố 1 mới");
        assertThat(page.locator(".change-list.changed")).containsText("đơn vị: — → VSMT");
        assertThat(page.locator(".change-list.changed")).containsText("hình dạng thay đổi");
        assertThat(page.locator(".change-list.removed")).containsText("S1");
        assertThat(map).hasAttribute("data-drawn-added", "1");
        assertThat(map).hasAttribute("data-drawn-changed", "2");
        assertThat(map).hasAttribute("data-drawn-was", "2");
        assertThat(map).hasAttribute("data-drawn-removed", "1");
        assertThat(page.locator("#setup-map path.leaflet-interactive")).hasCount(6);
        assertThat(codes(ward)).as("a preview changes nothing").containsExactly("EAST", "WEST", "S1");
        checked(page, "console-setup-map-preview-" + size);

        console.button("Áp dụng bản đồ này").click();
        page.waitForURL("**/console/setup/map?applied=2", new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(page.locator(".notice.good"))
                .containsText("Đã áp dụng bản đồ phiên bản 2: 1 thêm mới, 2 thay đổi, 1 bị bỏ.");
        assertThat(codes(ward)).containsExactly("EAST", "WEST", "S2");
        assertThat(page.locator("table.versions tbody tr").first()).containsText(ward.admin());
        assertThat(page.locator("#setup-map[data-state=ready]")).isAttached(ATTACHED);
        BrowserSession.screenshot(page, "console-setup-map-applied-" + size);

        // The map as it stood before: version 1, drawn from the API's past map.
        page.locator("table.versions tbody tr")
                .nth(1)
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Xem trên bản đồ"))
                .click();
        page.waitForURL("**/console/setup/map?version=1");
        assertThat(page.locator("#setup-map-title")).containsText("Bản đồ phiên bản 1, từ");
        assertThat(page.locator("#setup-map[data-drawing=current]")).isAttached(ATTACHED);
        assertThat(page.locator("#setup-map")).hasAttribute("data-drawn-current", "3");

        // A patrol's next report in WEST goes to the unit the new map gives it.
        ReportDto report = Submission.sound()
                .category("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY")
                .at(IN_WEST)
                .submitted(http, fixtures.bearer(fixtures.user(ward.id(), "PATROL")));
        assertThat(report.getAssignment().getUnit().getCode()).isEqualTo("VSMT");
        assertThat(report.getAssignment().getZone().getName()).isEqualTo("Tổ dân phố 1 mới");
        assertThat(browser.problems(page).errors()).isEmpty();
        assertThat(browser.problems(page).policyViolations()).isEmpty();
        assertThat(browser.offSite(page).urls())
                .allMatch(url -> url.matches("https://tile\\.openstreetmap\\.org/\\d+/\\d+/\\d+\\.png"));
    }

    @Test
    void aBrokenFileShowsEveryProblemAndChangesNothingAndCancelLeavesTheMapAsItWas(BrowserSession browser) {
        Ward ward = ward();
        Page page = browser.desk();
        Console console =
                new Console(page).signedIn(ward.admin(), Fixtures.PASSWORD).open("/console/setup/map");
        assertThat(page.locator("#setup-map[data-state=ready]")).isAttached(ATTACHED);

        choose(page, collection(WEST, OUTSIDE, S1.replace("\"DCXD\"", "\"NOPE\"")));
        console.button("Xem trước").click();
        assertThat(page.locator("#map-preview[data-previewed=true]")).isVisible(Console.PATIENT);
        Locator problems = page.locator(".problems tr.problem");
        assertThat(problems).hasCount(2);
        assertThat(page.locator(".problems tr[data-field='features[1].geometry']"))
                .containsText("nằm ngoài địa bàn phường");
        assertThat(page.locator(".problems tr[data-field='features[1].geometry']"))
                .containsText("FAR");
        assertThat(page.locator(".problems tr[data-field='features[2].properties.unitCode']"))
                .containsText("NOPE");
        assertThat(console.button("Áp dụng bản đồ này")).hasCount(0);
        assertThat(page.locator("#setup-map")).hasAttribute("data-drawn-problem", "2");
        checked(page, "console-setup-map-problems");
        assertThat(codes(ward)).containsExactly("EAST", "WEST", "S1");

        // A sound file, previewed, then cancelled.
        choose(page, collection(WEST_TO_VSMT, EAST));
        console.button("Xem trước").click();
        assertThat(console.button("Áp dụng bản đồ này")).isVisible(Console.PATIENT);
        console.link("Hủy").click();
        page.waitForURL("**/console/setup/map");
        assertThat(page.locator("#map-preview[data-previewed=true]")).hasCount(0);
        assertThat(codes(ward)).containsExactly("EAST", "WEST", "S1");
        assertThat(versions(ward)).isEqualTo(1);
        assertThat(browser.problems(page).errors()).isEmpty();
    }

    @Test
    void aMapChangedBySomeoneElseBetweenPreviewAndApplyIsRefusedWithAClearMessage(BrowserSession browser) {
        Ward ward = ward();
        Page page = browser.desk();
        Console console =
                new Console(page).signedIn(ward.admin(), Fixtures.PASSWORD).open("/console/setup/map");
        choose(page, collection(WEST_TO_VSMT, EAST));
        console.button("Xem trước").click();
        assertThat(console.button("Áp dụng bản đồ này")).isVisible(Console.PATIENT);

        String other = fixtures.bearer(fixtures.user(ward.id(), "WARD_ADMIN"));
        importMap(other, collection(WEST, EAST, S1, S2)).expectStatus().isOk();

        console.button("Áp dụng bản đồ này").click();
        assertThat(page.locator("#map-preview .notice.bad"))
                .containsText("vừa được người khác thay đổi sau khi bạn xem trước");
        assertThat(codes(ward)).containsExactly("EAST", "WEST", "S1", "S2");
        assertThat(versions(ward)).isEqualTo(2);
        BrowserSession.screenshot(page, "console-setup-map-changed-since");

        // Previewed again, against the map now in force, it applies.
        console.button("Xem trước").click();
        assertThat(page.locator("#count-removed")).hasText("2");
        // Drawn over the map now in force, read again.
        assertThat(page.locator("#setup-map[data-drawn-removed='2']")).isAttached(ATTACHED);
        console.button("Áp dụng bản đồ này").click();
        page.waitForURL("**/console/setup/map?applied=3", new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(codes(ward)).containsExactly("EAST", "WEST");
    }

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"TABLET", "DESK"})
    void theRulesAndPoliciesAreFormsThatShowTheApisErrorsBesideTheirFieldsAndSaveWhole(
            Screen screen, BrowserSession browser) {
        Ward ward = ward();
        String size = screen.name().toLowerCase(Locale.ROOT);
        Page page = browser.open(screen);
        Console console =
                new Console(page).signedIn(ward.admin(), Fixtures.PASSWORD).open("/console/setup/rules");

        // Rules: an unknown unit (as a stale page might send) and a second ward default.
        assertThat(page.locator("#unit-0")).hasValue("TTDT");
        page.locator("#category-1").selectOption("SANITATION");
        page.evaluate("() => document.getElementById('unit-1').add(new Option('NOPE', 'NOPE', true, true))");
        page.locator("#unit-2").selectOption("DCXD");
        console.button("Lưu").click();
        assertThat(page.locator("tr[data-row='1'] td:nth-child(4) .error")).containsText("không có đơn vị mã 'NOPE'");
        assertThat(page.locator("tr[data-row='2'] td:nth-child(4) .error")).containsText("trùng điều kiện");
        assertThat(page.locator("tr[data-row='0'] .error")).hasCount(0);
        assertThat(page.locator(".notice.bad")).containsText("Chưa lưu gì");
        assertThat(rules(ward).getRules()).as("refused whole").hasSize(1);
        checked(page, "console-setup-rules-errors-" + size);

        page.locator("#unit-1").selectOption("VSMT");
        page.locator("#zone-2").selectOption("EAST");
        console.button("Lưu").click();
        assertThat(page.locator(".notice.good")).containsText("Đã lưu quy tắc giao việc");
        assertThat(rules(ward).getRules())
                .extracting(rule -> rule.getZoneCode() + "/" + rule.getCategory() + "/" + rule.getUnitCode())
                .containsExactly("null/null/TTDT", "null/SANITATION/VSMT", "EAST/null/DCXD");

        // Deadlines: hours out of range and a holiday twice.
        console.open("/console/setup/deadlines");
        page.locator("#hours-SANITATION").fill("0");
        page.locator("#holiday-day-0").fill("2027-09-02");
        page.locator("#holiday-name-0").fill("Quốc khánh");
        page.locator("#holiday-day-1").fill("2027-09-02");
        page.locator("#holiday-name-1").fill("Nghỉ lễ Quốc khánh");
        console.button("Lưu").click();
        assertThat(page.locator("#hours-error-SANITATION")).containsText("số giờ phải từ 1 đến 8760");
        assertThat(page.locator("tr[data-row='1'] .error")).containsText("ngày này đã có trong danh sách");
        assertThat(page.locator("tr[data-row='0'] .error")).hasCount(0);
        assertThat(page.locator("#holiday-name-1")).hasValue("Nghỉ lễ Quốc khánh");
        assertThat(deadlines(ward).getHolidays()).as("refused whole").isEmpty();
        checked(page, "console-setup-deadlines-errors-" + size);

        page.locator("#hours-SANITATION").fill("36");
        page.locator("#holiday-day-1").fill("2027-09-01");
        console.button("Lưu").click();
        assertThat(page.locator(".notice.good")).containsText("Đã lưu");
        DeadlinePolicyDto policy = deadlines(ward);
        assertThat(policy.getHours()).containsEntry("SANITATION", 36);
        assertThat(policy.getHolidays())
                .extracting(holiday -> holiday.getDay() + " " + holiday.getName())
                .containsExactly("2027-09-01 Nghỉ lễ Quốc khánh", "2027-09-02 Quốc khánh");
        assertThat(page.locator("#holiday-day-0")).hasValue("2027-09-01");

        // Location policy: a radius past 200 m.
        console.open("/console/setup/locations");
        page.locator("#radius-SANITATION").fill("500");
        page.locator("#factor-SANITATION").fill("0,4");
        console.button("Lưu").click();
        assertThat(page.locator("tr:has(#radius-SANITATION) .error")).containsText("bán kính phải từ 1 đến 200 m");
        assertThat(page.locator("#radius-SANITATION")).hasValue("500");
        checked(page, "console-setup-locations-errors-" + size);
        page.locator("#radius-SANITATION").fill("40");
        console.button("Lưu").click();
        assertThat(page.locator(".notice.good")).containsText("Đã lưu");
        assertThat(locations(ward).getCategories())
                .filteredOn(rule -> rule.getCategory().equals("SANITATION"))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getRadiusM()).isEqualTo(40.0);
                    assertThat(rule.getRepeatDeadlineFactor()).isEqualTo(0.4);
                });
        // A refused form comes back as a 422 page, which Chromium notes; nothing else may go wrong.
        assertThat(browser.problems(page).errors())
                .filteredOn(error -> !error.contains("status of 422"))
                .isEmpty();
    }

    @Test
    void onlyTheWardAdminGetsInAndNothingChangesWithoutThePagesToken(BrowserSession browser) {
        Ward ward = ward();
        List<String> people = List.of(
                fixtures.user(ward.id(), "INSPECTOR"),
                fixtures.user(ward.id(), fixtures.unit(ward.id()), "UNIT_STAFF"),
                fixtures.user(ward.id(), "PATROL"));
        for (String person : people) {
            Page page = browser.desk();
            Console console = new Console(page).signedIn(person, Fixtures.PASSWORD);
            for (String path : List.of(
                    "/console/setup/map",
                    "/console/setup/rules",
                    "/console/setup/deadlines",
                    "/console/setup/locations",
                    "/console/setup/map/zones.geojson")) {
                Response response = page.navigate(path);
                assertThat(response.status()).as(person + " on " + path).isEqualTo(403);
            }
            page.navigate("/console/setup/map");
            assertThat(console.heading("Không được phép")).isVisible();
            page.context().close();
        }

        Page page = browser.desk();
        new Console(page).signedIn(ward.admin(), Fixtures.PASSWORD).open("/console/setup/rules");
        APIResponse rules = page.context()
                .request()
                .post(
                        "/console/setup/rules",
                        RequestOptions.create()
                                .setForm(FormData.create().set("unitCode", "DCXD"))
                                .setMaxRedirects(0));
        APIResponse apply = page.context()
                .request()
                .post(
                        "/console/setup/map/apply",
                        RequestOptions.create()
                                .setMultipart(FormData.create()
                                        .set("mapVersion", "1")
                                        .set(
                                                "file",
                                                new FilePayload(
                                                        "ban-do.geojson",
                                                        "application/geo+json",
                                                        collection(WEST).getBytes(StandardCharsets.UTF_8))))
                                .setMaxRedirects(0));
        assertThat(rules.status()).isEqualTo(403);
        assertThat(rules.text()).contains("thiếu mã bảo vệ của trang (CSRF)");
        assertThat(apply.status()).isEqualTo(403);
        assertThat(rules(ward).getRules())
                .extracting(rule -> rule.getUnitCode())
                .containsExactly("TTDT");
        assertThat(codes(ward)).containsExactly("EAST", "WEST", "S1");
    }

    private static final com.microsoft.playwright.assertions.LocatorAssertions.IsAttachedOptions ATTACHED =
            new com.microsoft.playwright.assertions.LocatorAssertions.IsAttachedOptions().setTimeout(30_000);

    /** A screenshot, looked at, and what a tablet's finger and eye need. */
    private static void checked(Page page, String name) {
        BrowserSession.screenshot(page, name);
        assertThat(PageChecks.overflowPx(page))
                .as(name + ": wider than the screen")
                .isLessThanOrEqualTo(0);
        assertThat(PageChecks.smallTargets(page)).as(name + ": small targets").isEmpty();
        assertThat(PageChecks.lowContrast(page)).as(name + ": faint text").isEmpty();
    }

    private static void choose(Page page, String file) {
        page.locator("#map-file")
                .setInputFiles(new FilePayload(
                        "ban-do-moi.geojson", "application/geo+json", file.getBytes(StandardCharsets.UTF_8)));
    }

    static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
    }

    private WebTestClient.ResponseSpec importMap(String bearer, String file) {
        return http.put()
                .uri("/api/v1/zones")
                .header("Authorization", bearer)
                .contentType(GEO_JSON)
                .bodyValue(file)
                .exchange();
    }

    private List<String> codes(Ward ward) {
        return get(ward, "/api/v1/zones", ZoneFeatureCollectionDto.class).getFeatures().stream()
                .map(feature -> feature.getProperties().getCode())
                .toList();
    }

    private long versions(Ward ward) {
        return get(ward, "/api/v1/zones/versions", ZoneVersionListDto.class)
                .getItems()
                .get(0)
                .getVersion();
    }

    private AssignmentRuleListDto rules(Ward ward) {
        return get(ward, "/api/v1/assignment-rules", AssignmentRuleListDto.class);
    }

    private DeadlinePolicyDto deadlines(Ward ward) {
        return get(ward, "/api/v1/deadline-policy", DeadlinePolicyDto.class);
    }

    private LocationPolicyDto locations(Ward ward) {
        return get(ward, "/api/v1/location-policy", LocationPolicyDto.class);
    }

    private <T> T get(Ward ward, String path, Class<T> type) {
        return http.get()
                .uri(path)
                .header("Authorization", ward.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
    }
}
