package vn.urbanorder.console.web.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.identity.DeskSessions;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * Who reaches the province's pages: the province's officers are sent home from the console's
 * front page and from every ward page (which would only meet the API's 403), and keep their own
 * pages; a ward's people, whatever their role, get the console's 403 page there.
 */
@IntegrationTest
class ConsoleProvinceAccessIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    /** Every ward page a province officer could be sent to by a link or an old bookmark. */
    private static final List<String> WARD_PAGES = List.of(
            "/console",
            "/console/",
            "/console/queue",
            "/console/map",
            "/console/reviews",
            "/console/rounds",
            "/console/scorecards",
            "/console/figures",
            "/console/figures/download?period=2026-01&format=xlsx",
            "/console/units",
            "/console/setup/map",
            "/console/setup/rules",
            "/console/reports/" + UUID.randomUUID());

    private static final List<String> PROVINCE_PAGES =
            List.of("/console/province", "/console/province/wards", "/console/province/wards/new");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    WebTestClient http;

    @BeforeEach
    void browser() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void provinceOfficersAreSentHomeFromEveryWardPage() {
        for (String role : List.of("PROVINCE_ADMIN", "PROVINCE_INSPECTOR")) {
            String session = signIn(provinceOfficer(role));
            for (String ward : WARD_PAGES) {
                http.get()
                        .uri(ward)
                        .cookie(DeskSessions.COOKIE, session)
                        .exchange()
                        .expectStatus()
                        .isSeeOther()
                        .expectHeader()
                        .location("/console/province");
            }
            // A partial update (htmx) is told to load the home page whole.
            http.get()
                    .uri("/console/queue")
                    .header("HX-Request", "true")
                    .cookie(DeskSessions.COOKIE, session)
                    .exchange()
                    .expectHeader()
                    .valueEquals("HX-Redirect", "/console/province");
            page(session, "/console/province").expectStatus().isOk();
            page(session, "/console/account").expectStatus().isOk();
        }
    }

    @Test
    void theProvinceAdminHasThePeoplePagesForTheProvincesOwnOfficers() {
        String admin = provinceOfficer("PROVINCE_ADMIN");
        String session = signIn(admin);
        String people = body(page(session, "/console/people").expectStatus().isOk());
        assertThat(people).contains("Người dùng của tỉnh").contains(admin).doesNotContain("Đơn vị</th>");
        String blank = body(page(session, "/console/people/new").expectStatus().isOk());
        assertThat(blank)
                .contains("value=\"PROVINCE_ADMIN\"", "value=\"PROVINCE_INSPECTOR\"")
                .doesNotContain("value=\"PATROL\"", "value=\"WARD_ADMIN\"", "name=\"unitId\"");
        // The units are a ward's: home.
        page(session, "/console/units").expectStatus().isSeeOther();
        // The inspector of the province has no people pages.
        String inspector = signIn(provinceOfficer("PROVINCE_INSPECTOR"));
        page(inspector, "/console/people").expectStatus().isForbidden();
        page(inspector, "/console/people/new").expectStatus().isForbidden();
    }

    @Test
    void aWardsPeopleGetTheForbiddenPageOnTheProvincesPages() {
        for (String role : List.of("WARD_ADMIN", "INSPECTOR", "PATROL", "UNIT_STAFF")) {
            String session = role.equals("UNIT_STAFF")
                    ? signIn(fixtures.user(Fixtures.DEMO_WARD, fixtures.unit(Fixtures.DEMO_WARD), role))
                    : signIn(fixtures.user(Fixtures.DEMO_WARD, role));
            for (String province : PROVINCE_PAGES) {
                assertThat(body(page(session, province).expectStatus().isForbidden()))
                        .as(role + " on " + province)
                        .contains("Không được phép");
            }
        }
    }

    /** A new officer of the demo province, without a ward. */
    private String provinceOfficer(String role) {
        return ProvinceOfficers.create(database, role);
    }

    private WebTestClient.ResponseSpec page(String session, String path) {
        return http.get().uri(path).cookie(DeskSessions.COOKIE, session).exchange();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return String.join(
                "",
                response.returnResult(String.class)
                        .getResponseBody()
                        .collectList()
                        .block());
    }

    private String signIn(String username) {
        var result = http.get().uri("/console/sign-in").exchange().returnResult(String.class);
        Matcher token = TOKEN.matcher(
                String.join("", result.getResponseBody().collectList().block()));
        assertThat(token.find()).isTrue();
        String csrfCookie = result.getResponseCookies().getFirst("UO_DESK_CSRF").getValue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token.group(1));
        form.add("username", username);
        form.add("password", Fixtures.PASSWORD);
        return http.post()
                .uri("/console/sign-in")
                .cookie("UO_DESK_CSRF", csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst(DeskSessions.COOKIE)
                .getValue();
    }
}
