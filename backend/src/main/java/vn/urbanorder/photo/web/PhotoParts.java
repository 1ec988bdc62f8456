package vn.urbanorder.photo.web;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.multipart.Part;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.photo.IncomingPhotos;
import vn.urbanorder.photo.PhotosProperties;
import vn.urbanorder.photo.SentPhoto;
import vn.urbanorder.photo.UploadedPhoto;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.web.SpooledFilePart;

/**
 * The {@code photos} parts of a multipart form: counted once the form has arrived, before any is
 * read (422 past the limit; the one count check for reports, actions and reviews); then, under an
 * upload slot, written to files as they are read, each refused with 413 past its size before more
 * of it is read.
 */
@Component
@NamedInterface("uploads")
public class PhotoParts {

    private final PhotosProperties limits;
    private final IncomingPhotos incoming;

    PhotoParts(PhotosProperties limits, IncomingPhotos incoming) {
        this.limits = limits;
        this.incoming = incoming;
    }

    /**
     * The parts, once the whole form has arrived: the codec has kept the small ones in memory and
     * spooled the rest to files, within its limits on parts and their sizes.
     */
    public Mono<List<Part>> received(@Nullable Flux<Part> photos) {
        return (photos == null ? Flux.<Part>empty() : photos)
                .collectList()
                .flatMap(parts -> parts.size() > limits.maxPerReport()
                        ? Mono.error(InvalidRequestException.of(
                                "photos", "Tối đa " + limits.maxPerReport() + " ảnh mỗi lần gửi."))
                        : Mono.just(parts));
    }

    /**
     * Receives the photos as files (each refused with 413 past its size), runs the work with
     * them, and removes the files when it ends. The codec has already written and hashed those too
     * large for memory ({@link SpooledFilePart}): their files are taken over as they are; the
     * others are written as their bytes are read. Run it under an {@link UploadGate} slot.
     */
    public <T> Mono<T> receive(List<Part> photos, Function<List<UploadedPhoto>, Mono<T>> work) {
        return incoming.receive(
                photos.stream().map(PhotoParts::sent).toList(),
                limits.maxBytes(),
                () -> ProblemException.payloadTooLarge("Mỗi ảnh tối đa " + limits.maxBytes() / (1024 * 1024) + " MB."),
                work);
    }

    private static SentPhoto sent(Part part) {
        return part instanceof SpooledFilePart spooled
                ? SentPhoto.written(spooled.file(), spooled.size(), spooled.sha256())
                : SentPhoto.streamed(part.content());
    }
}
