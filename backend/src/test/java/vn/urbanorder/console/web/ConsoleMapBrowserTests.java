package vn.urbanorder.console.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportFeatureCollectionDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.Submission;

/**
 * The ward's map as a ward officer uses it: the reports of the visible area as markers and
 * numbered clusters (exactly those the API gives for that area), a filter that narrows them, a
 * click that opens the report, and the report's own small map; tiles stubbed, nothing refused.
 */
@BrowserTest
class ConsoleMapBrowserTests {

    private static final String STATUSES = "UNASSIGNED,ASSIGNED,IN_PROGRESS,REOPENED";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void theMapShowsTheReportsInViewClusteredFilteredAndOpensOneOnClick(BrowserSession browser) {
        String officer = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        List<ReportDto> mine = new ArrayList<>();
        mine.add(Submission.sound().submitted(http, officer));
        mine.add(Submission.sound().category("SANITATION").submitted(http, officer));
        for (int i = 0; i < 3; i++) {
            mine.add(Submission.sound().submitted(http, officer));
        }
        String admin = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        String adminBearer = fixtures.bearer(admin);
        Page page = browser.desk();
        Console console = new Console(page).signedIn(admin, Fixtures.PASSWORD);

        // The ward as its zones frame it: what the map shows is what the API gives for the view.
        console.open("/console/map?status=" + STATUSES);
        Locator map = page.locator("#ward-map");
        assertThat(page.locator("#ward-map[data-state=ready]")).isVisible(Console.PATIENT);
        assertThat(page.locator("#ward-map path.leaflet-interactive").first()).isVisible();
        int all = Integer.parseInt(map.getAttribute("data-shown"));
        assertThat(all)
                .isEqualTo(apiCount(adminBearer, map.getAttribute("data-bbox"), ""))
                .isGreaterThanOrEqualTo(5);
        assertThat(shownOnMap(page))
                .as("reports in single markers and clusters")
                .isEqualTo(all);
        assertThat(page.locator("#map-status")).containsText(all + " phản ánh");
        BrowserSession.screenshot(page, "console-map");

        // One category: fewer reports, each of them of that category.
        String loads = map.getAttribute("data-loads");
        page.getByLabel("Lĩnh vực").selectOption("SANITATION");
        assertThat(page.locator("#ward-map:not([data-loads='" + loads + "'])")).isVisible(Console.PATIENT);
        assertThat(map.getAttribute("data-state"))
                .as(() -> "the map loaded; the page's warnings: "
                        + browser.problems(page).warnings())
                .isEqualTo("ready");
        int sanitation = Integer.parseInt(map.getAttribute("data-shown"));
        assertThat(sanitation)
                .isEqualTo(apiCount(adminBearer, map.getAttribute("data-bbox"), "&category=SANITATION"))
                .isPositive()
                .isLessThan(all);
        assertThat(shownOnMap(page)).isEqualTo(sanitation);
        String sanitationName =
                page.locator("#category option[value=SANITATION]").textContent().strip();
        for (Locator marker :
                page.locator("#ward-map img.leaflet-marker-icon.map-report").all()) {
            assertThat(marker.getAttribute("title")).contains(sanitationName);
        }
        assertThat(page.url()).as("the filter stays in the address").contains("category=SANITATION");

        // And one tổ dân phố, as the queue narrows: what the API gives for that zone.
        var zone = mine.get(1).getAssignment().getZone();
        loads = map.getAttribute("data-loads");
        page.locator("#zone").selectOption(zone.getId().toString());
        assertThat(page.locator("#ward-map:not([data-loads='" + loads + "'])")).isVisible(Console.PATIENT);
        int inZone = Integer.parseInt(map.getAttribute("data-shown"));
        assertThat(inZone)
                .isEqualTo(apiCount(
                        adminBearer, map.getAttribute("data-bbox"), "&category=SANITATION&zoneId=" + zone.getId()))
                .isPositive()
                .isLessThanOrEqualTo(sanitation);
        assertThat(page.url()).contains("zoneId=" + zone.getId());

        // Zoomed far out, the five reports within half a kilometre share at most four cells.
        console.open("/console/map?status=" + STATUSES + "&at="
                + mine.get(0).getLocation().getLat() + ","
                + mine.get(0).getLocation().getLon() + "&zoom=10");
        assertThat(page.locator("#ward-map[data-state=ready]")).isVisible(Console.PATIENT);
        assertThat(page.locator("#ward-map .map-cluster").first()).isVisible();
        assertThat(shownOnMap(page)).isEqualTo(Integer.parseInt(map.getAttribute("data-shown")));

        // Close up every report stands alone; a click opens its page, with its place on a small map.
        ReportDto first = mine.get(0);
        console.open("/console/map?status=" + STATUSES + "&at="
                + first.getLocation().getLat() + "," + first.getLocation().getLon() + "&zoom=19");
        assertThat(page.locator("#ward-map[data-state=ready]")).isVisible(Console.PATIENT);
        Locator marker =
                page.locator("#ward-map img.leaflet-marker-icon.map-report[title^='" + first.getReference() + " ']");
        assertThat(marker).isVisible();
        marker.click();
        page.waitForURL("**/console/reports/" + first.getId());
        assertThat(console.heading(first.getReference())).isVisible();
        assertThat(page.locator(".map.small[data-state=ready]")).isVisible(Console.PATIENT);
        assertThat(page.locator(".map.small img.leaflet-marker-icon.map-report"))
                .isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        BrowserSession.screenshot(page, "console-report-map");

        assertThat(browser.problems(page).policyViolations()).isEmpty();
        assertThat(browser.problems(page).errors())
                .as("console errors, uncaught exceptions")
                .isEmpty();
        assertThat(browser.offSite(page).urls())
                .as("the only requests for other sites are tiles, answered by the stub")
                .isNotEmpty()
                .allMatch(url -> url.matches("https://tile\\.openstreetmap\\.org/\\d+/\\d+/\\d+\\.png"));
    }

    @Test
    void anInspectorSeesTheZonesAsLayersAndTheTileServersCredit(BrowserSession browser) {
        String inspector = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        Page page = browser.desk();
        new Console(page).signedIn(inspector, Fixtures.PASSWORD).open("/console/map");

        assertThat(page.locator("#ward-map[data-state=ready]")).isVisible(Console.PATIENT);
        assertThat(page.locator("#ward-map path.leaflet-interactive").first()).isVisible();
        assertThat(page.locator(".leaflet-control-layers")).containsText("Tổ dân phố");
        assertThat(page.locator(".leaflet-control-attribution")).containsText("© OpenStreetMap");
        assertThat(browser.problems(page).errors()).isEmpty();
    }

    /** Reports on the map: each single marker one, each cluster its number. */
    private static int shownOnMap(Page page) {
        int singles =
                page.locator("#ward-map img.leaflet-marker-icon.map-report").count();
        int clustered = 0;
        for (String count : page.locator("#ward-map .map-cluster").allTextContents()) {
            clustered += Integer.parseInt(count.strip());
        }
        return singles + clustered;
    }

    private int apiCount(String bearer, String bbox, String more) {
        ReportFeatureCollectionDto found = http.get()
                .uri("/api/v1/reports.geojson?limit=2000&status=" + STATUSES + "&bbox=" + bbox + more)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportFeatureCollectionDto.class)
                .returnResult()
                .getResponseBody();
        return found.getFeatures().size();
    }
}
