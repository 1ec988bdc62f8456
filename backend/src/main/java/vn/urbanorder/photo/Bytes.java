package vn.urbanorder.photo;

/**
 * Bounds-checked reads of numbers from an untrusted file: reading past its end means the file is
 * not what it claims ({@link NotAnImage}), never an index error.
 */
final class Bytes {

    private Bytes() {}

    static int u8(byte[] bytes, long at) {
        check(bytes, at, 1);
        return bytes[(int) at] & 0xFF;
    }

    static int u16be(byte[] bytes, long at) {
        check(bytes, at, 2);
        int i = (int) at;
        return (bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF;
    }

    static int u16le(byte[] bytes, long at) {
        check(bytes, at, 2);
        int i = (int) at;
        return (bytes[i + 1] & 0xFF) << 8 | bytes[i] & 0xFF;
    }

    static int u24le(byte[] bytes, long at) {
        check(bytes, at, 3);
        int i = (int) at;
        return (bytes[i + 2] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | bytes[i] & 0xFF;
    }

    static long u32be(byte[] bytes, long at) {
        check(bytes, at, 4);
        return (long) u16be(bytes, at) << 16 | u16be(bytes, at + 2);
    }

    static long u32le(byte[] bytes, long at) {
        check(bytes, at, 4);
        return (long) u16le(bytes, at + 2) << 16 | u16le(bytes, at);
    }

    /** A big-endian unsigned number of 0, 1, 2, 4 or 8 bytes (ISO-BMFF's variable-size fields). */
    static long uintBe(byte[] bytes, long at, int size) {
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
    static boolean ascii(byte[] bytes, long at, String text) {
        if (at < 0 || at + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[(int) at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Four bytes as a four-character code, for reasons in the log. */
    static String fourCc(byte[] bytes, long at) {
        check(bytes, at, 4);
        var code = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = bytes[(int) at + i] & 0xFF;
            code.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return code.toString();
    }

    static void check(byte[] bytes, long at, long length) {
        if (at < 0 || length < 0 || at + length > bytes.length) {
            throw new NotAnImage("ends early (needs byte " + (at + length) + " of " + bytes.length + ")");
        }
    }
}
