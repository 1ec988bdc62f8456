package vn.urbanorder.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import vn.urbanorder.shared.RandomIds;

/**
 * Copies a local photo folder into a bucket, for moving an installation from {@code
 * urbanorder.photos.storage=local} to {@code s3}: {@code java -jar urban-order-backend.jar
 * copy-photos-to-bucket}, with the same settings as the service ({@code urbanorder.photos.folder}
 * and {@code urbanorder.photos.s3.*}, as arguments or environment variables). See
 * docs/operations.md.
 *
 * <p>Every original ({@code ab/cd/<sha256>}) is hashed, and one whose bytes do not match its name
 * is refused and reported, never copied. One already in the bucket with the same length is
 * skipped, so a second run copies only what the first did not (resumable: stop it any time). Each
 * upload carries the bytes' MD5 ({@code Content-MD5}), which the store checks before it keeps the
 * object. Half-written files ({@code .upload-*.part}), the incoming folder and viewer copies
 * ({@code copies/}, which the service makes again on demand) are left alone.
 *
 * <p>Exit status: 0 when every photo is in the bucket; 1 when something failed (a setting, the
 * store, an upload), after which a rerun picks up; 2 when only refused files remain.
 */
public final class PhotoFolderCopy {

    /** The first argument of the service's jar that runs this instead of the service. */
    public static final String COMMAND = "copy-photos-to-bucket";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int WORKERS = 4;
    private static final int PROGRESS_EVERY = 1000;

    private final S3Bucket bucket;
    private final PrintStream out;
    private final AtomicInteger copied = new AtomicInteger();
    private final AtomicInteger present = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    private PhotoFolderCopy(S3Bucket bucket, PrintStream out) {
        this.bucket = bucket;
        this.out = out;
    }

    /** From {@code UrbanOrderApplication}: runs the copy and exits with its status. */
    public static void main(String[] args) {
        // Without Spring Boot's start-up nothing sets the log levels: the SDK's and Netty's debug
        // lines would drown the report.
        LoggingSystem logging = LoggingSystem.get(PhotoFolderCopy.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        System.exit(run(args, System.out));
    }

    /** Runs the copy with the settings in the arguments and the environment; the exit status. */
    public static int run(String[] args, PrintStream out) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        Binder settings = Binder.get(environment);
        String folder = settings.bind("urbanorder.photos.folder", String.class).orElse("");
        if (folder.isBlank() || !Files.isDirectory(Path.of(folder))) {
            out.println("Set urbanorder.photos.folder (--urbanorder.photos.folder=... or URBANORDER_PHOTOS_FOLDER) to"
                    + " the photo folder to copy" + (folder.isBlank() ? "." : "; there is no folder " + folder + "."));
            return 1;
        }
        S3Bucket bucket;
        try {
            bucket = S3Bucket.of(settings.bindOrCreate("urbanorder.photos.s3", S3StorageProperties.class));
        } catch (RuntimeException badSettings) {
            out.println(badSettings.getMessage());
            return 1;
        }
        try (bucket) {
            bucket.check();
            return new PhotoFolderCopy(bucket, out)
                    .copy(Path.of(folder).toAbsolutePath().normalize());
        } catch (RuntimeException | IOException failure) {
            out.println("The copy stopped: " + failure.getMessage());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            out.println("The copy was interrupted; run it again to go on.");
            return 1;
        }
    }

