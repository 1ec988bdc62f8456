package vn.urbanorder.shared.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a {@code multipart/form-data} body into its parts, in place of the framework's {@code
 * DefaultPartHttpMessageReader}, within the same limits and with the same errors, but in one pass
 * over whole buffers ({@link FormParser}): the framework's parser queued every buffer it looked at
 * and compared byte by byte, which cost most of the CPU of taking photos in.
 *
 * <p>The body is parsed on a bounded elastic worker, since large parts are written to files as
 * they arrive; at most {@link #PREFETCH} buffers wait for it, so a disk slower than the network
 * slows the reading of the socket instead of filling memory. Buffers left waiting when the
 * reading stops are released; the form's files are deleted unless the form was read whole.
 */
final class PartReader implements HttpMessageReader<Part> {

    /** Buffers of a body that may wait for the parser. */
    static final int PREFETCH = 16;

    private final MultipartLimits limits;
    private final Path folder;
    private final Scheduler scheduler;

    PartReader(MultipartLimits limits, Path folder) {
        this(limits, folder, Schedulers.boundedElastic());
    }

    PartReader(MultipartLimits limits, Path folder, Scheduler scheduler) {
        this.limits = limits;
        this.folder = folder;
        this.scheduler = scheduler;
    }

    @Override
    public List<MediaType> getReadableMediaTypes() {
        return List.of(MediaType.MULTIPART_FORM_DATA);
    }

    @Override
    public boolean canRead(ResolvableType elementType, @Nullable MediaType mediaType) {
        return Part.class.equals(elementType.toClass())
                && (mediaType == null || MediaType.MULTIPART_FORM_DATA.isCompatibleWith(mediaType));
    }

    @Override
    public Flux<Part> read(ResolvableType elementType, ReactiveHttpInputMessage message, Map<String, Object> hints) {
        return Flux.defer(() -> {
            byte[] boundary = boundary(message.getHeaders().getContentType());
            if (boundary == null) {
                return Flux.error(new DecodingException("No multipart boundary found in Content-Type: \""
                        + message.getHeaders().getContentType() + "\""));
            }
            FormParser parser = new FormParser(boundary, limits, folder);
            Refusal refusal = new Refusal();
            return message.getBody()
                    .publishOn(scheduler, PREFETCH)
                    // No fusion: the parser must run where publishOn delivers, never on a thread
                    // that merely requests more (an event loop).
                    .hide()
                    .<List<Part>>handle((buffer, sink) -> {
                        if (refusal.draining()) {
                            if (!refusal.discard(buffer)) {
                                sink.error(refusal.reason());
                            }
                            return;
                        }
                        try {
                            sink.next(parser.take(buffer));
                        } catch (DecodingException | DataBufferLimitException refused) {
                            refusal.refuse(refused);
                        }
                    })
                    .concatWith(Mono.defer(() ->
                            refusal.draining() ? Mono.error(refusal.reason()) : Mono.fromCallable(parser::finish)))
                    .concatMapIterable(parts -> parts)
                    .doFinally(signal -> {
                        if (signal != SignalType.ON_COMPLETE) {
                            abandon(parser);
                        }
                    })
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        });
    }

    @Override
    public Mono<Part> readMono(
            ResolvableType elementType, ReactiveHttpInputMessage message, Map<String, Object> hints) {
        return Mono.error(new UnsupportedOperationException("A multipart body is read into its parts, not one part"));
    }

    /**
     * A form refused for its shape (a part too many, too large, a broken form) is refused once the
     * client has finished sending, as long as the rest is at most {@link #DRAIN_LIMIT}: the rest is
     * read and dropped first, so the client, still writing, reads the 400 or 413 instead of a
     * connection reset (closing a socket with unread bytes resets it, which can lose the answer).
     * Past the limit, the refusal goes at once and the connection closes.
     */
    static final class Refusal {

        /** How much of a refused form's rest is read and dropped before refusing it. */
        static final long DRAIN_LIMIT = 1024 * 1024;

        private @Nullable RuntimeException reason;
        private long drained;

        void refuse(RuntimeException why) {
            reason = why;
        }

        boolean draining() {
            return reason != null;
        }

        RuntimeException reason() {
            return java.util.Objects.requireNonNull(reason, "refused first");
        }

        /** Drops the buffer; false once the rest has gone past the limit. */
        boolean discard(DataBuffer buffer) {
            drained += buffer.readableByteCount();
            DataBufferUtils.release(buffer);
            return drained <= DRAIN_LIMIT;
        }
    }

    /** Deletes the form's files off the calling thread, which may be an event loop. */
    private void abandon(FormParser parser) {
        try {
            scheduler.schedule(parser::abandon);
        } catch (RejectedExecutionException shuttingDown) {
            parser.abandon();
        }
    }

    /** The boundary parameter, unquoted; null without one. */
    private byte @Nullable [] boundary(@Nullable MediaType contentType) {
        String boundary = contentType == null ? null : contentType.getParameter("boundary");
        if (boundary == null) {
            return null;
        }
        if (boundary.length() > 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        return boundary.isEmpty() ? null : boundary.getBytes(limits.headersCharset());
    }
}
