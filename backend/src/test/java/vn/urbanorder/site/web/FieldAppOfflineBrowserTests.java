package vn.urbanorder.site.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.TestPhotos;

/**
 * The field app without a network, or with one that fails halfway: reports wait on the phone,
 * survive a reload, and reach the service exactly once; the app itself opens offline.
 */
@BrowserTest
class FieldAppOfflineBrowserTests {

    private static final String SEND = "**/api/v1/reports/with-photos";

    /** The signed-in session as the app keeps it in IndexedDB. */
    private static final String READ_SESSION = """
            () => new Promise((resolve, reject) => {
              const opening = indexedDB.open('urbanorder-field');
              opening.onerror = () => reject(opening.error);
              opening.onsuccess = () => {
                const db = opening.result;
                if (!db.objectStoreNames.contains('values')) { db.close(); resolve(null); return; }
                const read = db.transaction('values').objectStore('values').get('session');
                read.onsuccess = () => { db.close(); resolve(read.result ?? null); };
              };
            })""";

    private static final String COUNT_OUTBOX = """
            () => new Promise((resolve, reject) => {
              const opening = indexedDB.open('urbanorder-field');
              opening.onerror = () => reject(opening.error);
              opening.onsuccess = () => {
                const db = opening.result;
                if (!db.objectStoreNames.contains('outbox')) { db.close(); resolve(0); return; }
                const count = db.transaction('outbox').objectStore('outbox').count();
                count.onsuccess = () => { db.close(); resolve(count.result); };
              };
            })""";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void reportsMadeOfflineSurviveAReloadAndArriveOnceEachWithTheirPhotos(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        FieldApp app = new FieldApp(page).signedIn(officer, Fixtures.PASSWORD).installed();

        page.context().setOffline(true);
        app.report("Số 1 Ngọc Thụy", TestPhotos.uniqueJpeg(), TestPhotos.uniqueJpeg());
        assertThat(app.entry("Số 1 Ngọc Thụy")).containsText("Đang chờ gửi");
        app.report("Số 2 Ngọc Thụy", TestPhotos.uniqueJpeg(), TestPhotos.uniqueJpeg());
        assertThat(app.entry("Số 2 Ngọc Thụy")).containsText("Mất kết nối");
        assertThat(page.locator("#queue-count")).hasText("2");
        BrowserSession.screenshot(page, "field-app-offline-queue");

        page.reload();
        assertThat(page.locator(".entry.waiting")).hasCount(2);
        page.context().setOffline(false);

        String first = app.sent("Số 1 Ngọc Thụy");
        String second = app.sent("Số 2 Ngọc Thụy");
        assertThat(page.locator("#queue-count")).isHidden();
        List<ReportDto> reports = reportsBy(officer);
        assertThat(reports).extracting(ReportDto::getReference).containsExactlyInAnyOrder(first, second);
        assertThat(reports).allSatisfy(report -> assertThat(report.getPhotos()).hasSize(2));
    }

    @Test
    void aSendCutOffAfterTheServiceRecordedItIsRetriedAndRecordedOnce(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        FieldApp app = new FieldApp(page).signedIn(officer, Fixtures.PASSWORD);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        // First the service cannot be reached at all; then it records the report but its answer is lost.
        page.route(SEND, Route::abort);
        app.report("Đứt mạng giữa chừng", TestPhotos.uniqueJpeg());
        assertThat(app.entry("Đứt mạng giữa chừng")).containsText("Mất kết nối");

        page.unroute(SEND);
        page.route(SEND, route -> {
            var answer = route.fetch();
            answers.add(answer.status());
            if (answers.size() == 1) {
                route.abort("connectionreset");
            } else {
                route.fulfill(new Route.FulfillOptions().setResponse(answer));
            }
        });
        app.button("Gửi ngay (1)").click();
        assertThat(app.entry("Đứt mạng giữa chừng")).containsText("đã thử 2 lần", FieldApp.PATIENT_TEXT);
        app.button("Gửi ngay (1)").click();

        String reference = app.sent("Đứt mạng giữa chừng");
        assertThat(answers)
                .as("recorded, then a retry answered with the original")
                .containsExactly(201, 200);
        assertThat(reportsBy(officer)).extracting(ReportDto::getReference).containsExactly(reference);
    }

