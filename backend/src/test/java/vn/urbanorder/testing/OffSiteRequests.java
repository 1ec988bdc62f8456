package vn.urbanorder.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps a browser context off the internet: a request to any host but this machine (map tiles,
 * above all) is answered by the test, with an empty 1×1 PNG for an image and a network error for
 * anything else, and noted. The pattern is matched by Playwright's driver, so requests to the
 * service itself are not intercepted.
 */
public final class OffSiteRequests {

    /** Any http(s) URL whose host is not localhost, 127.0.0.1 or [::1]. */
    static final Pattern OFF_SITE = Pattern.compile("^https?://(?!(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d+)?/)");

    /** A transparent 1×1 PNG. */
    static final byte[] EMPTY_PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=");

    private final List<String> urls = new CopyOnWriteArrayList<>();

    private OffSiteRequests() {}

    /** For a context left without the stub: its off-site requests fail to resolve, unnoted. */
    static OffSiteRequests none() {
        return new OffSiteRequests();
    }

    static OffSiteRequests stub(BrowserContext context) {
        OffSiteRequests stubbed = new OffSiteRequests();
        context.route(OFF_SITE, stubbed::answer);
        return stubbed;
    }

    public static boolean offSite(String url) {
        return OFF_SITE.matcher(url).find();
    }

    /** The off-site URLs the context asked for so far. */
    public List<String> urls() {
        return List.copyOf(urls);
    }

    private void answer(Route route) {
        urls.add(route.request().url());
        if ("image".equals(route.request().resourceType())) {
            route.fulfill(new Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("image/png")
                    .setBodyBytes(EMPTY_PNG));
        } else {
            route.abort("internetdisconnected");
        }
    }
}
