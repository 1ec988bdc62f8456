package vn.urbanorder.photo;

import java.time.Instant;
import org.springframework.core.io.Resource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where photo files live, content-addressed by SHA-256: storing the same bytes twice keeps one
 * file. A local folder by default; an S3-compatible store can take its place.
 */
public interface PhotoStorage {

    /** Stores the bytes under their hash; true when this call created the file. */
    Mono<Boolean> store(String sha256, byte[] bytes);

    /** Removes a file this service stored and no record refers to. */
    Mono<Void> delete(String sha256);

    Mono<Boolean> exists(String sha256);

    /** Hashes of the stored files last written before the cutoff. */
    Flux<String> storedBefore(Instant cutoff);

    /** Removes half-written files (of writes that never finished) from before the cutoff. */
    Mono<Long> removePartialsBefore(Instant cutoff);

    /** The stored file, to be streamed to a client. */
    Mono<Resource> resource(String sha256);
}
