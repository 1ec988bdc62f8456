package vn.urbanorder.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.multipart.Part;
import vn.urbanorder.shared.RandomIds;

/**
 * Takes one {@code multipart/form-data} body apart as its buffers arrive (RFC 7578, RFC 2046
 * section 5.1.1): preamble, parts, epilogue. Each buffer is searched whole for the delimiter
 * ({@link DelimiterSearch}) and released before {@link #take} returns; form fields and small parts
 * are copied to the heap, and a part past the in-memory size is written to a file of its own in
 * the spool folder as its bytes arrive, hashed on the way ({@link SpooledFilePart}).
 *
 * <p>It blocks (files are created and written here), so it runs off the event loops, one buffer
 * at a time. {@link #abandon} may come from another thread; it waits for the buffer in hand.
 * Until the form is complete, the files are the parser's own: it deletes them all if the form is
 * abandoned (a broken or truncated body, a limit passed, a client gone). Once {@link #finish}
 * answered, they belong to the parts.
 */
final class FormParser {

    private static final Logger log = LoggerFactory.getLogger(FormParser.class);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private enum Stage {
        PREAMBLE,
        AFTER_DELIMITER,
        HEADERS,
        BODY,
        EPILOGUE,
        CLOSED
    }

    private final MultipartLimits limits;
    private final Path folder;
    private final DelimiterSearch delimiter;
    private final List<Path> files = new ArrayList<>();

    private Stage stage = Stage.PREAMBLE;
    private int parts;
    private final byte[] afterDelimiter = new byte[2];
    private int afterDelimiterLength;
    private final ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
    private int headersEndMatched;
    private @Nullable PartBody body;

    FormParser(byte[] boundary, MultipartLimits limits, Path folder) {
        this.limits = limits;
        this.folder = folder;
        byte[] pattern = new byte[boundary.length + 4];
        pattern[0] = '\r';
        pattern[1] = '\n';
        pattern[2] = '-';
        pattern[3] = '-';
        System.arraycopy(boundary, 0, pattern, 4, boundary.length);
        this.delimiter = new DelimiterSearch(pattern);
        delimiter.assumePreceding(CRLF);
    }

