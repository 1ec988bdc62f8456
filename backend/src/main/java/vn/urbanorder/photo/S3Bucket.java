package vn.urbanorder.photo;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One bucket of an S3-compatible store, reached with the AWS SDK's asynchronous client, and how
 * photos are named in it: {@code <prefix>ab/cd/<sha256>} for originals and {@code
 * <prefix>copies/v<version>/<size>/ab/cd/<sha256>.jpg} for viewer copies, as in the local folder.
 *
 * <p>The client talks HTTP through the SDK's Netty client on an event loop group of its own,
 * shared with nothing of Reactor Netty's: the service's own event loops never wait on the store,
 * and the store's callbacks never run on them. It computes and checks no checksums beyond what an
 * operation requires ({@code WHEN_REQUIRED}): from version 2.30 on, the SDK would otherwise send a
 * CRC32 trailer in an {@code aws-chunked} body with every upload, which many S3-compatible stores
 * refuse or store wrongly. Uploads carry {@code Content-MD5} instead, which every store checks.
 */
final class S3Bucket implements AutoCloseable {

    /**
     * Longer than the client's own limits (a connection in 5 s, one from the pool in 10 s), so
     * that the check reports the client's reason. A refused connection now and then waits out
     * the pool's limit in the SDK's Netty client instead of failing at once (seen with Netty 4.1
     * and 4.2 alike).
     */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(45);

    private final S3AsyncClient client;
    private final String name;
    private final String prefix;
    private final String where;

    private S3Bucket(S3AsyncClient client, String name, String prefix, String where) {
        this.client = client;
        this.name = name;
        this.prefix = prefix;
        this.where = where;
    }

    /** A client for the configured bucket; nothing is sent yet. */
    static S3Bucket of(S3StorageProperties settings) {
        String bucket = settings.bucket();
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException(
                    "Set urbanorder.photos.s3.bucket (URBANORDER_PHOTOS_S3_BUCKET) to the bucket"
                            + " that keeps the photos: urbanorder.photos.storage is s3.");
        }
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(2))
                        .maxConcurrency(64)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30))
                        .writeTimeout(Duration.ofSeconds(30)));
        URI endpoint = settings.endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        String where =
                "bucket '" + bucket + "' at " + (endpoint == null ? "AWS S3 (" + settings.region() + ")" : endpoint);
        return new S3Bucket(builder.build(), bucket, settings.keyPrefix(), where);
    }

    private static AwsCredentialsProvider credentials(S3StorageProperties settings) {
        String accessKey = blankToNull(settings.accessKey());
        String secretKey = blankToNull(settings.secretKey());
        if (accessKey == null && secretKey == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (accessKey == null || secretKey == null) {
            throw new IllegalStateException(
                    "Set both urbanorder.photos.s3.access-key and urbanorder.photos.s3.secret-key,"
                            + " or neither for the SDK's default credentials (environment, profile, instance role); only "
                            + (accessKey != null ? "the access key" : "the secret key") + " is set.");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Fails with a message that says what to fix unless the bucket answers: the service should
     * not start to find out at its first photo that it cannot keep it. Blocks: call at start-up.
     */
    void check() {
        try {
            client.headBucket(request -> request.bucket(name)).get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(problem(failed.getCause()), failed.getCause());
        } catch (TimeoutException slow) {
            throw new IllegalStateException(
                    "The photo storage's " + where + " did not answer within " + CHECK_TIMEOUT.toSeconds() + " s.",
                    slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the photo storage's " + where, interrupted);
        }
    }

    private String problem(@Nullable Throwable cause) {
        String settings = " (urbanorder.photos.s3.*)";
        if (cause instanceof NoSuchBucketException || (cause instanceof S3Exception s3 && s3.statusCode() == 404)) {
            return "The photo storage's " + where + " does not exist: create it, or set urbanorder.photos.s3.bucket"
                    + " to one that does" + settings + ".";
        }
        if (cause instanceof S3Exception s3 && (s3.statusCode() == 403 || s3.statusCode() == 401)) {
            return "The photo storage's " + where + " refused the credentials (HTTP " + s3.statusCode()
                    + "): check the access key, the secret key, the region and the permissions on the bucket"
                    + settings + ".";
        }
        if (cause instanceof S3Exception s3) {
            return "The photo storage's " + where + " answered HTTP " + s3.statusCode() + settings + ".";
        }
        return "Cannot reach the photo storage's " + where + ": "
                + (cause == null ? "no cause given" : cause.getMessage()) + settings + ".";
    }

    S3AsyncClient client() {
        return client;
    }

    String name() {
        return name;
    }

    /** For messages: the bucket and where it is. */
    String where() {
        return where;
    }

    /** The key of an original. */
    String original(String sha256) {
        return prefix + relative(sha256);
    }

    /** The key of a viewer copy of an original. */
    String copy(String sha256, CopySize size) {
        return prefix + "copies/v" + CopySize.VERSION + "/" + size.key() + "/" + relative(sha256) + ".jpg";
    }

    private static String relative(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    /** Whether the failure says the object is not there (HEAD answers a bare 404). */
    static boolean absent(Throwable failure) {
        return failure instanceof NoSuchKeyException || (failure instanceof S3Exception s3 && s3.statusCode() == 404);
    }

    @Override
    public void close() {
        client.close();
    }
}
