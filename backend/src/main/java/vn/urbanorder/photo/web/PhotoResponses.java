package vn.urbanorder.photo.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.photo.CopySize;
import vn.urbanorder.photo.Photo;
import vn.urbanorder.photo.PhotoCopies;
import vn.urbanorder.photo.PhotoCopy;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.photo.StoredFile;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;

/**
 * The answer to a request for a photo the caller may see (the feature that owns the photo's
 * report decides that): its thumbnail, its viewer copy or its original, streamed from storage.
 *
 * <p>Copies are named by the original's hash, their size and the version of how they are made,
 * so they never change: their tag is {@code "<sha256>-v1-<size>"} and they may be cached for a
 * year. The original keeps its tag (the quoted hash) and its day. A photo without copies (see
 * {@link PhotoCopies}) answers a placeholder with {@value #COPY_HEADER}{@code : unavailable}, for
 * an hour only, so that a client asks again after a while.
 */
@Component
@NamedInterface("serving")
public class PhotoResponses {

    /** Says that the body is a placeholder, not a copy of the photo. */
    public static final String COPY_HEADER = "Photo-Copy";

    private static final CacheControl COPY_CACHE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
    private static final CacheControl ORIGINAL_CACHE =
            CacheControl.maxAge(Duration.ofDays(1)).cachePrivate().immutable();
    private static final CacheControl PLACEHOLDER_CACHE =
            CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

    private final Photos photos;
    private final PhotoCopies copies;

    PhotoResponses(Photos photos, PhotoCopies copies) {
        this.photos = photos;
        this.copies = copies;
    }

    /** The sizes a client may ask for. */
    private enum Size {
        THUMB,
        VIEW,
        ORIGINAL;

        static Size of(@Nullable String size) {
            if (size == null) {
                return VIEW;
            }
            return Arrays.stream(values())
                    .filter(known -> known.name().toLowerCase(Locale.ROOT).equals(size))
                    .findFirst()
                    .orElseThrow(() -> InvalidRequestException.of("size", "phải là thumb, view hoặc original"));
        }

        CopySize copy() {
            return this == THUMB ? CopySize.THUMB : CopySize.VIEW;
        }
    }

    /**
     * The photo in the requested size ({@code thumb}, {@code view}, the default, or {@code
     * original}); 422 on {@code size} for any other, before the photo is looked up; 404 when the
     * lookup finds nothing or storage lost the original.
     */
    public Mono<ResponseEntity<Resource>> answer(Mono<Photo> photo, @Nullable String size, ServerWebExchange exchange) {
        Size requested;
        try {
            requested = Size.of(size);
        } catch (InvalidRequestException invalid) {
            return Mono.error(invalid);
        }
        return photo.flatMap(found -> requested == Size.ORIGINAL
                        ? original(found, exchange)
                        : copy(found, requested.copy(), exchange))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có ảnh này.")));
    }

    private Mono<ResponseEntity<Resource>> original(Photo photo, ServerWebExchange exchange) {
        String tag = "\"" + photo.sha256() + "\"";
        if (matches(exchange, tag)) {
            return Mono.just(notModified(tag, ORIGINAL_CACHE));
        }
        return photos.content(photo)
                .map(file -> body(tag, ORIGINAL_CACHE, MediaType.parseMediaType(photo.contentType()), file));
    }

    private Mono<ResponseEntity<Resource>> copy(Photo photo, CopySize size, ServerWebExchange exchange) {
        String tag = "\"" + photo.sha256() + "-v" + CopySize.VERSION + "-" + size.key() + "\"";
        String placeholderTag = "\"unavailable-v" + CopySize.VERSION + "-" + size.key() + "\"";
        // Both tags are known without storage: a current client is answered from the row alone.
        if (matches(exchange, tag)) {
            return Mono.just(notModified(tag, COPY_CACHE));
        }
        if (matches(exchange, placeholderTag) && copies.knownUnavailable(photo)) {
            return Mono.just(placeholder(ResponseEntity.status(HttpStatus.NOT_MODIFIED), placeholderTag)
                    .build());
        }
        return copies.copy(photo, size).map(copy -> available(copy, tag, placeholderTag, exchange));
    }

    private static ResponseEntity<Resource> available(
            PhotoCopy copy, String tag, String placeholderTag, ServerWebExchange exchange) {
        if (copy.available()) {
            return body(tag, COPY_CACHE, MediaType.IMAGE_JPEG, copy.file());
        }
        if (matches(exchange, placeholderTag)) {
            return placeholder(ResponseEntity.status(HttpStatus.NOT_MODIFIED), placeholderTag)
                    .build();
        }
        return placeholder(ResponseEntity.ok(), placeholderTag)
                .contentType(MediaType.IMAGE_JPEG)
                .body(new StreamedResource(copy.file()));
    }

    private static ResponseEntity.BodyBuilder placeholder(ResponseEntity.BodyBuilder builder, String tag) {
        return builder.eTag(tag).cacheControl(PLACEHOLDER_CACHE).header(COPY_HEADER, "unavailable");
    }

    private static ResponseEntity<Resource> body(String tag, CacheControl cache, MediaType type, StoredFile file) {
        return ResponseEntity.ok()
                .eTag(tag)
                .cacheControl(cache)
                .contentType(type)
                .body(new StreamedResource(file));
    }

    private static ResponseEntity<Resource> notModified(String tag, CacheControl cache) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                .eTag(tag)
                .cacheControl(cache)
                .build();
    }

    /** Whether the client's {@code If-None-Match} names the tag, weakly or not. */
    private static boolean matches(ServerWebExchange exchange, String tag) {
        return exchange.getRequest().getHeaders().getIfNoneMatch().stream()
                .map(sent -> sent.startsWith("W/") ? sent.substring(2) : sent)
                .anyMatch(tag::equals);
    }
}
