package vn.urbanorder.photo;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the photo storage ({@code urbanorder.photos.storage}): {@code local}, a folder, by
 * default; {@code s3}, a bucket of an S3-compatible store. Only the chosen one is made, so a
 * service on a bucket needs no photo folder, and one on a folder never reaches for a bucket.
 */
@Configuration(proxyBeanMethods = false)
class PhotoStorageConfiguration {

    static final String SETTING = "urbanorder.photos.storage";
    static final String LOCAL = "local";
    static final String S3 = "s3";

    private static final Logger log = LoggerFactory.getLogger(PhotoStorageConfiguration.class);

    @Bean
    PhotoStorage photoStorage(
            @Value("${" + SETTING + ":" + LOCAL + "}") String storage,
            PhotosProperties photos,
            S3StorageProperties s3) {
        return switch (kind(storage)) {
            case LOCAL -> {
                var local = new LocalPhotoStorage(photos);
                log.info("Photos are kept in the folder {}", local.root());
                yield local;
            }
            case S3 -> {
                var bucket = S3PhotoStorage.connect(s3);
                log.info("Photos are kept in the S3 {}", bucket.where());
                yield bucket;
            }
            default ->
                throw new IllegalStateException(SETTING + " must be " + LOCAL + " (a folder, the default) or " + S3
                        + " (a bucket), not '" + storage + "'.");
        };
    }

    /** The storage setting as written, in lower case. */
    static String kind(String storage) {
        return storage.strip().toLowerCase(Locale.ROOT);
    }
}
