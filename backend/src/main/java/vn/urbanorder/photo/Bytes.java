package vn.urbanorder.photo;

import java.nio.ByteBuffer;

/**
 * Bounds-checked reads of numbers from an untrusted file: reading past its end means the file is
 * not what it claims ({@link NotAnImage}), never an index error.
 */
final class Bytes {

    private Bytes() {}

    static int u8(ByteBuffer bytes, long at) {
        check(bytes, at, 1);
        return bytes.get((int) at) & 0xFF;
    }

    static int u16be(ByteBuffer bytes, long at) {
        check(bytes, at, 2);
        int i = (int) at;
        return (bytes.get(i) & 0xFF) << 8 | bytes.get(i + 1) & 0xFF;
    }

    static int u16le(ByteBuffer bytes, long at) {
        check(bytes, at, 2);
        int i = (int) at;
        return (bytes.get(i + 1) & 0xFF) << 8 | bytes.get(i) & 0xFF;
    }

    static int u24le(ByteBuffer bytes, long at) {
        check(bytes, at, 3);
        int i = (int) at;
        return (bytes.get(i + 2) & 0xFF) << 16 | (bytes.get(i + 1) & 0xFF) << 8 | bytes.get(i) & 0xFF;
    }

    static long u32be(ByteBuffer bytes, long at) {
        check(bytes, at, 4);
        return (long) u16be(bytes, at) << 16 | u16be(bytes, at + 2);
    }

    static long u32le(ByteBuffer bytes, long at) {
        check(bytes, at, 4);
        return (long) u16le(bytes, at + 2) << 16 | u16le(bytes, at);
    }

    /** A big-endian unsigned number of 0, 1, 2, 4 or 8 bytes (ISO-BMFF's variable-size fields). */
    static long uintBe(ByteBuffer bytes, long at, int size) {
        return switch (size) {
            case 0 -> 0;
            case 1 -> u8(bytes, at);
            case 2 -> u16be(bytes, at);
            case 4 -> u32be(bytes, at);
            case 8 -> {
                long value = u32be(bytes, at) << 32 | u32be(bytes, at + 4);
                if (value < 0) {
                    throw new NotAnImage("a 64-bit size beyond any file");
                }
                yield value;
            }
            default -> throw new NotAnImage("a field of " + size + " bytes");
        };
    }

    /** Whether the bytes at the offset are these ASCII characters. */
    static boolean ascii(ByteBuffer bytes, long at, String text) {
        if (at < 0 || at + text.length() > bytes.limit()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes.get((int) at + i) != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Four bytes as a four-character code, for reasons in the log. */
    static String fourCc(ByteBuffer bytes, long at) {
        check(bytes, at, 4);
        var code = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = bytes.get((int) at + i) & 0xFF;
            code.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return code.toString();
    }

    static void check(ByteBuffer bytes, long at, long length) {
        if (at < 0 || length < 0 || at + length > bytes.limit()) {
            throw new NotAnImage("ends early (needs byte " + (at + length) + " of " + bytes.limit() + ")");
        }
    }
}
