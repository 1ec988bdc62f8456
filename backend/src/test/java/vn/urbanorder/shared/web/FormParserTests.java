package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;

/**
 * The multipart parser on bodies cut into buffers every way the network may cut them, with Netty
 * buffers whose release is checked, and files in a folder of the test's own.
 */
class FormParserTests {

    private static final String BOUNDARY = "gc0pJq0M:08jU534c0p";
    private static final NettyDataBufferFactory NETTY = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

    /** Small, so that a few hundred bytes already go to a file. */
    private static final MultipartLimits SMALL = new MultipartLimits(8, 1024, 64, 10_000, StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private final List<ByteBuf> sent = new ArrayList<>();

    @Test
    void aFormCutAtEveryPositionIntoTwoBuffersGivesTheSameParts() throws IOException {
        byte[] photo = binary(300, 1);
        byte[] body = new Form()
                .field("report", "application/json", "{\"description\":\"Lấn chiếm vỉa hè\"}")
                .field("note", null, "ghi chú")
                .file("photos", "a.jpg", photo)
                .file("photos", "b.jpg", new byte[] {1, 2, 3})
                .end();

        for (int cut = 0; cut <= body.length; cut++) {
            List<Part> parts = parse(SMALL, slice(body, 0, cut), slice(body, cut, body.length));

            assertThat(parts).as("cut at %d", cut).hasSize(4);
            assertHeld(parts.get(0), "report", "{\"description\":\"Lấn chiếm vỉa hè\"}");
            assertField(parts.get(1), "note", "ghi chú");
            assertSpooled(parts.get(2), "photos", "a.jpg", photo);
            assertThat(parts.get(3)).isInstanceOf(FilePart.class).isNotInstanceOf(SpooledFilePart.class);
            assertThat(bytesOf(parts.get(3))).containsExactly(1, 2, 3);
            deleteFiles();
        }
        assertAllReleased();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 23, 24, 25, 26, 1000})
    void aFormInManyTinyBuffersGivesTheSameParts(int size) throws IOException {
        byte[] photo = binary(5000, 2);
        byte[] body = new Form()
                .field("report", "application/json", "{}")
                .file("photos", "a.jpg", photo)
                .end();
        List<byte[]> pieces = new ArrayList<>();
        for (int from = 0; from < body.length; from += size) {
            pieces.add(slice(body, from, Math.min(body.length, from + size)));
        }

        List<Part> parts = parse(SMALL, pieces.toArray(byte[][]::new));

        assertThat(parts).hasSize(2);
        assertHeld(parts.get(0), "report", "{}");
        assertSpooled(parts.get(1), "photos", "a.jpg", photo);
        assertAllReleased();
    }

    @Test
    void contentFullOfAlmostDelimitersIsKeptWhole() throws IOException {
        String delimiter = "\r\n--" + BOUNDARY;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int length = 0; length < delimiter.length(); length++) {
            // Every beginning of the delimiter, then a byte that breaks it off.
            content.writeBytes(delimiter.substring(0, length).getBytes(StandardCharsets.US_ASCII));
            content.write('x');
            content.writeBytes("\r\r\n-\r\n--".getBytes(StandardCharsets.US_ASCII));
        }
        content.writeBytes(delimiter.substring(0, delimiter.length() - 1).getBytes(StandardCharsets.US_ASCII));
        content.writeBytes("\r\n--".getBytes(StandardCharsets.US_ASCII));
        byte[] tricky = content.toByteArray();
        byte[] body = new Form().file("photos", "a.jpg", tricky).end();

