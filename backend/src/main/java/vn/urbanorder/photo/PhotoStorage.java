package vn.urbanorder.photo;

import java.nio.file.Path;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where photo files live, content-addressed by SHA-256: storing the same bytes twice keeps one
 * file. A local folder by default; an S3-compatible store can take its place. Several
 * installations may share one store, so nothing here lists it: what is removed is named by the
 * caller, who knows from its own database that it staged the file. Beside each original the
 * storage keeps its viewer copies, made from it and named by its hash and their size.
 */
public interface PhotoStorage {

    /**
     * Stores the file's bytes (a local file of the caller's, which it removes afterwards) under
     * their hash; while the write is unfinished it goes by the staging id, so that {@link
     * #removeUnfinished} can find what a crash left. Answers the new file's stamp when this call
     * created it, and nothing when the file was there already; then its stamp is renewed, so that
     * whoever created it can tell that somebody else stored it too.
     */
    Mono<String> store(String sha256, Path file, UUID stagingId);

    /**
     * Removes the file if its stamp is still the given one, that is, nobody has stored the same
     * bytes since the caller created it; true when it was removed.
     */
    Mono<Boolean> deleteIfUnchanged(String sha256, String stamp);

    /** Removes what an unfinished write under the staging id left, if anything. */
    Mono<Void> removeUnfinished(String sha256, UUID stagingId);

    Mono<Boolean> exists(String sha256);

    /** The stored original, to be streamed to a client; empty when there is none. */
    Mono<StoredFile> open(String sha256);

    /**
     * Copies the stored original into a local file of the caller's (which must not exist yet), to
     * make viewer copies from; false when there is no original.
     */
    Mono<Boolean> download(String sha256, Path target);

    /** Keeps a viewer copy of the original; replaces one that is there (it is the same). */
    Mono<Void> storeCopy(String sha256, CopySize size, byte[] jpeg);

    /** A viewer copy of the original, to be streamed to a client; empty when none was made yet. */
    Mono<StoredFile> openCopy(String sha256, CopySize size);
}
