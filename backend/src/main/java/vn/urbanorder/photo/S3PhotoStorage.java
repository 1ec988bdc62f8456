package vn.urbanorder.photo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import vn.urbanorder.shared.RandomIds;

/**
 * Photos in a bucket of an S3-compatible store ({@code urbanorder.photos.storage=s3}), named as in
 * {@link S3Bucket}. Every call is asynchronous and streams: uploads are read from the caller's
 * file, downloads are written to one, and what is served flows through as the client reads it,
 * never whole in the heap.
 *
 * <p><b>Stamps.</b> An object's stamp is a random value in its user metadata ({@code
 * x-amz-meta-stamp}), written by whoever creates the object and replaced by whoever stores the
 * same bytes again (a copy of the object onto itself with new metadata): so the creator can tell
 * that somebody else stored it too, as with a local file's modification time. The ETag cannot
 * serve: equal bytes have equal ETags.
 *
 * <p><b>Races.</b> S3 has no "create unless it exists" that every compatible store honours (AWS
 * S3 and some others take {@code If-None-Match: *}, many do not), so a store is a HEAD, then a
 * PUT if the object is absent or a renewal if it is there; and a conditional delete is a HEAD that
 * compares the stamp, then a DELETE. Two writers of the same bytes may both find the object absent
 * and both PUT it: the bytes are the same, the later stamp wins, and each answers its own stamp as
 * if it had created the object. Within one installation that is harmless: {@link Photos} checks
 * and removes a file only under the file's advisory lock in the database, after making sure no
 * record uses it, and a recording takes the same lock and stores the file again if a clean-up
 * removed it a moment before. Between installations that share a bucket but not a database, the
 * stamp is what protects a file, as on a shared disk; what remains open is the instant between two
 * such PUTs, or between the HEAD and the DELETE of a clean-up, in which the other installation's
 * store would go unseen. A PUT is atomic, so no half-written object is ever visible and {@link
 * #removeUnfinished} has nothing to remove.
 */
final class S3PhotoStorage implements PhotoStorage, AutoCloseable {

    /** The user metadata key of the stamp (sent as {@code x-amz-meta-stamp}). */
    static final String STAMP = "stamp";

    private static final String ORIGINAL_TYPE = "application/octet-stream";
    private static final String COPY_TYPE = "image/jpeg";

    private final S3Bucket bucket;

    S3PhotoStorage(S3Bucket bucket) {
        this.bucket = bucket;
    }

    /** Connects to the configured bucket and checks that it answers; fails start-up if not. */
    static S3PhotoStorage connect(S3StorageProperties settings) {
        S3Bucket bucket = S3Bucket.of(settings);
        try {
            bucket.check();
        } catch (RuntimeException unreachable) {
            bucket.close();
            throw unreachable;
        }
        return new S3PhotoStorage(bucket);
    }

    /** The bucket and where it is, for the log. */
    String where() {
        return bucket.where();
    }

