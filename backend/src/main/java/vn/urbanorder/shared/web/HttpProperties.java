package vn.urbanorder.shared.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the service waits for slow request bodies, and where multipart uploads wait for their
 * request ({@code urbanorder.http.*}). The idle timeout of connections is Spring Boot's own
 * {@code server.netty.idle-timeout}.
 *
 * @param bodyReadTimeout the longest a request body may pause; beyond, it is cut off with 408
 * @param bodyTimeout the longest a request body may take to arrive, counted from its headers; beyond,
 *     it is cut off with 408. It must fit the largest submission on the slowest link served.
 * @param multipartDir where parts too large for memory are spooled ({@code urbanorder-multipart}
 *     in the JVM's temporary folder by default); each file goes with its request, and the folder is
 *     emptied at start-up and shutdown, so give each instance its own
 */
@ConfigurationProperties("urbanorder.http")
record HttpProperties(
        @DefaultValue("30s") Duration bodyReadTimeout,
        @DefaultValue("5m") Duration bodyTimeout,
        Path multipartDir) {

    HttpProperties {
        if (multipartDir == null) {
            multipartDir = Path.of(System.getProperty("java.io.tmpdir"), "urbanorder-multipart");
        }
    }
}
