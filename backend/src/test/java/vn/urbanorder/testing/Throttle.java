package vn.urbanorder.testing;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * Network conditions Chromium emulates for one page, through the DevTools protocol's
 * {@code Network.emulateNetworkConditions}: bytes per second each way, and a delay added to every
 * response. Apply before the page loads. It slows the page's own requests; a service worker's
 * fetches run in a target of their own and are not slowed.
 */
public record Throttle(String name, double downloadBytesPerSecond, double uploadBytesPerSecond, double latencyMillis) {

    /**
     * Chrome DevTools' preset, called "Slow 3G" until 2024 and "3G" since (devtools-frontend,
     * {@code NetworkManager.ts}, {@code Slow3GConditions}): 500 kbit/s × 0.8 = 400 kbit/s each
     * way, and a round trip of 400 ms, which DevTools multiplies by 5 before handing it to Chromium
     * (its emulation adds the delay once per request, where a real 3G link pays it on the DNS look-up,
     * the TCP and TLS handshakes and slow start too). This is what DevTools itself sends.
     */
    public static final Throttle SLOW_3G = new Throttle("slow 3G", 500 * 1000 / 8 * 0.8, 500 * 1000 / 8 * 0.8, 400 * 5);

    /** Kilobits per second (1 kbit = 1000 bits) each way and the added delay, in milliseconds. */
    public static Throttle of(String name, double downloadKbits, double uploadKbits, double latencyMillis) {
        return new Throttle(name, downloadKbits * 1000 / 8, uploadKbits * 1000 / 8, latencyMillis);
    }

    /** Slows the page's requests from now on; the session ends with the page. */
    public CDPSession applyTo(Page page) {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", latencyMillis);
        conditions.addProperty("downloadThroughput", downloadBytesPerSecond);
        conditions.addProperty("uploadThroughput", uploadBytesPerSecond);
        devTools.send("Network.emulateNetworkConditions", conditions);
        return devTools;
    }
}
