package vn.urbanorder.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Viewer copy settings ({@code urbanorder.photos.copies.*}).
 *
 * @param workers copies made at once: each holds one decoded picture (at most some 40 MB) and a
 *     CPU core while it works
 * @param queue copies waiting for a worker beyond those being made; past it a background copy is
 *     retried later and a request that needs a copy now gets 503 with {@code Retry-After}
 */
@ConfigurationProperties("urbanorder.photos.copies")
public record CopyProperties(
        @DefaultValue("1") int workers, @DefaultValue("100") int queue) {

    public CopyProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("urbanorder.photos.copies.workers must be at least 1");
        }
        if (queue < 0) {
            throw new IllegalArgumentException("urbanorder.photos.copies.queue must not be negative");
        }
    }
}