    private int copy(Path root) throws IOException, InterruptedException {
        out.println("Copying the photos in " + root + " to the " + bucket.where());
        Originals originals = Originals.in(root, out);
        out.println("Photo files to look at: " + originals.files().size() + "; other files left alone: "
                + originals.leftAlone() + " (half-written uploads and strays; the incoming folder and the viewer"
                + " copies are not looked at)");
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Path file : originals.files()) {
                all.add(workers.submit(() -> copyOne(file, originals.files().size())));
            }
            for (Future<?> each : all) {
                each.get();
            }
        } catch (ExecutionException unexpected) {
            throw new IllegalStateException(unexpected.getCause());
        } finally {
            workers.shutdownNow();
        }
        out.printf(
                "Done: %d copied, %d already in the bucket, %d refused (content does not match the name),"
                        + " %d failed; other files left alone: %d.%n",
                copied.get(), present.get(), refused.get(), failed.get(), originals.leftAlone());
        if (failed.get() > 0) {
            out.println("Run the command again to copy what failed.");
            return 1;
        }
        return refused.get() > 0 ? 2 : 0;
    }

    private void copyOne(Path file, int total) {
        String sha256 = file.getFileName().toString();
        String key = bucket.original(sha256);
        try {
            long size = Files.size(file);
            HeadObjectResponse there = head(key);
            if (there != null && there.contentLength() == size) {
                present.incrementAndGet();
                return;
            }
            Digests digests = Digests.of(file);
            if (!digests.sha256().equals(sha256)) {
                refused.incrementAndGet();
                out.println("REFUSED " + file + ": its content's SHA-256 is " + digests.sha256());
                return;
            }
            var stored = bucket.client()
                    .putObject(
                            request -> request.bucket(bucket.name())
                                    .key(key)
                                    .contentType("application/octet-stream")
                                    .contentMD5(digests.md5Base64())
                                    .metadata(Map.of(S3PhotoStorage.STAMP, RandomIds.uuid() + "-copied")),
                            AsyncRequestBody.fromFile(file))
                    .get();
            String etag = stored.eTag() == null ? "" : stored.eTag().replace("\"", "");
            if (etag.matches("[0-9a-f]{32}") && !etag.equals(digests.md5Hex())) {
                failed.incrementAndGet();
                out.println("FAILED " + file + ": the store answered MD5 " + etag + " for MD5 " + digests.md5Hex());
                return;
            }
            copied.incrementAndGet();
            if (there != null) {
                out.println("REPLACED " + key + ", which had " + there.contentLength() + " bytes instead of " + size);
            }
        } catch (IOException | ExecutionException | RuntimeException failure) {
            failed.incrementAndGet();
            Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
            out.println("FAILED " + file + ": " + (cause == null ? failure : cause.getMessage()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            int count = done.incrementAndGet();
            if (count % PROGRESS_EVERY == 0) {
                out.println("... " + count + " of " + total);
            }
        }
    }

    private @Nullable HeadObjectResponse head(String key) throws InterruptedException, ExecutionException {
        try {
            return bucket.client()
                    .headObject(request -> request.bucket(bucket.name()).key(key))
                    .get();
        } catch (ExecutionException failure) {
            if (failure.getCause() != null && S3Bucket.absent(failure.getCause())) {
                return null;
            }
            throw failure;
        }
    }

    /** The originals in a photo folder, found by their place ({@code ab/cd/<sha256>}). */
    private record Originals(List<Path> files, int leftAlone) {

        static Originals in(Path root, PrintStream out) throws IOException {
            List<Path> files = new ArrayList<>();
            AtomicInteger other = new AtomicInteger();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean copies = root.equals(dir.getParent()) && name.equals("copies");
                    return !dir.equals(root) && (name.startsWith(".") || copies)
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (isOriginal(root.relativize(file))) {
                        files.add(file);
                    } else {
                        other.incrementAndGet();
                        if (!file.getFileName().toString().startsWith(".")) {
                            out.println("Left alone, not named as a photo: " + file);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            files.sort(null);
            return new Originals(files, other.get());
        }

        private static boolean isOriginal(Path relative) {
            if (relative.getNameCount() != 3) {
                return false;
            }
            String name = relative.getFileName().toString();
            return SHA256.matcher(name).matches()
                    && relative.getName(0).toString().equals(name.substring(0, 2))
                    && relative.getName(1).toString().equals(name.substring(2, 4));
        }
    }

    /** A file's SHA-256 and MD5, read once. */
    private record Digests(String sha256, String md5Hex, String md5Base64) {

        static Digests of(Path file) throws IOException {
            MessageDigest sha256 = digest("SHA-256");
            MessageDigest md5 = digest("MD5");
            byte[] chunk = new byte[256 * 1024];
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                    sha256.update(chunk, 0, read);
                    md5.update(chunk, 0, read);
                }
            }
            byte[] md5Bytes = md5.digest();
            return new Digests(
                    HexFormat.of().formatHex(sha256.digest()),
                    HexFormat.of().formatHex(md5Bytes),
                    Base64.getEncoder().encodeToString(md5Bytes));
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is part of every JDK", e);
            }
        }
    }
}
