package vn.urbanorder.identity;

import java.util.List;

/**
 * Origins other than the service's own that console pages may load images from (a map's tile
 * server): a bean of this type widens the console's Content-Security-Policy {@code img-src} by
 * them, and by nothing else.
 */
public interface DeskImageOrigins {

    /** Each as {@code https://host[:port]} (a {@code *.} host for a server with subdomains). */
    List<String> origins();
}
