package vn.urbanorder.shared.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The instance's own folder for the parts of multipart uploads too large for memory, instead of a
 * {@code spring-multipart-*} folder in the shared temporary folder that outlives the instance.
 * Each file goes with its request (or is moved away by the feature that keeps it); whatever a
 * crash or a shutdown in mid-request left is deleted at start-up and at shutdown (after the
 * graceful shutdown has let requests finish).
 */
@Component
class MultipartSpool {

    /** How the spooled files end, so that emptying the folder touches nothing else. */
    static final String SUFFIX = ".multipart";

    private static final Logger log = LoggerFactory.getLogger(MultipartSpool.class);

    private final Path folder;

    MultipartSpool(HttpProperties properties) {
        this.folder = properties.multipartDir().toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the multipart folder " + folder, e);
        }
        empty();
    }

    Path folder() {
        return folder;
    }

    @PreDestroy
    void empty() {
        try (Stream<Path> files = Files.list(folder)) {
            // Only the codec's own files, in case the folder was set to one shared with anything else.
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the multipart leftover {}: {}", file, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("Could not empty the multipart folder {}: {}", folder, e.toString());
        }
    }
}
