package vn.urbanorder.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real S3 protocol server for the tests: Adobe's S3Mock, its exec jar from Maven Central
 * ({@code s3mock.jar}, which the build copies into {@code target/s3mock}), run as a child JVM on
 * free ports with its files in a temporary folder, once per test JVM and stopped when that JVM
 * exits. It keeps one bucket, {@value #BUCKET}; each test keeps its objects under a prefix of its
 * own. The tests read the bucket through a client of their own, not the service's.
 */
public final class S3Server {

    public static final String BUCKET = "photos";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private static S3Server instance;

    private final URI endpoint;
    private final S3AsyncClient client;

    private S3Server(URI endpoint) {
        this.endpoint = endpoint;
        this.client = S3AsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** The server, started on first use. */
    public static synchronized S3Server instance() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The service's settings for photos in the bucket under the prefix, by name. */
    public Map<String, String> settings(String prefix) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("urbanorder.photos.storage", "s3");
        settings.put("urbanorder.photos.s3.endpoint", endpoint.toString());
        settings.put("urbanorder.photos.s3.region", "us-east-1");
        settings.put("urbanorder.photos.s3.bucket", BUCKET);
        settings.put("urbanorder.photos.s3.access-key", ACCESS_KEY);
        settings.put("urbanorder.photos.s3.secret-key", SECRET_KEY);
        settings.put("urbanorder.photos.s3.path-style", "true");
        settings.put("urbanorder.photos.s3.prefix", prefix);
        return settings;
    }

    /** The same settings as command-line arguments. */
    public List<String> arguments(String prefix) {
        return settings(prefix).entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toList();
    }

    /** The keys of the objects under the prefix, in order. */
    public List<String> keys(String prefix) {
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix))
                .contents()
                .subscribe(object -> keys.add(object.key()))
                .join();
        return keys.stream().sorted().toList();
    }

    /** The key an original with this hash has under the prefix. */
    public static String originalKey(String prefix, String sha256) {
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    public byte[] bytes(String key) {
        return client.getObject(request -> request.bucket(BUCKET).key(key), AsyncResponseTransformer.toBytes())
                .join()
                .asByteArray();
    }

    /** The object's user metadata (the stamp, say). */
    public Map<String, String> metadata(String key) {
        return client.headObject(request -> request.bucket(BUCKET).key(key))
                .join()
                .metadata();
    }

    /** Puts an object there as another installation or a person would. */
    public void put(String key, byte[] bytes, Map<String, String> metadata) {
        client.putObject(
                        request -> request.bucket(BUCKET).key(key).metadata(metadata),
                        AsyncRequestBody.fromBytes(bytes))
                .join();
    }

    private static S3Server start() {
        try {
            Path root = Files.createTempDirectory("s3mock-");
            int http = freePort();
            int https = freePort();
            Path log = root.resolveSibling(root.getFileName() + ".log");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar().toString(),
                            "--com.adobe.testing.s3mock.httpPort=" + http,
                            "--server.port=" + https,
                            "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                            "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                            "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, root, log)));
            URI endpoint = URI.create("http://localhost:" + http);
            awaitReady(process, endpoint, log);
            return new S3Server(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start S3Mock", e);
        }
    }

    /** The exec jar the build copied, or the one in the local Maven repository when run from an IDE. */
    private static Path jar() {
        String copied = System.getProperty("s3mock.jar");
        if (copied != null && Files.isRegularFile(Path.of(copied))) {
            return Path.of(copied);
        }
        String version = System.getProperty("s3mock.version", "4.11.0");
        Path cached = Path.of(
                System.getProperty("user.home"),
                ".m2/repository/com/adobe/testing/s3mock",
                version,
                "s3mock-" + version + "-exec.jar");
        if (!Files.isRegularFile(cached)) {
            throw new IllegalStateException("S3Mock's exec jar is neither at " + copied + " nor at " + cached
                    + ": run the tests through Maven (./mvnw verify), which fetches it.");
        }
        return cached;
    }

    private static void awaitReady(Process process, URI endpoint, Path log) throws IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("S3Mock did not start:\n" + Files.readString(log));
            }
            try {
                var answer = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // connection refused while it starts
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    private static void stop(Process process, Path root, Path log) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up eventually
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
