package vn.urbanorder.photo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a photo may have. Its first bytes say which one a file claims to be (never a
 * client's header); {@link ImageStructure} then checks that the whole file is one.
 */
public enum PhotoType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    HEIC("image/heic");

    private final String contentType;

    PhotoType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The type a stored photo was judged to be, by the content type recorded with it. */
    public static Optional<PhotoType> ofContentType(String contentType) {
        return Arrays.stream(values())
                .filter(type -> type.contentType.equals(contentType))
                .findFirst();
    }

    public static Optional<PhotoType> of(ByteBuffer bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 4, ascii("ftyp")) && bytes.limit() >= 12) {
            byte[] code = new byte[4];
            bytes.get(8, code);
            String brand = new String(code, StandardCharsets.US_ASCII);
            if (Arrays.asList("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1")
                    .contains(brand)) {
                return Optional.of(HEIC);
            }
        }
        return Optional.empty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(ByteBuffer bytes, int offset, byte[] prefix) {
        if (bytes.limit() < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes.get(offset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
