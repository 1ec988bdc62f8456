package vn.urbanorder.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What a browser context downloads from the service: each finished response's headers and body
 * as they came over the wire (compressed, when the service compressed them), from the moment
 * {@link #watch} is called. It counts the pages' requests and their service workers' (which a
 * DevTools session on the page does not see), and leaves out the stubbed off-site requests.
 *
 * <p>Playwright hands events to the test's thread while the test calls it: read the totals after
 * a wait such as {@code page.waitForLoadState(LoadState.NETWORKIDLE)}.
 */
public final class Transfers {

    /** One response: {@code bytes} is its headers and body as transferred. */
    public record Transfer(String url, String resourceType, int status, long bytes) {}

    private final List<Transfer> finished = new CopyOnWriteArrayList<>();

    private Transfers() {}

    public static Transfers watch(BrowserContext context) {
        Transfers transfers = new Transfers();
        context.onRequestFinished(transfers::finished);
        return transfers;
    }

    public List<Transfer> all() {
        return List.copyOf(finished);
    }

    /** Bytes of every response so far. */
    public long total() {
        return total(url -> true);
    }

    /** Bytes of the responses whose URL passes, e.g. leaving photos out of a budget. */
    public long total(Predicate<String> url) {
        return finished.stream()
                .filter(transfer -> url.test(transfer.url()))
                .mapToLong(Transfer::bytes)
                .sum();
    }

    public void reset() {
        finished.clear();
    }

    private void finished(Request request) {
        Response response = request.response();
        if (response == null || OffSiteRequests.offSite(request.url())) {
            return;
        }
        finished.add(
                new Transfer(request.url(), request.resourceType(), response.status(), overTheWire(request, response)));
    }

    /**
     * Nothing for an answer from the HTTP cache (Playwright then reports a negative body size) or
     * from a service worker (whose own fetch, if any, is counted as a request of its own).
     */
    private static long overTheWire(Request request, Response response) {
        if (response.fromServiceWorker()) {
            return 0;
        }
        var sizes = request.sizes();
        long bytes = Math.max(0, sizes.responseHeadersSize + sizes.responseBodySize);
        if (bytes > 0 && sizes.responseBodySize == 0 && response.status() == 200) {
            bytes += bodyLength(response);
        }
        return bytes;
    }

    /**
     * Chromium reports no body size for a service worker's own script: its Content-Length then,
     * or, for a streamed answer, its decoded length (more than went over the wire, never less).
     */
    private static long bodyLength(Response response) {
        String declared = response.headerValue("content-length");
        if (declared != null) {
            return Long.parseLong(declared.trim());
        }
        try {
            return response.body().length;
        } catch (PlaywrightException gone) {
            return 0;
        }
    }
}
