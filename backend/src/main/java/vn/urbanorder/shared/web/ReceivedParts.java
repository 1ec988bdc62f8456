package vn.urbanorder.shared.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The parts {@link FormParser} makes, as the framework's own codec would: a form field (no file
 * name, no type or {@code text/plain}) with its value; any other part with its bytes in memory or,
 * past the in-memory size, in a file; a {@link FilePart} wherever a file name was sent. Only a
 * spooled part holds anything outside the heap, and its {@link Part#delete()} removes it.
 */
final class ReceivedParts {

    private static final int READ_CHUNK = 64 * 1024;

    private ReceivedParts() {}

    static FormFieldPart field(HttpHeaders headers, byte[] value) {
        return new Field(headers, value);
    }

    static Part held(HttpHeaders headers, byte[] bytes) {
        return filename(headers) == null ? new Held(headers, bytes) : new HeldFile(headers, bytes);
    }

    static Part spooled(HttpHeaders headers, Path file, long size, String sha256) {
        return filename(headers) == null
                ? new Spooled(headers, file, size, sha256)
                : new SpooledFile(headers, file, size, sha256);
    }

    /** A form field as RFC 7578 has it: no file name, and text or no type at all. */
    static boolean isField(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return (type == null || MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) && filename(headers) == null;
    }

    static @Nullable String filename(HttpHeaders headers) {
        return headers.getContentDisposition().getFilename();
    }

    private abstract static class Received implements Part {

        private final HttpHeaders headers;
        private final String name;

        Received(HttpHeaders headers) {
            this.headers = headers;
            this.name = Objects.requireNonNull(headers.getContentDisposition().getName(), "checked by the parser");
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public HttpHeaders headers() {
            return headers;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + " '" + name + "'";
        }
    }

    private static final class Field extends Received implements FormFieldPart {

        private final byte[] value;

        Field(HttpHeaders headers, byte[] value) {
            super(headers);
            this.value = value;
        }

        @Override
        public String value() {
            MediaType type = headers().getContentType();
            Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
            return new String(value, charset);
        }

        @Override
        public Flux<DataBuffer> content() {
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(value.clone())));
        }
    }

    private static class Held extends Received {

        private final byte[] bytes;

        Held(HttpHeaders headers, byte[] bytes) {
            super(headers);
            this.bytes = bytes;
        }

        @Override
        public Flux<DataBuffer> content() {
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes.clone())));
        }

        Mono<Void> transferTo(Path target) {
            return Mono.<Void>fromCallable(() -> {
                        Files.write(target, bytes);
                        return null;
                    })
                    .subscribeOn(Schedulers.boundedElastic());
        }
    }

    private static final class HeldFile extends Held implements FilePart {

        HeldFile(HttpHeaders headers, byte[] bytes) {
            super(headers, bytes);
        }

        @Override
        public String filename() {
            return Objects.requireNonNull(ReceivedParts.filename(headers()), "a file part");
        }

        @Override
        public Mono<Void> transferTo(Path target) {
            return super.transferTo(target);
        }
    }

    private static class Spooled extends Received {

        private final Path file;
        private final long size;
        private final String sha256;

        Spooled(HttpHeaders headers, Path file, long size, String sha256) {
            super(headers);
            this.file = file;
            this.size = size;
            this.sha256 = sha256;
        }

        public Path file() {
            return file;
        }

        public long size() {
            return size;
        }

        public String sha256() {
            return sha256;
        }

        @Override
        public Flux<DataBuffer> content() {
            return DataBufferUtils.readByteChannel(
                            () -> Files.newByteChannel(file, StandardOpenOption.READ),
                            DefaultDataBufferFactory.sharedInstance,
                            READ_CHUNK)
                    .subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        public Mono<Void> delete() {
            return Mono.<Void>fromCallable(() -> {
                        Files.deleteIfExists(file);
                        return null;
                    })
                    .subscribeOn(Schedulers.boundedElastic());
        }

        Mono<Void> transferTo(Path target) {
            return Mono.<Void>fromCallable(() -> {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                        return null;
                    })
                    .subscribeOn(Schedulers.boundedElastic());
        }
    }

    private static final class SpooledFile extends Spooled implements SpooledFilePart {

        SpooledFile(HttpHeaders headers, Path file, long size, String sha256) {
            super(headers, file, size, sha256);
        }

        @Override
        public String filename() {
            return Objects.requireNonNull(ReceivedParts.filename(headers()), "a file part");
        }

        @Override
        public Mono<Void> transferTo(Path target) {
            return super.transferTo(target);
        }
    }
}
