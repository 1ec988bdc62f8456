package vn.urbanorder.photo;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where photos go with {@code urbanorder.photos.storage=s3} ({@code urbanorder.photos.s3.*}): any
 * store that speaks the S3 protocol (AWS S3, Ceph RGW, Garage, SeaweedFS, MinIO, a provider's
 * object storage). See docs/operations.md for each kind of store.
 *
 * @param endpoint the store's address ({@code https://s3.example.vn}); unset for AWS S3, where the
 *     region names it
 * @param region the region requests are signed for; stores that do not care about it accept
 *     {@code us-east-1}, Garage wants its own {@code s3_region} ({@code garage} by default)
 * @param bucket the bucket, which must exist: the service checks it at start-up and never creates one
 * @param accessKey with {@code secretKey}, the credentials; both unset, the SDK's default chain
 *     (environment, profile, container or instance role)
 * @param secretKey the secret half of the credentials, never logged
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: most
 *     stores other than AWS need it unless their DNS has a name for every bucket
 * @param prefix a folder inside the bucket that every key starts with ({@code photos/}), so that
 *     one bucket can hold other things or several installations; empty by default
 */
@ConfigurationProperties("urbanorder.photos.s3")
public record S3StorageProperties(
        @Nullable URI endpoint,
        @DefaultValue("us-east-1") String region,
        @Nullable String bucket,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("false") boolean pathStyle,
        @DefaultValue("") String prefix) {

    /** The prefix as a folder: no leading slash, one trailing slash unless it is empty. */
    String keyPrefix() {
        String folder = prefix.strip();
        while (folder.startsWith("/")) {
            folder = folder.substring(1);
        }
        return folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    }

    /** Without the secret, which a record would print whole. */
    @Override
    public String toString() {
        return "S3StorageProperties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? "unset" : "(set)")
                + ", pathStyle=" + pathStyle + ", prefix=" + prefix + "]";
    }
}
