package vn.urbanorder.photo;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A PNG's structure: the signature, IHDR first with a valid header, then chunks whose lengths and
 * CRCs are right, at least one IDAT, up to IEND. EXIF is the first {@code eXIf} chunk.
 */
final class PngStructure {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final long MAX_LENGTH = 0x7FFF_FFFFL;

    private PngStructure() {}

    static ImageStructure read(ByteBuffer bytes) {
        Bytes.check(bytes, 0, SIGNATURE.length);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes.get(i) != SIGNATURE[i]) {
                throw new NotAnImage("no PNG signature");
            }
        }
        long at = SIGNATURE.length;
        long width = 0;
        long height = 0;
        boolean data = false;
        ByteBuffer exif = null;
        CRC32 crc = new CRC32();
        for (int index = 0; ; index++) {
            long length = Bytes.u32be(bytes, at);
            if (length > MAX_LENGTH) {
                throw new NotAnImage("chunk length " + length);
            }
            Bytes.check(bytes, at, 12 + length);
            long type = at + 4;
            for (int i = 0; i < 4; i++) {
                int c = bytes.get((int) type + i) & 0xFF;
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    throw new NotAnImage("chunk type is not four letters at byte " + type);
                }
            }
            crc.reset();
            crc.update(bytes.slice((int) type, 4 + (int) length));
            if (crc.getValue() != Bytes.u32be(bytes, type + 4 + length)) {
                throw new NotAnImage("chunk CRC wrong at byte " + at);
            }
            long content = type + 4;
            boolean header = Bytes.ascii(bytes, type, "IHDR");
            if (header != (index == 0)) {
                throw new NotAnImage("IHDR is not the first chunk, or not the only one");
            }
            if (header) {
                if (length != 13) {
                    throw new NotAnImage("IHDR of " + length + " bytes");
                }
                width = Bytes.u32be(bytes, content);
                height = Bytes.u32be(bytes, content + 4);
                if (width == 0 || height == 0 || width > MAX_LENGTH || height > MAX_LENGTH) {
                    throw new NotAnImage("size " + width + " x " + height);
                }
                checkHeader(bytes, content);
            } else if (Bytes.ascii(bytes, type, "IDAT")) {
                data = true;
            } else if (Bytes.ascii(bytes, type, "eXIf") && exif == null) {
                // Some writers keep JPEG's "Exif\0\0" before the TIFF block.
                int skip = Bytes.ascii(bytes, content, "Exif\0\0") ? 6 : 0;
                exif = ImageStructure.exif(bytes, (int) content + skip, (int) length - skip);
            } else if (Bytes.ascii(bytes, type, "IEND")) {
                if (!data) {
                    throw new NotAnImage("IEND before any IDAT");
                }
                return new ImageStructure(PhotoType.PNG, width, height, exif);
            }
            at = content + length + 4;
        }
    }

    /** Bit depth for the colour type, compression, filter and interlace methods as the standard has them. */
    private static void checkHeader(ByteBuffer bytes, long content) {
        int depth = Bytes.u8(bytes, content + 8);
        int colour = Bytes.u8(bytes, content + 9);
        boolean valid =
                switch (colour) {
                    case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
                    case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
                    case 2, 4, 6 -> depth == 8 || depth == 16;
                    default -> false;
                };
        if (!valid
                || Bytes.u8(bytes, content + 10) != 0
                || Bytes.u8(bytes, content + 11) != 0
                || Bytes.u8(bytes, content + 12) > 1) {
            throw new NotAnImage("IHDR with colour type " + colour + ", depth " + depth);
        }
    }
}