    /**
     * Reads the buffer and releases it; the parts it completed, in order. Throws {@link
     * DecodingException} for a broken form or too many parts, {@link DataBufferLimitException}
     * for a part or its headers past their size, {@link UncheckedIOException} when a file cannot
     * be written.
     */
    synchronized List<Part> take(DataBuffer buffer) {
        try {
            if (stage == Stage.CLOSED) {
                return List.of();
            }
            List<Part> completed = new ArrayList<>(1);
            try (DataBuffer.ByteBufferIterator segments = buffer.readableByteBuffers()) {
                while (segments.hasNext() && stage != Stage.EPILOGUE) {
                    take(segments.next(), completed);
                }
            }
            return completed;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool a multipart part to " + folder, e);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Called when the body has ended: nothing, or the error of a form that did not end. */
    synchronized List<Part> finish() {
        return switch (stage) {
            case EPILOGUE, CLOSED -> List.of();
            case PREAMBLE -> throw new DecodingException("Could not find the first boundary");
            case AFTER_DELIMITER, HEADERS -> throw new DecodingException("Could not find the end of part headers");
            case BODY -> throw new DecodingException("Could not find the end of a part's body");
        };
    }

    /** Deletes every file this form made and takes no more; blocks. */
    synchronized void abandon() {
        stage = Stage.CLOSED;
        if (body != null) {
            body.close();
            body = null;
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the multipart file {}: {}", file, e.toString());
            }
        }
        files.clear();
    }

    private void take(ByteBuffer buffer, List<Part> completed) throws IOException {
        int position = buffer.position();
        int limit = buffer.limit();
        while (position < limit) {
            switch (stage) {
                case PREAMBLE -> {
                    position = delimiter.search(buffer, position, DelimiterSearch.Bytes.DISCARD);
                    if (position < 0) {
                        return;
                    }
                    stage = Stage.AFTER_DELIMITER;
                    afterDelimiterLength = 0;
                }
                case AFTER_DELIMITER -> {
                    while (afterDelimiterLength < 2 && position < limit) {
                        afterDelimiter[afterDelimiterLength++] = buffer.get(position++);
                    }
                    if (afterDelimiterLength == 2) {
                        if (afterDelimiter[0] == '-' && afterDelimiter[1] == '-') {
                            stage = Stage.EPILOGUE; // what follows the last delimiter is ignored
                            return;
                        }
                        // The two bytes begin the headers: CRLF, or padding before it.
                        headerBytes.reset();
                        headersEndMatched = 0;
                        stage = Stage.HEADERS;
                        for (byte b : afterDelimiter) {
                            headerByte(b);
                        }
                        if (headersEndMatched == HEADERS_END.length) {
                            startPart();
                        }
                    }
                }
                case HEADERS -> {
                    while (position < limit && headersEndMatched < HEADERS_END.length) {
                        headerByte(buffer.get(position++));
                    }
                    if (headersEndMatched == HEADERS_END.length) {
                        startPart();
                    }
                }
                case BODY -> {
                    PartBody current = Objects.requireNonNull(body, "a part in progress");
                    position = delimiter.search(buffer, position, current);
                    if (position < 0) {
                        return;
                    }
                    completed.add(current.complete());
                    body = null;
                    stage = Stage.AFTER_DELIMITER;
                    afterDelimiterLength = 0;
                }
                case EPILOGUE, CLOSED -> {
                    return;
                }
            }
        }
    }

    private void headerByte(byte b) {
        headerBytes.write(b);
        if (limits.maxHeadersSize() >= 0 && headerBytes.size() > limits.maxHeadersSize()) {
            throw new DataBufferLimitException(
                    "Part headers exceeded the memory usage limit of " + limits.maxHeadersSize() + " bytes");
        }
        if (b == HEADERS_END[headersEndMatched]) {
            headersEndMatched++;
        } else {
            headersEndMatched = b == HEADERS_END[0] ? 1 : 0;
        }
    }

    private void startPart() throws IOException {
        parts++;
        if (limits.maxParts() >= 0 && parts > limits.maxParts()) {
            throw new DecodingException("Too many parts (" + parts + "/" + limits.maxParts() + " allowed)");
        }
        HttpHeaders headers = headers(headerBytes.toByteArray());
        if (headers.getContentDisposition().getName() == null) {
            throw new DecodingException("A part without a name in its Content-Disposition");
        }
        body = ReceivedParts.isField(headers) ? new FieldBody(headers) : new ContentBody(headers);
        stage = Stage.BODY;
    }

    /** The header lines, each {@code name: value}; lines without a colon (padding) are skipped. */
    private HttpHeaders headers(byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        String text = new String(bytes, 0, bytes.length - HEADERS_END.length, limits.headersCharset());
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).strip();
                if (!name.isEmpty()) {
                    headers.add(name, line.substring(colon + 1).strip());
                }
            }
        }
        return headers;
    }

    /** The bytes of the part being read, up to the next delimiter. */
    private interface PartBody extends DelimiterSearch.Bytes {

        Part complete() throws IOException;

        /** Lets go of what it holds when the form is abandoned. */
        default void close() {}
    }

    /** A form field: its value is kept in memory, and may not be larger than that allows. */
    private final class FieldBody implements PartBody {

        private final HttpHeaders headers;
        private final ByteArrayOutputStream value = new ByteArrayOutputStream();

        FieldBody(HttpHeaders headers) {
            this.headers = headers;
        }

        @Override
        public void take(ByteBuffer bytes) {
            if (limits.maxInMemorySize() >= 0 && value.size() + bytes.remaining() > limits.maxInMemorySize()) {
                throw new DataBufferLimitException(
                        "Form field value exceeded the memory usage limit of " + limits.maxInMemorySize() + " bytes");
            }
            copy(bytes, value);
        }

        @Override
        public Part complete() {
            return ReceivedParts.field(headers, value.toByteArray());
        }
    }

    /** Any other part: in memory while it is small, then in a file of its own, hashed as it goes. */
    private final class ContentBody implements PartBody {

        private final HttpHeaders headers;
        private final MessageDigest digest = sha256();
        /** The bytes so far, as they came, while they fit in memory. */
        private @Nullable List<byte[]> memory = new ArrayList<>();

        private @Nullable FileChannel channel;
        private @Nullable Path file;
        private long size;

        ContentBody(HttpHeaders headers) {
            this.headers = headers;
        }

        @Override
        public void take(ByteBuffer bytes) throws IOException {
            size += bytes.remaining();
            if (limits.maxDiskUsagePerPart() >= 0 && size > limits.maxDiskUsagePerPart()) {
                throw new DataBufferLimitException(
                        "Part exceeded the disk usage limit of " + limits.maxDiskUsagePerPart() + " bytes");
            }
            digest.update(bytes.duplicate());
            List<byte[]> held = memory;
            if (held != null && (limits.maxInMemorySize() < 0 || size <= limits.maxInMemorySize())) {
                byte[] copy = new byte[bytes.remaining()];
                bytes.duplicate().get(copy);
                held.add(copy);
                return;
            }
            FileChannel out = channel;
            if (out == null) {
                out = spool(held);
            }
            writeFully(out, bytes);
        }

        /** Moves what memory holds into a new file, from where the rest of the part goes. */
        private FileChannel spool(@Nullable List<byte[]> held) throws IOException {
            Path created = folder.resolve(RandomIds.uuid() + MultipartSpool.SUFFIX);
            files.add(created);
            file = created;
            FileChannel out = FileChannel.open(created, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            channel = out;
            if (held != null) {
                for (byte[] chunk : held) {
                    writeFully(out, ByteBuffer.wrap(chunk));
                }
            }
            memory = null;
            return out;
        }

        @Override
        public Part complete() throws IOException {
            FileChannel out = channel;
            Path spooled = file;
            if (out == null || spooled == null) {
                List<byte[]> held = Objects.requireNonNull(memory, "in memory");
                byte[] bytes = new byte[(int) size];
                int at = 0;
                for (byte[] chunk : held) {
                    System.arraycopy(chunk, 0, bytes, at, chunk.length);
                    at += chunk.length;
                }
                return ReceivedParts.held(headers, bytes);
            }
            channel = null;
            out.close();
            return ReceivedParts.spooled(headers, spooled, size, HexFormat.of().formatHex(digest.digest()));
        }

        @Override
        public void close() {
            FileChannel out = channel;
            channel = null;
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    log.debug("Closing an abandoned multipart file failed: {}", e.toString());
                }
            }
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static void copy(ByteBuffer bytes, ByteArrayOutputStream to) {
        if (bytes.hasArray()) {
            to.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } else {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            to.write(copy, 0, copy.length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
