package vn.urbanorder.photo;

import java.nio.ByteBuffer;

/**
 * A JPEG's structure: SOI, then marker segments of consistent lengths up to the first scan, a
 * frame header (SOF) with both dimensions before it, the entropy-coded scans, and an EOI after
 * them. Bytes after the EOI are allowed, since phones append data there (motion photos, secondary
 * images). EXIF is the first APP1 segment that starts with {@code Exif\0\0}; any other is ignored.
 */
final class JpegStructure {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP1 = 0xE1;

    private JpegStructure() {}

    static ImageStructure read(ByteBuffer bytes) {
        if (Bytes.u8(bytes, 0) != 0xFF || Bytes.u8(bytes, 1) != SOI) {
            throw new NotAnImage("no SOI");
        }
        int at = 2;
        long width = 0;
        long height = 0;
        boolean frame = false;
        boolean scanned = false;
        ByteBuffer exif = null;
        while (true) {
            if (Bytes.u8(bytes, at) != 0xFF) {
                throw new NotAnImage("no marker at byte " + at);
            }
            while (Bytes.u8(bytes, at) == 0xFF) {
                at++; // fill bytes
            }
            int marker = Bytes.u8(bytes, at++);
            if (marker == EOI) {
                if (!scanned) {
                    throw new NotAnImage("EOI before any scan");
                }
                break;
            }
            if (marker == 0x00 || marker == SOI || (marker >= 0xD0 && marker <= 0xD7)) {
                throw new NotAnImage("marker " + Integer.toHexString(marker) + " out of place");
            }
            if (marker == 0x01) {
                continue; // TEM: no length
            }
            int length = Bytes.u16be(bytes, at);
            if (length < 2) {
                throw new NotAnImage("segment length " + length);
            }
            Bytes.check(bytes, at, length);
            if (isFrameHeader(marker)) {
                if (frame) {
                    throw new NotAnImage("a second frame header");
                }
                int components = Bytes.u8(bytes, at + 7);
                if (length != 8 + 3 * components || components == 0) {
                    throw new NotAnImage("frame header of " + length + " bytes");
                }
                height = Bytes.u16be(bytes, at + 3);
                width = Bytes.u16be(bytes, at + 5);
                if (width == 0 || height == 0) {
                    throw new NotAnImage("frame of unknown size");
                }
                frame = true;
            } else if (marker == APP1 && exif == null && length >= 8 && Bytes.ascii(bytes, at + 2, "Exif\0\0")) {
                exif = ImageStructure.exif(bytes, at + 8, length - 8);
            }
            at += length;
            if (marker == SOS) {
                if (!frame) {
                    throw new NotAnImage("a scan before the frame header");
                }
                at = afterScan(bytes, at);
                scanned = true;
            }
        }
        return new ImageStructure(PhotoType.JPEG, width, height, exif);
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * The offset of the marker that ends the entropy-coded data starting at the offset. Most of a
     * photo is entropy-coded data, so it is skipped eight bytes at a time while none of them is
     * 0xFF, which ends the scan or escapes a byte of it.
     */
    private static int afterScan(ByteBuffer bytes, int at) {
        int end = bytes.limit() - 1;
        int lastWord = bytes.limit() - Long.BYTES;
        while (at < end) {
            while (at <= lastWord && !hasFF(bytes.getLong(at))) {
                at += Long.BYTES;
            }
            if (at >= end) {
                break;
            }
            if (bytes.get(at) == (byte) 0xFF) {
                int next = bytes.get(at + 1) & 0xFF;
                // A stuffed zero or a restart marker belongs to the scan; anything else ends it.
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return at;
                }
                at += next == 0xFF ? 1 : 2;
            } else {
                at++;
            }
        }
        throw new NotAnImage("the scan has no end");
    }

    /** Whether any of the eight bytes is 0xFF: a zero byte of its complement (a classic bit trick). */
    static boolean hasFF(long word) {
        long inverted = ~word;
        return ((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) != 0;
    }
}
