package vn.urbanorder.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.RandomIds;

/**
 * Where uploaded photos wait while their request runs: each is written to a file of its own as
 * its bytes arrive, hashed on the way (or, when the web layer has done that already, its file is
 * moved in), and removed when the request ends, however it ends. So a photo's size never shows in
 * the heap: the inspector maps the file, and the storage takes it from there (a local folder on
 * the same disk links it in without copying it again).
 *
 * <p>The folder is {@code urbanorder.photos.incoming}; by default {@code .incoming} inside the
 * local photo folder (so that storing a photo is a link, not a copy), or a folder in the temporary
 * folder when photos are kept elsewhere (in a bucket, {@code urbanorder.photos.storage=s3}). Files older than the sweep age are what a crash left:
 * they are removed at start-up and by every sweep, whichever instance runs it.
 */
@Component
public class IncomingPhotos {

    private static final Logger log = LoggerFactory.getLogger(IncomingPhotos.class);
    private static final String SUFFIX = ".upload";
    private static final String SCRATCH_SUFFIX = ".copying";

    private final Path folder;
    private final Duration leftoverAge;
    private final Clock clock;

    IncomingPhotos(
            PhotosProperties properties,
            Clock clock,
            @Value("${" + PhotoStorageConfiguration.SETTING + ":" + PhotoStorageConfiguration.LOCAL + "}")
                    String storage) {
        this.folder =
                folderOf(properties, PhotoStorageConfiguration.LOCAL.equals(PhotoStorageConfiguration.kind(storage)));
        this.leftoverAge = properties.sweepAfter();
        this.clock = clock;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for incoming photos " + folder, e);
        }
        removeLeftovers();
    }

    private static Path folderOf(PhotosProperties properties, boolean localStorage) {
        if (properties.incoming() != null && !properties.incoming().isBlank()) {
            return Path.of(properties.incoming()).toAbsolutePath().normalize();
        }
        // With photos in a bucket the folder setting means nothing, and nothing is written there.
        if (localStorage && properties.folder() != null && !properties.folder().isBlank()) {
            return Path.of(properties.folder()).toAbsolutePath().normalize().resolve(".incoming");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "urbanorder-incoming");
    }

    /** The folder, for the log and the tests. */
    Path folder() {
        return folder;
    }

    /**
     * Receives the photos of one request as files and runs the work with them, then removes the
     * files: after the work, after a failure (a photo past its size included) and after a cancel.
     * Photos still arriving are written one after the other, each refused with the given error as
     * soon as it grows past the size, before more of it is read; files written already are moved
     * in.
     */
    public <T> Mono<T> receive(
            List<SentPhoto> photos,
            long maxBytes,
            Supplier<? extends Throwable> tooLarge,
            Function<List<UploadedPhoto>, Mono<T>> work) {
        return Mono.defer(() -> {
            List<Path> received = Collections.synchronizedList(new ArrayList<>());
            Mono<List<UploadedPhoto>> files = Flux.fromIterable(photos)
                    .concatMap(photo -> {
                        Path file = folder.resolve(RandomIds.uuid() + SUFFIX);
                        received.add(file);
                        return photo instanceof SentPhoto.Written written
                                ? adopt(written, file, maxBytes, tooLarge)
                                : write(((SentPhoto.Streamed) photo).content(), file, maxBytes, tooLarge);
                    })
                    .collectList();
            return Mono.usingWhen(
                    Mono.just(received), ignored -> files.flatMap(work), ignored -> remove(List.copyOf(received)));
        });
    }

    /**
     * Runs the work with the name of a file in this folder that does not exist yet (an original
     * fetched from storage to make its viewer copies from), and removes the file when the work
     * ends, however it ends. What a crash leaves goes with the leftovers of uploads.
     */
    <T> Mono<T> withScratchFile(Function<Path, Mono<T>> work) {
        return Mono.defer(() -> {
            Path file = folder.resolve(RandomIds.uuid() + SCRATCH_SUFFIX);
            return Mono.usingWhen(Mono.just(file), work, used -> remove(List.of(used)));
        });
    }

    /** Runs the work with photos already in memory (demo data), as if they had been uploaded. */
    public <T> Mono<T> receiveBytes(List<byte[]> photos, Function<List<UploadedPhoto>, Mono<T>> work) {
        return receive(
                photos.stream()
                        .map(bytes -> SentPhoto.streamed(
                                Flux.<DataBuffer>just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))))
                        .toList(),
                Long.MAX_VALUE,
                IllegalStateException::new,
                work);
    }

    /**
     * Moves a file written and hashed as it arrived into the folder: a rename where both are on
     * one file system, so the bytes are neither read nor written again (a copy elsewhere).
     */
    private static Mono<UploadedPhoto> adopt(
            SentPhoto.Written written, Path file, long maxBytes, Supplier<? extends Throwable> tooLarge) {
        if (written.sizeBytes() > maxBytes) {
            return Mono.error(tooLarge.get());
        }
        return Mono.fromCallable(() -> {
                    Files.move(written.file(), file);
                    return new UploadedPhoto(file, written.sizeBytes(), written.sha256());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<UploadedPhoto> write(
            Flux<DataBuffer> content, Path file, long maxBytes, Supplier<? extends Throwable> tooLarge) {
        MessageDigest digest = sha256();
        AtomicLong size = new AtomicLong();
        Flux<DataBuffer> counted = content.handle((buffer, sink) -> {
            if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge.get());
                return;
            }
            try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
                while (parts.hasNext()) {
                    digest.update(parts.next());
                }
            }
            sink.next(buffer);
        });
        return DataBufferUtils.write(counted, file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromSupplier(
                        () -> new UploadedPhoto(file, size.get(), HexFormat.of().formatHex(digest.digest()))));
    }

    private static Mono<Void> remove(Collection<Path> files) {
        return Mono.fromRunnable(() -> files.forEach(IncomingPhotos::delete))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the uploaded photo {}: {}", file, e.toString());
        }
    }

    /** Removes what requests that never ended (a crash, a kill) left; blocks. */
    void removeLeftovers() {
        Instant cutoff = clock.instant().minus(leftoverAge);
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)
                            || file.getFileName().toString().endsWith(SCRATCH_SUFFIX))
                    .filter(file -> modifiedBefore(file, cutoff))
                    .forEach(IncomingPhotos::delete);
        } catch (IOException e) {
            log.warn("Could not look through the incoming photos in {}: {}", folder, e.toString());
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException gone) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a mapped file, read-only; the mapping is released with the buffer. */
    static ByteBuffer map(UploadedPhoto photo) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(photo.file(), StandardOpenOption.READ)) {
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, photo.sizeBytes());
        }
    }
}