    @Override
    public Mono<String> store(String sha256, Path file, UUID stagingId) {
        String key = bucket.original(sha256);
        return head(key)
                .flatMap(found -> renew(key, file))
                .switchIfEmpty(Mono.defer(() -> put(key, file).map(Optional::of)))
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Gives the object a new stamp, so that whoever created it will not remove it: nothing (no
     * stamp of ours) when done, or the stamp of a new object if it was removed meanwhile.
     */
    private Mono<Optional<String>> renew(String key, Path file) {
        String stamp = newStamp();
        return call(() -> bucket.client().copyObject(request -> request.sourceBucket(bucket.name())
                        .sourceKey(key)
                        .destinationBucket(bucket.name())
                        .destinationKey(key)
                        .metadataDirective(MetadataDirective.REPLACE)
                        .contentType(ORIGINAL_TYPE)
                        .metadata(Map.of(STAMP, stamp))))
                .map(copied -> Optional.<String>empty())
                .onErrorResume(
                        S3Bucket::absent, removedMeanwhile -> put(key, file).map(Optional::of));
    }

    /** Uploads the file as a new object with a new stamp, which it answers. */
    private Mono<String> put(String key, Path file) {
        return Mono.fromCallable(() -> md5(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(md5 -> {
                    String stamp = newStamp();
                    return call(() -> bucket.client()
                                    .putObject(
                                            request -> request.bucket(bucket.name())
                                                    .key(key)
                                                    .contentType(ORIGINAL_TYPE)
                                                    .contentMD5(md5)
                                                    .metadata(Map.of(STAMP, stamp)),
                                            AsyncRequestBody.fromFile(file)))
                            .thenReturn(stamp);
                });
    }

    @Override
    public Mono<Boolean> deleteIfUnchanged(String sha256, String stamp) {
        String key = bucket.original(sha256);
        return head(key)
                .filter(found -> stamp.equals(found.metadata().get(STAMP)))
                .flatMap(unchanged -> call(() -> bucket.client().deleteObject(request -> request.bucket(bucket.name())
                                .key(key)))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Nothing to do: a PUT is atomic, so an unfinished one leaves no object. */
    @Override
    public Mono<Void> removeUnfinished(String sha256, UUID stagingId) {
        return Mono.empty();
    }

    @Override
    public Mono<Boolean> exists(String sha256) {
        return head(bucket.original(sha256)).hasElement();
    }

    @Override
    public Mono<StoredFile> open(String sha256) {
        return opened(bucket.original(sha256));
    }

    @Override
    public Mono<Boolean> download(String sha256, Path target) {
        return call(() -> bucket.client()
                        .getObject(
                                request -> request.bucket(bucket.name()).key(bucket.original(sha256)),
                                AsyncResponseTransformer.toFile(target)))
                .thenReturn(true)
                .onErrorResume(S3Bucket::absent, gone -> Mono.just(false));
    }

    @Override
    public Mono<Void> storeCopy(String sha256, CopySize size, byte[] jpeg) {
        return Mono.fromCallable(() -> md5(jpeg))
                .flatMap(md5 -> call(() -> bucket.client()
                        .putObject(
                                request -> request.bucket(bucket.name())
                                        .key(bucket.copy(sha256, size))
                                        .contentType(COPY_TYPE)
                                        .contentMD5(md5),
                                AsyncRequestBody.fromBytes(jpeg))))
                .then();
    }

    @Override
    public Mono<StoredFile> openCopy(String sha256, CopySize size) {
        return opened(bucket.copy(sha256, size));
    }

    /**
     * The object's length, from a HEAD, and its bytes, from a GET sent only when they are
     * subscribed to: a caller that answers without them (a 304) holds no connection open.
     */
    private Mono<StoredFile> opened(String key) {
        return head(key).map(found -> new StoredFile(found.contentLength(), content(key)));
    }

    private Flux<DataBuffer> content(String key) {
        return call(() -> bucket.client()
                        .getObject(
                                request -> request.bucket(bucket.name()).key(key),
                                AsyncResponseTransformer.toPublisher()))
                .flatMapMany(Flux::from)
                .map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    /** The object's metadata; empty when there is none. */
    private Mono<HeadObjectResponse> head(String key) {
        return call(() -> bucket.client()
                        .headObject(request -> request.bucket(bucket.name()).key(key)))
                .onErrorResume(S3Bucket::absent, absent -> Mono.empty());
    }

    /**
     * Sends a request when subscribed to. The SDK prepares and signs it on the calling thread,
     * and may read its credentials from files or an instance's metadata service the first time,
     * so that happens off the event loops; the answer arrives on the SDK's own threads.
     */
    private static <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return Mono.fromFuture(request).subscribeOn(Schedulers.boundedElastic());
    }

    private static String newStamp() {
        return RandomIds.uuid().toString();
    }

    /** The file's MD5 in Base64, for Content-MD5: the store refuses an upload whose bytes differ. */
    static String md5(Path file) throws IOException {
        MessageDigest digest = md5();
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                digest.update(chunk, 0, read);
            }
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    static String md5(byte[] bytes) {
        return Base64.getEncoder().encodeToString(md5().digest(bytes));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        bucket.close();
    }
}