    @Test
    void theAppOpensWithNoNetworkAfterTheFirstVisit(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        new FieldApp(page).signedIn(officer, Fixtures.PASSWORD).installed();

        page.context().setOffline(true);
        Page later = page.context().newPage();
        later.navigate("/app/");

        FieldApp offline = new FieldApp(later);
        assertThat(offline.heading("Báo vi phạm mới")).isVisible(FieldApp.PATIENT);
        assertThat(later.locator("#network")).hasText("Mất mạng");
        // The three categories kept from the last visit, after "choose one".
        assertThat(later.getByLabel("Lĩnh vực vi phạm").locator("option")).hasCount(4);
        BrowserSession.screenshot(later, "field-app-offline-open");
    }

    @Test
    void signingOutWarnsOfUnsentReportsThenEndsTheSignInAndLeavesNothingOnThePhone(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        FieldApp app = new FieldApp(page).signedIn(officer, Fixtures.PASSWORD);
        page.route(SEND, Route::abort);
        app.report("Chưa gửi được", TestPhotos.uniqueJpeg());
        assertThat(app.entry("Chưa gửi được")).containsText("Mất kết nối");
        String refreshToken = (String) session(page).get("refreshToken");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Của tôi"))
                .click();
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        app.button("Đăng xuất").click();
        page.waitForCondition(() -> !asked.isEmpty());
        assertThat(page.locator("#queue-count")).hasText("1");
        assertThat(asked).singleElement().asString().contains("Còn 1 phản ánh chưa gửi được");

        page.onceDialog(dialog -> dialog.accept());
        app.button("Đăng xuất").click();

        assertThat(app.heading("Đăng nhập")).isVisible(FieldApp.PATIENT);
        assertThat(session(page)).as("no session kept").isNull();
        assertThat(page.evaluate(COUNT_OUTBOX)).as("no report kept").isEqualTo(0);
        assertThat(page.evaluate("() => localStorage.length + sessionStorage.length"))
                .isEqualTo(0);
        http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anExpiredAccessTokenIsRenewedAsTheApiRotatesTokensWithoutAskingAgain(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        FieldApp app = new FieldApp(page).signedIn(officer, Fixtures.PASSWORD);
        String firstRefresh = (String) session(page).get("refreshToken");
        // A token the service no longer takes, which the app still believes good for an hour.
        page.evaluate("""
                () => new Promise((resolve) => {
                  const opening = indexedDB.open('urbanorder-field');
                  opening.onsuccess = () => {
                    const db = opening.result;
                    const tx = db.transaction('values', 'readwrite');
                    const store = tx.objectStore('values');
                    store.get('session').onsuccess = (event) => {
                      const kept = event.target.result;
                      store.put({ ...kept, accessToken: 'expired.token.here', accessExpiresAt: Date.now() + 3600000 }, 'session');
                    };
                    tx.oncomplete = () => { db.close(); resolve(); };
                  };
                })""");
        page.reload();

        app.report("Sau khi đổi mã", TestPhotos.uniqueJpeg());
        app.sent("Sau khi đổi mã");

        Map<?, ?> renewed = session(page);
        assertThat(renewed.get("refreshToken")).isNotEqualTo(firstRefresh);
        assertThat(renewed.get("accessToken")).isNotEqualTo("expired.token.here");
        assertThat(app.heading("Đăng nhập")).isHidden();
    }

    private static Map<?, ?> session(Page page) {
        return (Map<?, ?>) page.evaluate(READ_SESSION);
    }

    private List<ReportDto> reportsBy(String username) {
        String id = fixtures.signIn(username).getUser().getId().toString();
        ReportPageDto page = http.get()
                .uri("/api/v1/reports?reporterId=" + id)
                .header("Authorization", fixtures.bearer(username))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).isNotNull();
        return page.getItems();
    }
}