        for (int size : new int[] {1, 5, 29, 64, body.length}) {
            List<byte[]> pieces = new ArrayList<>();
            for (int from = 0; from < body.length; from += size) {
                pieces.add(slice(body, from, Math.min(body.length, from + size)));
            }
            List<Part> parts = parse(SMALL, pieces.toArray(byte[][]::new));
            assertThat(parts).as("buffers of %d bytes", size).hasSize(1);
            assertSpooled(parts.get(0), "photos", "a.jpg", tricky);
            deleteFiles();
        }
        assertAllReleased();
    }

    @Test
    void contentEndingInCarriageReturnsAndDashesIsKeptWhole() throws IOException {
        for (String ending : List.of("\r", "\r\n", "\r\n-", "\r\n--", "\r\n\r\n", "--")) {
            byte[] value = ("value" + ending).getBytes(StandardCharsets.US_ASCII);
            byte[] body = new Form()
                    .file("f", "f.txt", value)
                    .field("after", null, "x")
                    .end();
            for (int cut = 0; cut <= body.length; cut++) {
                List<Part> parts = parse(SMALL, slice(body, 0, cut), slice(body, cut, body.length));
                assertThat(bytesOf(parts.get(0)))
                        .as("%s cut at %d", ending, cut)
                        .isEqualTo(value);
                assertField(parts.get(1), "after", "x");
            }
        }
        assertAllReleased();
    }

    @Test
    void thePreambleAndTheEpilogueAreIgnored() throws IOException {
        byte[] form = new Form().field("a", null, "1").end();
        byte[] body = concat(
                "This is the preamble.\r\n--not-it\r\n".getBytes(StandardCharsets.US_ASCII),
                form,
                "\r\nThis is the epilogue; --".getBytes(StandardCharsets.US_ASCII),
                ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nignored")
                        .getBytes(StandardCharsets.US_ASCII));

        List<Part> parts = parse(SMALL, body);

        assertThat(parts).singleElement().satisfies(part -> assertField(part, "a", "1"));
        assertAllReleased();
    }

    @Test
    void paddingAfterADelimiterAndHeadersWithoutSpacesAreRead() throws IOException {
        byte[] body = ("--" + BOUNDARY + "  \t\r\n"
                        + "content-disposition:form-data;name=\"a\"\r\n"
                        + "Content-Type:text/plain;charset=ISO-8859-1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        body = concat(
                body,
                "café".getBytes(StandardCharsets.ISO_8859_1),
                ("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));

        List<Part> parts = parse(SMALL, body);

        assertField(parts.get(0), "a", "café");
        assertAllReleased();
    }

    @Test
    void anRfc5987FileNameIsDecoded() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"photos\"; filename=\"anh.jpg\";"
                        + " filename*=UTF-8''%E1%BA%A2nh%20v%E1%BB%89a%20h%C3%A8.jpg\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n"
                        + "xyz\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        List<Part> parts = parse(SMALL, body);

        assertThat(parts).singleElement().isInstanceOfSatisfying(FilePart.class, file -> {
            assertThat(file.filename()).isEqualTo("Ảnh vỉa hè.jpg");
            assertThat(file.name()).isEqualTo("photos");
            assertThat(file.headers().getContentType()).hasToString("image/jpeg");
        });
    }

    @Test
    void aJsonPartWithoutAFileNameIsAPartButNoFormField() throws IOException {
        byte[] json = ("{\"text\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] body = new Form()
                .field("report", "application/json", new String(json, StandardCharsets.UTF_8))
                .end();

        List<Part> parts = parse(SMALL, body);

        // Over the in-memory size: spooled like any part that is not a field, yet not a file part.
        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part).isNotInstanceOf(FormFieldPart.class).isNotInstanceOf(FilePart.class);
            assertThat(bytesOf(part)).isEqualTo(json);
        });
        assertThat(files()).hasSize(1);
    }

    @Test
    void partHeadersPastTheirLimitAreRefused() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: " + "y".repeat(1100)
                        + "\r\n\r\nvalue\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> parse(SMALL, body))
                .isInstanceOf(DataBufferLimitException.class)
                .hasMessageContaining("headers");
        assertAllReleased();
    }

    @Test
    void onePartMoreThanAllowedIsRefused() {
        Form form = new Form();
        for (int i = 0; i < 9; i++) {
            form.field("f" + i, null, "v");
        }
        byte[] body = form.end();

        assertThatThrownBy(() -> parse(SMALL, body))
                .isInstanceOf(DecodingException.class)
                .hasMessageContaining("Too many parts");
        assertAllReleased();
    }

    @Test
    void aFieldPastTheInMemorySizeIsRefused() {
        byte[] body = new Form().field("note", null, "x".repeat(65)).end();

        assertThatThrownBy(() -> parse(SMALL, body)).isInstanceOf(DataBufferLimitException.class);
    }

    @Test
    void aFilePastTheDiskLimitIsRefusedAndItsFileDeleted() {
        byte[] body = new Form().file("photos", "big.jpg", binary(10_001, 3)).end();
        FormParser parser = new FormParser(BOUNDARY.getBytes(StandardCharsets.US_ASCII), SMALL, folder);

        assertThatThrownBy(() -> {
                    for (int from = 0; from < body.length; from += 1000) {
                        parser.take(netty(slice(body, from, Math.min(body.length, from + 1000))));
                    }
                })
                .isInstanceOf(DataBufferLimitException.class)
                .hasMessageContaining("10000 bytes");
        assertThat(files()).hasSize(1);
        parser.abandon();
        assertThat(files()).isEmpty();
        assertAllReleased();
    }

    @Test
    void aBodyThatEndsBeforeItsLastDelimiterIsRefusedAndItsFilesDeleted() throws IOException {
        byte[] body = new Form()
                .file("photos", "a.jpg", binary(500, 4))
                .file("photos", "b.jpg", binary(500, 5))
                .end();
        for (int end : new int[] {0, 10, 150, 700, body.length - 5, body.length - 3}) {
            FormParser parser = new FormParser(BOUNDARY.getBytes(StandardCharsets.US_ASCII), SMALL, folder);
            parser.take(netty(slice(body, 0, end)));

            assertThatThrownBy(parser::finish).as("ends at %d", end).isInstanceOf(DecodingException.class);
            parser.abandon();
            assertThat(files()).isEmpty();
        }
        assertAllReleased();
    }

    @Test
    void aBodyWithoutAnyDelimiterIsRefused() {
        FormParser parser = new FormParser(BOUNDARY.getBytes(StandardCharsets.US_ASCII), SMALL, folder);
        parser.take(netty("just text, no form".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(parser::finish).isInstanceOf(DecodingException.class);
    }

    @Test
    void aPartWithoutANameIsRefused() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nv\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> parse(SMALL, body)).isInstanceOf(DecodingException.class);
    }

    @Test
    void anAbandonedFormTakesNoMoreAndReleasesWhatComes() {
        FormParser parser = new FormParser(BOUNDARY.getBytes(StandardCharsets.US_ASCII), SMALL, folder);
        byte[] body = new Form().file("photos", "a.jpg", binary(500, 6)).end();
        parser.take(netty(slice(body, 0, 300)));
        assertThat(files()).hasSize(1);

        parser.abandon();

        assertThat(parser.take(netty(slice(body, 300, body.length)))).isEmpty();
        assertThat(parser.finish()).isEmpty();
        assertThat(files()).isEmpty();
        assertAllReleased();
    }

    @Test
    void aSpooledPartIsDeletedWithItsRequest() throws IOException {
        List<Part> parts =
                parse(SMALL, new Form().file("photos", "a.jpg", binary(500, 7)).end());
        SpooledFilePart spooled = (SpooledFilePart) parts.get(0);
        assertThat(spooled.file()).exists().hasParent(folder);
        assertThat(spooled.file().getFileName().toString()).endsWith(MultipartSpool.SUFFIX);

        spooled.delete().block();

        assertThat(spooled.file()).doesNotExist();
    }

    // --- helpers

    private List<Part> parse(MultipartLimits limits, byte[]... pieces) {
        FormParser parser = new FormParser(BOUNDARY.getBytes(StandardCharsets.US_ASCII), limits, folder);
        List<Part> parts = new ArrayList<>();
        try {
            for (byte[] piece : pieces) {
                parts.addAll(parser.take(netty(piece)));
            }
            parts.addAll(parser.finish());
        } catch (RuntimeException e) {
            parser.abandon();
            throw e;
        }
        return parts;
    }

    private DataBuffer netty(byte[] bytes) {
        ByteBuf buffer = UnpooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, bytes.length));
        buffer.writeBytes(bytes);
        sent.add(buffer);
        return NETTY.wrap(buffer);
    }

    private void assertAllReleased() {
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    private static void assertField(Part part, String name, String value) {
        assertThat(part)
                .isInstanceOfSatisfying(
                        FormFieldPart.class, field -> assertThat(field.value()).isEqualTo(value))
                .satisfies(field -> assertThat(field.name()).isEqualTo(name));
    }

    /** A part with a type and no file name: no form field, its bytes in memory. */
    private static void assertHeld(Part part, String name, String value) {
        assertThat(part).isNotInstanceOf(FormFieldPart.class).isNotInstanceOf(FilePart.class);
        assertThat(part.name()).isEqualTo(name);
        assertThat(new String(bytesOf(part), StandardCharsets.UTF_8)).isEqualTo(value);
    }

    private void assertSpooled(Part part, String name, String filename, byte[] bytes) throws IOException {
        assertThat(part).isInstanceOf(SpooledFilePart.class);
        SpooledFilePart spooled = (SpooledFilePart) part;
        assertThat(spooled.name()).isEqualTo(name);
        assertThat(spooled.filename()).isEqualTo(filename);
        assertThat(spooled.size()).isEqualTo(bytes.length);
        assertThat(spooled.sha256()).isEqualTo(sha256(bytes));
        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
    }

    private static byte[] bytesOf(Part part) {
        return DataBufferUtils.join(part.content())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .block();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteFiles() throws IOException {
        for (Path file : files()) {
            Files.delete(file);
        }
    }

    private static byte[] binary(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart body with {@link #BOUNDARY}. */
    private static final class Form {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Form field(String name, String type, String value) {
            head("Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + (type == null ? "" : "Content-Type: " + type + "\r\n"));
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Form file(String name, String filename, byte[] bytes) {
            head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n");
            out.writeBytes(bytes);
            return this;
        }

        private void head(String headers) {
            if (out.size() > 0) {
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        byte[] end() {
            out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
