package vn.urbanorder.photo;

import java.nio.ByteBuffer;

/**
 * A WebP's structure: a RIFF container no longer than the file, whose chunks' sizes add up within
 * it, starting with a VP8 (lossy key frame), VP8L (lossless) or VP8X (extended) chunk whose header
 * gives the size; an extended file must also hold an image (VP8, VP8L or animation frames). EXIF
 * is the first {@code EXIF} chunk.
 */
final class WebpStructure {

    private WebpStructure() {}

    static ImageStructure read(ByteBuffer bytes) {
        if (!Bytes.ascii(bytes, 0, "RIFF") || !Bytes.ascii(bytes, 8, "WEBP")) {
            throw new NotAnImage("no RIFF WEBP header");
        }
        long end = 8 + Bytes.u32le(bytes, 4);
        if (end > bytes.limit()) {
            throw new NotAnImage("RIFF size beyond the file");
        }
        long width = 0;
        long height = 0;
        boolean extended = false;
        boolean image = false;
        ByteBuffer exif = null;
        long at = 12;
        if (at + 8 > end) {
            throw new NotAnImage("no chunks");
        }
        while (at < end) {
            if (at + 8 > end) {
                throw new NotAnImage("a chunk header beyond the RIFF size");
            }
            long size = Bytes.u32le(bytes, at + 4);
            long content = at + 8;
            if (content + size > end) {
                throw new NotAnImage("a chunk beyond the RIFF size at byte " + at);
            }
            boolean lossy = Bytes.ascii(bytes, at, "VP8 ");
            boolean lossless = Bytes.ascii(bytes, at, "VP8L");
            if (at == 12) {
                if (lossy || lossless) {
                    long[] frame = lossy ? lossySize(bytes, content, size) : losslessSize(bytes, content, size);
                    width = frame[0];
                    height = frame[1];
                } else if (Bytes.ascii(bytes, at, "VP8X")) {
                    if (size < 10) {
                        throw new NotAnImage("VP8X of " + size + " bytes");
                    }
                    extended = true;
                    width = Bytes.u24le(bytes, content + 4) + 1L;
                    height = Bytes.u24le(bytes, content + 7) + 1L;
                } else {
                    throw new NotAnImage("first chunk is " + Bytes.fourCc(bytes, at));
                }
            } else if (extended && (lossy || lossless)) {
                if (lossy) {
                    lossySize(bytes, content, size);
                } else {
                    losslessSize(bytes, content, size);
                }
                image = true;
            } else if (extended && Bytes.ascii(bytes, at, "ANMF")) {
                image = true;
            } else if (Bytes.ascii(bytes, at, "EXIF") && exif == null) {
                int skip = Bytes.ascii(bytes, content, "Exif\0\0") ? 6 : 0;
                exif = ImageStructure.exif(bytes, (int) content + skip, (int) size - skip);
            }
            // Chunks are padded to an even size; a missing last pad byte is tolerated.
            at = Math.min(content + size + (size & 1), end);
        }
        if (extended && !image) {
            throw new NotAnImage("an extended WebP without an image");
        }
        return new ImageStructure(PhotoType.WEBP, width, height, exif);
    }

    /** A VP8 key frame's header: frame tag, start code, 14-bit width and height. */
    private static long[] lossySize(ByteBuffer bytes, long content, long size) {
        if (size < 10
                || (Bytes.u8(bytes, content) & 1) != 0
                || Bytes.u8(bytes, content + 3) != 0x9D
                || Bytes.u8(bytes, content + 4) != 0x01
                || Bytes.u8(bytes, content + 5) != 0x2A) {
            throw new NotAnImage("VP8 data is not a key frame");
        }
        long width = Bytes.u16le(bytes, content + 6) & 0x3FFF;
        long height = Bytes.u16le(bytes, content + 8) & 0x3FFF;
        if (width == 0 || height == 0) {
            throw new NotAnImage("VP8 frame of size 0");
        }
        return new long[] {width, height};
    }

    /** A VP8L header: signature 0x2F, then 14 bits each of width and height less one, version 0. */
    private static long[] losslessSize(ByteBuffer bytes, long content, long size) {
        if (size < 5 || Bytes.u8(bytes, content) != 0x2F) {
            throw new NotAnImage("VP8L data without its signature");
        }
        long bits = Bytes.u32le(bytes, content + 1);
        if (bits >>> 29 != 0) {
            throw new NotAnImage("VP8L version " + (bits >>> 29));
        }
        return new long[] {(bits & 0x3FFF) + 1, (bits >>> 14 & 0x3FFF) + 1};
    }
}
