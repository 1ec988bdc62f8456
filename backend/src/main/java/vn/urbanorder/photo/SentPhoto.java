package vn.urbanorder.photo;

import java.nio.file.Path;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * A photo as its request brought it, before {@link IncomingPhotos} receives it: either bytes still
 * to come, which it writes to a file and hashes, or a file the web layer has already written and
 * hashed as the bytes arrived, which it takes over as it is (a rename into its folder on the same
 * file system), neither reading nor writing the bytes again.
 */
public sealed interface SentPhoto {

    static SentPhoto streamed(Flux<DataBuffer> content) {
        return new Streamed(content);
    }

    /** A file of the caller's that intake takes over: the caller must not use it afterwards. */
    static SentPhoto written(Path file, long sizeBytes, String sha256) {
        return new Written(file, sizeBytes, sha256);
    }

    record Streamed(Flux<DataBuffer> content) implements SentPhoto {}

    record Written(Path file, long sizeBytes, String sha256) implements SentPhoto {}
}
