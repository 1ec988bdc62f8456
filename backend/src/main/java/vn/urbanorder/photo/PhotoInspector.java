package vn.urbanorder.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;

/**
 * Judges uploaded photos by their bytes and reads their EXIF on the server: whatever the phone
 * claims in headers, the evidence is what the file itself says.
 *
 * <p>A file must parse as the image type its first bytes claim, with a known size (415 otherwise);
 * its declared size must stay within {@code urbanorder.photos.max-pixels} (422), and its metadata
 * within the budget of {@link ExifFacts} and {@link ImageStructure#MAX_EXIF_BYTES} (422). The
 * readers are this package's own: they walk the file's structure once, keep a few numbers, never
 * decode pixels and never hand the file to a library, so neither time nor memory grows with what
 * the file declares. They still run on the bounded elastic scheduler, under a time limit
 * ({@code urbanorder.photos.inspection-timeout}). Metadata that is merely unreadable is left out,
 * and the photo kept without it.
 */
@Component
public class PhotoInspector {

    private static final Logger log = LoggerFactory.getLogger(PhotoInspector.class);

    private final long maxPixels;
    private final Duration timeout;

    PhotoInspector(PhotosProperties properties) {
        this.maxPixels = properties.maxPixels();
        this.timeout = properties.inspectionTimeout();
    }

    /**
     * Reads the photos of one request, in order. Refusals name the photo: 415 for an empty file or
     * one that is not a JPEG, PNG, WebP or HEIC; 422 on {@code photos[i]} for one too large in
     * pixels or metadata, or one that could not be read in time.
     */
    public Mono<List<InspectedPhoto>> inspect(List<UploadedPhoto> files, ZoneId localZone) {
        return Flux.range(0, files.size())
                .concatMap(index -> Mono.fromCallable(() -> read(files.get(index), index, localZone))
                        .subscribeOn(Schedulers.boundedElastic())
                        .timeout(timeout)
                        .onErrorMap(TimeoutException.class, late -> {
                            log.info("Photo {} refused: not read within {}", index, timeout);
                            return InvalidRequestException.of(
                                    field(index), "Không đọc xong ảnh trong thời gian cho phép.");
                        }))
                .collectList();
    }

    /** One photo, read where the caller runs; blocks, and throws the refusals {@link #inspect} answers. */
    InspectedPhoto read(UploadedPhoto upload, int index, ZoneId localZone) {
        if (upload.sizeBytes() == 0) {
            throw ProblemException.unsupportedMediaType("Ảnh thứ " + (index + 1) + " gửi lên bị rỗng.");
        }
        ByteBuffer bytes;
        try {
            // Mapped, not read: the file's pages come and go with the operating system's cache.
            bytes = IncomingPhotos.map(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded photo " + upload.file(), e);
        }
        return read(bytes, upload, index, localZone);
    }

    private InspectedPhoto read(ByteBuffer bytes, UploadedPhoto upload, int index, ZoneId localZone) {
        if (bytes.limit() == 0) {
            throw ProblemException.unsupportedMediaType("Ảnh thứ " + (index + 1) + " gửi lên bị rỗng.");
        }
        var type = PhotoType.of(bytes);
        if (type.isEmpty()) {
            throw notAnImage(index, "no image signature");
        }
        ImageStructure structure;
        ExifFacts facts = ExifFacts.NONE;
        try {
            structure = ImageStructure.read(bytes, type.get());
            if (structure.pixels() > maxPixels
                    || structure.width() > Integer.MAX_VALUE
                    || structure.height() > Integer.MAX_VALUE) {
                log.info("Photo {} refused: {} x {} pixels", index, structure.width(), structure.height());
                throw InvalidRequestException.of(
                        field(index),
                        "Ảnh có kích thước " + structure.width() + " × " + structure.height()
                                + " điểm ảnh, vượt quá giới hạn " + pixels(maxPixels) + " điểm ảnh.");
            }
            if (structure.exif() != null) {
                facts = ExifFacts.read(structure.exif(), localZone);
            }
        } catch (NotAnImage notAnImage) {
            throw notAnImage(index, type.get() + " " + notAnImage.getMessage());
        } catch (MetadataOverBudget overBudget) {
            log.info("Photo {} refused: metadata over budget, {}", index, overBudget.getMessage());
            throw InvalidRequestException.of(
                    field(index), "Siêu dữ liệu (EXIF) của ảnh quá lớn hoặc quá phức tạp để đọc.");
        }
        return new InspectedPhoto(
                upload.file(),
                upload.sizeBytes(),
                upload.sha256(),
                type.get(),
                (int) structure.width(),
                (int) structure.height(),
                facts.takenAt(),
                facts.gps());
    }

    private static ProblemException notAnImage(int index, String reason) {
        log.info("Photo {} refused: {}", index, reason);
        return ProblemException.unsupportedMediaType(
                "Tệp thứ " + (index + 1) + " gửi lên không phải ảnh JPEG, PNG, WebP hoặc HEIC đọc được.");
    }

    private static String field(int index) {
        return "photos[" + index + "]";
    }

    /** "50 triệu" for round millions, the number itself otherwise. */
    private static String pixels(long count) {
        return count % 1_000_000 == 0 ? count / 1_000_000 + " triệu" : Long.toString(count);
    }
}
