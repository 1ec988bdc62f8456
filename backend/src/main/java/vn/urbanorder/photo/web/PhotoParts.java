package vn.urbanorder.photo.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.Part;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.photo.PhotosProperties;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;

/**
 * The {@code photos} parts of a multipart form: counted once the form has arrived, before any is
 * read into memory (422 past the limit; the one count check for reports, actions and reviews);
 * then, under an upload slot, read as bytes, each refused with 413 past its size before more of
 * it is read.
 */
@Component
@NamedInterface("uploads")
public class PhotoParts {

    private final PhotosProperties limits;

    PhotoParts(PhotosProperties limits) {
        this.limits = limits;
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

    /** The photos' bytes, in memory: read them under an {@link UploadGate} slot. */
    public Mono<List<byte[]>> read(List<Part> photos) {
        return Flux.fromIterable(photos).concatMap(this::bytesOf).collectList();
    }

    private Mono<byte[]> bytesOf(Part part) {
        return DataBufferUtils.join(part.content(), Math.toIntExact(limits.maxBytes()))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        tooLarge -> ProblemException.payloadTooLarge(
                                "Mỗi ảnh tối đa " + limits.maxBytes() / (1024 * 1024) + " MB."));
    }
}
