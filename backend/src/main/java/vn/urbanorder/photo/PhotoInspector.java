package vn.urbanorder.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.Sha256;

/**
 * Judges an uploaded photo by its bytes and reads its EXIF on the server: whatever the phone
 * claims in headers, the evidence is what the file itself says. Reading metadata blocks and
 * parses untrusted input, so it runs on the bounded elastic scheduler, and a photo whose metadata
 * cannot be read is kept without it rather than refused.
 */
@Component
public class PhotoInspector {

    /** Reads one photo; 415 for an empty file or one that is not JPEG, PNG, WebP or HEIC. */
    public Mono<InspectedPhoto> inspect(byte[] bytes, ZoneId localZone) {
        TimeZone localTime = TimeZone.getTimeZone(localZone);
        if (bytes.length == 0) {
            return Mono.error(ProblemException.unsupportedMediaType("Ảnh gửi lên bị rỗng."));
        }
        var type = PhotoType.of(bytes);
        if (type.isEmpty()) {
            return Mono.error(
                    ProblemException.unsupportedMediaType("Tệp gửi lên không phải ảnh JPEG, PNG, WebP hoặc HEIC."));
        }
        return Mono.fromCallable(() -> read(bytes, type.get(), localTime)).subscribeOn(Schedulers.boundedElastic());
    }

    private static InspectedPhoto read(byte[] bytes, PhotoType type, TimeZone localTime) {
        Metadata metadata = metadataOf(bytes);
        Integer width = null;
        Integer height = null;
        Instant takenAt = null;
        GeoPoint gps = null;
        if (metadata != null) {
            width = dimension(metadata, true);
            height = dimension(metadata, false);
            var exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null && exif.getDateOriginal(localTime) != null) {
                takenAt = exif.getDateOriginal(localTime).toInstant();
            }
            var location = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (location != null
                    && location.getGeoLocation() != null
                    && !location.getGeoLocation().isZero()) {
                try {
                    gps = new GeoPoint(
                            location.getGeoLocation().getLatitude(),
                            location.getGeoLocation().getLongitude());
                } catch (IllegalArgumentException outOfRange) {
                    gps = null;
                }
            }
        }
        return new InspectedPhoto(bytes, Sha256.hex(bytes), type, width, height, takenAt, gps);
    }

    private static Metadata metadataOf(byte[] bytes) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static Integer dimension(Metadata metadata, boolean width) {
        int[][] tags = {
            {JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT},
            {PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT},
            {WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT},
            {ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH, ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT}
        };
        Class<?>[] kinds = {JpegDirectory.class, PngDirectory.class, WebpDirectory.class, ExifSubIFDDirectory.class};
        for (int i = 0; i < kinds.length; i++) {
            @SuppressWarnings("unchecked")
            Directory directory = metadata.getFirstDirectoryOfType((Class<Directory>) kinds[i]);
            int tag = tags[i][width ? 0 : 1];
            if (directory != null && directory.containsTag(tag)) {
                Integer value = directory.getInteger(tag);
                if (value != null && value > 0) {
                    return value;
                }
            }
        }
        return null;
    }
}
