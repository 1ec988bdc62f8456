package vn.urbanorder.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Photos in a local folder ({@code urbanorder.photos.folder}), as {@code ab/cd/<sha256>}. A file
 * is written beside its place and moved in atomically, so a reader never sees half a photo.
 */
@Component
class LocalPhotoStorage implements PhotoStorage {

    private final Path root;

    LocalPhotoStorage(PhotosProperties properties) {
        this.root = Path.of(properties.folder()).toAbsolutePath().normalize();
    }

    @Override
    public Mono<Boolean> store(String sha256, byte[] bytes) {
        return Mono.fromCallable(() -> write(pathOf(sha256), bytes)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return Mono.fromCallable(() -> Files.deleteIfExists(pathOf(sha256)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<Boolean> exists(String sha256) {
        return Mono.fromCallable(() -> Files.exists(pathOf(sha256))).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Resource> resource(String sha256) {
        return Mono.fromCallable(() -> (Resource) new FileSystemResource(pathOf(sha256)))
                .filter(Resource::exists)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Flux<String> storedBefore(Instant cutoff) {
        return Mono.fromCallable(() -> files(cutoff, false))
                .flatMapMany(Flux::fromIterable)
                .subscribeOn(Schedulers.boundedElastic())
                .map(path -> path.getFileName().toString());
    }

    @Override
    public Mono<Long> removePartialsBefore(Instant cutoff) {
        return Mono.fromCallable(() -> {
                    long removed = 0;
                    for (Path partial : files(cutoff, true)) {
                        if (Files.deleteIfExists(partial)) {
                            removed++;
                        }
                    }
                    return removed;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Stored files (named by their hash) or partial ones, last modified before the cutoff. */
    private List<Path> files(Instant cutoff, boolean partial) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> partial
                            ? path.getFileName().toString().startsWith(".upload-")
                            : path.getFileName().toString().matches("[0-9a-f]{64}"))
                    .filter(path -> modifiedBefore(path, cutoff))
                    .toList();
        }
    }

    private static boolean modifiedBefore(Path path, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (IOException gone) {
            return false;
        }
    }

    private static boolean write(Path target, byte[] bytes) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            // On disk before it is moved in and before the row that refers to it commits.
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(partial, target);
            }
            return true;
        } catch (FileAlreadyExistsException storedMeanwhile) {
            return false;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new UncheckedIOException(new IOException("Not a SHA-256: " + sha256));
        }
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
