package vn.urbanorder.shared.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds a multipart delimiter ({@code CRLF--boundary}) in a body that arrives in buffers of any
 * size, and hands on the bytes before it. Whole buffers are searched with Boyer–Moore–Horspool,
 * which looks at about one byte in every delimiter's length of a photo; a delimiter split across
 * buffers is found through the few bytes at a buffer's end that could begin one: those are held
 * back (never more than the delimiter's length) until the next buffer tells whether they do.
 *
 * <p>One search per form; not thread-safe.
 */
final class DelimiterSearch {

    /** Where the bytes before the delimiter go; it must be done with them when it returns. */
    @FunctionalInterface
    interface Bytes {

        /** Nothing is kept. */
        Bytes DISCARD = bytes -> {};

        void take(ByteBuffer bytes) throws IOException;
    }

    private final byte[] delimiter;
    private final int[] skip = new int[256];
    private final byte[] held;
    private int heldLength;

    DelimiterSearch(byte[] delimiter) {
        if (delimiter.length < 2) {
            throw new IllegalArgumentException("A delimiter of at least two bytes");
        }
        this.delimiter = delimiter.clone();
        this.held = new byte[delimiter.length - 1];
        int last = delimiter.length - 1;
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < last; i++) {
            skip[delimiter[i] & 0xff] = last - i;
        }
    }

    /**
     * Takes the bytes as if they had come before the next buffer: the body's first delimiter
     * comes without the CRLF of the others, so the search starts as if one had been sent.
     */
    void assumePreceding(byte[] bytes) {
        if (bytes.length > held.length) {
            throw new IllegalArgumentException("Longer than the delimiter");
        }
        System.arraycopy(bytes, 0, held, 0, bytes.length);
        heldLength = bytes.length;
    }

    /**
     * Searches the buffer from {@code from} to its limit. The bytes before the delimiter (those
     * held back from earlier buffers first) go to {@code before}; the answer is the position just
     * past the delimiter, or -1 when the buffer holds none, all its bytes then either handed on or
     * held back. The buffer's position and limit are left as they were.
     */
    int search(ByteBuffer buffer, int from, Bytes before) throws IOException {
        int limit = buffer.limit();
        int position = from;
        if (heldLength > 0) {
            for (int start = 0; start < heldLength; start++) {
                int matched = matchAcross(start, buffer, position, limit);
                if (matched == delimiter.length) {
                    handOnHeld(start, before);
                    int fromBuffer = delimiter.length - (heldLength - start);
                    heldLength = 0;
                    return position + fromBuffer;
                }
                if (matched > 0) {
                    // The buffer ended inside a possible delimiter: hold back its beginning.
                    handOnHeld(start, before);
                    int kept = heldLength - start;
                    System.arraycopy(held, start, held, 0, kept);
                    buffer.get(position, held, kept, limit - position);
                    heldLength = kept + limit - position;
                    return -1;
                }
            }
            handOnHeld(heldLength, before);
            heldLength = 0;
        }
        int found = find(buffer, position, limit);
        if (found >= 0) {
            handOn(buffer, position, found, before);
            return found + delimiter.length;
        }
        int tail = Math.max(position, limit - held.length);
        for (int start = tail; start < limit; start++) {
            if (buffer.get(start) == delimiter[0] && beginsDelimiter(buffer, start, limit)) {
                handOn(buffer, position, start, before);
                buffer.get(start, held, 0, limit - start);
                heldLength = limit - start;
                return -1;
            }
        }
        handOn(buffer, position, limit, before);
        return -1;
    }

    /**
     * Matches the delimiter against the held bytes from {@code start} and then the buffer: the
     * delimiter's length for a whole match, the count matched when the buffer ran out first (a
     * possible match), 0 for none.
     */
    private int matchAcross(int start, ByteBuffer buffer, int from, int limit) {
        int matched = 0;
        for (int i = start; i < heldLength; i++, matched++) {
            if (held[i] != delimiter[matched]) {
                return 0;
            }
        }
        for (int i = from; matched < delimiter.length; i++, matched++) {
            if (i == limit) {
                return matched;
            }
            if (buffer.get(i) != delimiter[matched]) {
                return 0;
            }
        }
        return matched;
    }

    /** Boyer–Moore–Horspool over the buffer's bytes; the index of the first whole delimiter, or -1. */
    private int find(ByteBuffer buffer, int from, int limit) {
        int last = delimiter.length - 1;
        byte lastByte = delimiter[last];
        for (int i = from; i + last < limit; ) {
            byte end = buffer.get(i + last);
            if (end == lastByte) {
                int k = last - 1;
                while (k >= 0 && buffer.get(i + k) == delimiter[k]) {
                    k--;
                }
                if (k < 0) {
                    return i;
                }
            }
            i += skip[end & 0xff];
        }
        return -1;
    }

    /** Whether the bytes from {@code start} to the limit are the delimiter's first bytes. */
    private boolean beginsDelimiter(ByteBuffer buffer, int start, int limit) {
        for (int i = start, k = 0; i < limit; i++, k++) {
            if (buffer.get(i) != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private void handOnHeld(int length, Bytes before) throws IOException {
        if (length > 0) {
            before.take(ByteBuffer.wrap(held, 0, length).slice());
        }
    }

    private static void handOn(ByteBuffer buffer, int from, int to, Bytes before) throws IOException {
        if (to > from) {
            before.take(buffer.slice(from, to - from));
        }
    }
}
