package vn.urbanorder.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.RandomIds;

/**
 * Photos in a local folder ({@code urbanorder.photos.folder}), as {@code ab/cd/<sha256>}. A file
 * is written beside its place as {@code .upload-<staging id>.part} and linked in atomically, so a
 * reader never sees half a photo and a file another writer put there first is never replaced. A
 * file's stamp is its last-modified time. Viewer copies live under {@code copies/v<version>/<size>/},
 * replaced whole when made again. The default storage ({@code urbanorder.photos.storage=local}),
 * made by {@link PhotoStorageConfiguration}.
 */
class LocalPhotoStorage implements PhotoStorage {

    private static final int CHUNK = 64 * 1024;

    private final Path root;

    LocalPhotoStorage(PhotosProperties properties) {
        if (properties.folder() == null || properties.folder().isBlank()) {
            // The trial database's folder is set beside its data; a real one's must be chosen, so
            // that no two installations meet in one folder by default.
            throw new IllegalStateException("Set urbanorder.photos.folder (URBANORDER_PHOTOS_FOLDER) to the folder"
                    + " where this installation keeps its photo files: with a real database there is no default."
                    + " Earlier versions defaulted to data/photos.");
        }
        this.root = Path.of(properties.folder()).toAbsolutePath().normalize();
    }

    /** The folder, for the log and the tests. */
    Path root() {
        return root;
    }

    @Override
    public Mono<String> store(String sha256, Path file, UUID stagingId) {
        return Mono.fromCallable(() -> write(pathOf(sha256), file, stagingId)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Boolean> deleteIfUnchanged(String sha256, String stamp) {
        return Mono.fromCallable(() -> {
                    Path file = pathOf(sha256);
                    return stamp.equals(stampOf(file)) && Files.deleteIfExists(file);
                })
                .onErrorResume(NoSuchFileException.class, gone -> Mono.just(false))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> removeUnfinished(String sha256, UUID stagingId) {
        return Mono.fromCallable(() -> Files.deleteIfExists(partialOf(pathOf(sha256), stagingId)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<Boolean> exists(String sha256) {
        return Mono.fromCallable(() -> Files.exists(pathOf(sha256))).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<StoredFile> open(String sha256) {
        return opened(pathOf(sha256));
    }

    @Override
    public Mono<Boolean> download(String sha256, Path target) {
        return Mono.fromCallable(() -> {
                    Files.copy(pathOf(sha256), target);
                    return true;
                })
                .onErrorResume(NoSuchFileException.class, gone -> Mono.just(false))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> storeCopy(String sha256, CopySize size, byte[] jpeg) {
        return Mono.fromCallable(() -> {
                    Path copy = copyOf(sha256, size);
                    Files.createDirectories(copy.getParent());
                    Path partial = copy.resolveSibling(".copy-" + RandomIds.uuid() + ".part");
                    try {
                        Files.write(partial, jpeg);
                        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                    return copy;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<StoredFile> openCopy(String sha256, CopySize size) {
        return opened(copyOf(sha256, size));
    }

    private static Mono<StoredFile> opened(Path file) {
        return Mono.fromCallable(() -> new StoredFile(
                        Files.size(file), DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, CHUNK)))
                .onErrorResume(NoSuchFileException.class, gone -> Mono.empty())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The new file's stamp, or null (an empty Mono) when the file was there already. */
    private static @Nullable String write(Path target, Path source, UUID stagingId) throws IOException {
        if (touch(target)) {
            return null;
        }
        Files.createDirectories(target.getParent());
        Path partial = partialOf(target, stagingId);
        try {
            // The caller's file, linked where it can be (no second copy of the bytes), copied where not.
            try {
                Files.createLink(partial, source);
            } catch (UnsupportedOperationException | FileSystemException noLink) {
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // On disk before it is linked in and before the row that refers to it commits.
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (!publish(partial, target)) {
                touch(target);
                return null;
            }
            return stampOf(target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Puts the written file in its place unless one is there already. A hard link is made
     * atomically and fails on an existing file; where links are not supported, an atomic move.
     */
    private static boolean publish(Path partial, Path target) throws IOException {
        try {
            Files.createLink(target, partial);
            return true;
        } catch (FileAlreadyExistsException storedMeanwhile) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (noLinks instanceof NoSuchFileException) {
                throw (NoSuchFileException) noLinks; // removed as unfinished while it was written
            }
            if (Files.exists(target)) {
                return false;
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(partial, target);
            }
            return true;
        }
    }

    /**
     * Renews the file's stamp; false when there is no file. The new stamp differs from the old
     * one even on a file system that keeps whole seconds.
     */
    private static boolean touch(Path file) throws IOException {
        try {
            FileTime before = Files.getLastModifiedTime(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            if (Files.getLastModifiedTime(file).equals(before)) {
                Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(1)));
            }
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        } catch (AccessDeniedException anotherUsersFile) {
            // Only the owner may set the time; the file is there, which is what matters here.
            return true;
        }
    }

    private static String stampOf(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().toString();
    }

    private static Path partialOf(Path target, UUID stagingId) {
        return target.resolveSibling(".upload-" + stagingId + ".part");
    }

    private Path copyOf(String sha256, CopySize size) {
        Path original = pathOf(sha256);
        return root.resolve("copies")
                .resolve("v" + CopySize.VERSION)
                .resolve(size.key())
                .resolve(root.relativize(original) + ".jpg");
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
