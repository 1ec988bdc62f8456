package vn.urbanorder.photo;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A HEIF/HEIC's structure (ISO-BMFF): boxes whose sizes add up to the file, {@code ftyp} first,
 * one {@code meta} box with a picture handler, a primary item ({@code pitm}) that {@code iinf}
 * declares, {@code iloc} locates within the file, and {@code ipma} ties to an {@code ispe}
 * property giving its size. EXIF is the first item of type {@code Exif}, located by {@code iloc};
 * its data starts with the offset of the TIFF header. Everything is read in passes over the boxes,
 * keeping a few numbers, so no file can make the reader keep more than that.
 */
final class HeifStructure {

    private static final int FTYP = code("ftyp");
    private static final int META = code("meta");
    private static final int HDLR = code("hdlr");
    private static final int PICT = code("pict");
    private static final int PITM = code("pitm");
    private static final int IINF = code("iinf");
    private static final int INFE = code("infe");
    private static final int ILOC = code("iloc");
    private static final int IPRP = code("iprp");
    private static final int IPCO = code("ipco");
    private static final int IPMA = code("ipma");
    private static final int ISPE = code("ispe");
    private static final int IDAT = code("idat");
    private static final int EXIF = code("Exif");

    /** Properties of the primary item looked at; real files have under a dozen. */
    private static final int MAX_PRIMARY_PROPERTIES = 64;

    private HeifStructure() {}

    static ImageStructure read(ByteBuffer bytes) {
        Box meta = null;
        var top = new Boxes(bytes, 0, bytes.limit());
        while (top.next()) {
            if (top.start == 0 && top.type != FTYP) {
                throw new NotAnImage("first box is not ftyp");
            }
            if (top.type == META) {
                if (meta != null) {
                    throw new NotAnImage("two meta boxes");
                }
                meta = top.box();
            }
        }
        if (meta == null) {
            throw new NotAnImage("no meta box");
        }
        Box hdlr = null;
        Box pitm = null;
        Box iinf = null;
        Box iloc = null;
        Box iprp = null;
        Box idat = null;
        var children = new Boxes(bytes, meta.content + 4, meta.end);
        while (children.next()) {
            int type = children.type;
            if (type == HDLR) {
                hdlr = once(hdlr, children);
            } else if (type == PITM) {
                pitm = once(pitm, children);
            } else if (type == IINF) {
                iinf = once(iinf, children);
            } else if (type == ILOC) {
                iloc = once(iloc, children);
            } else if (type == IPRP) {
                iprp = once(iprp, children);
            } else if (type == IDAT) {
                idat = once(idat, children);
            }
        }
        if (hdlr == null || pitm == null || iinf == null || iloc == null || iprp == null) {
            throw new NotAnImage("meta lacks hdlr, pitm, iinf, iloc or iprp");
        }
        if (hdlr.content + 12 > hdlr.end || (int) Bytes.u32be(bytes, hdlr.content + 8) != PICT) {
            throw new NotAnImage("not a picture handler");
        }
        long primary = Bytes.u8(bytes, pitm.content) == 0
                ? Bytes.u16be(bytes, pitm.content + 4)
                : Bytes.u32be(bytes, pitm.content + 4);
        long exifItem = exifItem(bytes, iinf, primary);
        long[] size = sizeOf(bytes, iprp, primary);
        ByteBuffer exif = locate(bytes, iloc, idat, primary, exifItem);
        return new ImageStructure(PhotoType.HEIC, size[0], size[1], exif);
    }

    /** The id of the first Exif item, or -1; fails unless the primary item is declared. */
    private static long exifItem(ByteBuffer bytes, Box iinf, long primary) {
        int version = Bytes.u8(bytes, iinf.content);
        long exif = -1;
        boolean declared = false;
        var entries = new Boxes(bytes, iinf.content + (version == 0 ? 6 : 8), iinf.end);
        while (entries.next()) {
            if (entries.type != INFE) {
                continue;
            }
            int entryVersion = Bytes.u8(bytes, entries.content);
            if (entryVersion < 2) {
                continue; // no item type before version 2
            }
            long id = entryVersion == 2
                    ? Bytes.u16be(bytes, entries.content + 4)
                    : Bytes.u32be(bytes, entries.content + 4);
            long type = entries.content + (entryVersion == 2 ? 8 : 10);
            declared |= id == primary;
            if (exif < 0 && (int) Bytes.u32be(bytes, type) == EXIF) {
                exif = id;
            }
        }
        if (!declared) {
            throw new NotAnImage("the primary item is not declared");
        }
        return exif;
    }

    /** Width and height from the {@code ispe} property the primary item is associated with. */
    private static long[] sizeOf(ByteBuffer bytes, Box iprp, long primary) {
        Box ipco = null;
        int[] properties = new int[MAX_PRIMARY_PROPERTIES];
        int count = 0;
        var children = new Boxes(bytes, iprp.content, iprp.end);
        while (children.next()) {
            if (children.type == IPCO) {
                ipco = once(ipco, children);
            } else if (children.type == IPMA) {
                count = associations(bytes, children.box(), primary, properties, count);
            }
        }
        if (ipco == null) {
            throw new NotAnImage("no ipco");
        }
        var property = new Boxes(bytes, ipco.content, ipco.end);
        for (int index = 1; property.next(); index++) {
            if (property.type == ISPE && contains(properties, count, index)) {
                long width = Bytes.u32be(bytes, property.content + 4);
                long height = Bytes.u32be(bytes, property.content + 8);
                if (width == 0 || height == 0 || property.content + 12 > property.end) {
                    throw new NotAnImage("ispe of size 0 or short");
                }
                return new long[] {width, height};
            }
        }
        throw new NotAnImage("the primary item has no size");
    }

    /** Adds the property indices an {@code ipma} box gives the item; the new count. */
    private static int associations(ByteBuffer bytes, Box ipma, long item, int[] into, int count) {
        int version = Bytes.u8(bytes, ipma.content);
        boolean wide = (Bytes.u8(bytes, ipma.content + 3) & 1) != 0;
        long entries = Bytes.u32be(bytes, ipma.content + 4);
        long at = ipma.content + 8;
        for (long entry = 0; entry < entries; entry++) {
            if (at >= ipma.end) {
                throw new NotAnImage("ipma entries beyond the box");
            }
            long id = version < 1 ? Bytes.u16be(bytes, at) : Bytes.u32be(bytes, at);
            at += version < 1 ? 2 : 4;
            int associated = Bytes.u8(bytes, at++);
            for (int i = 0; i < associated; i++) {
                int index = wide ? Bytes.u16be(bytes, at) & 0x7FFF : Bytes.u8(bytes, at) & 0x7F;
                at += wide ? 2 : 1;
                if (id == item) {
                    if (count == into.length) {
                        throw new NotAnImage("the primary item has too many properties");
                    }
                    into[count++] = index;
                }
            }
        }
        if (at > ipma.end) {
            throw new NotAnImage("ipma entries beyond the box");
        }
        return count;
    }

    /**
     * Checks that {@code iloc} places the primary item within the file (or the {@code idat}
     * box) and gives the EXIF item's TIFF block, or null.
     */
    private static @Nullable ByteBuffer locate(
            ByteBuffer bytes, Box iloc, @Nullable Box idat, long primary, long exifItem) {
        int version = Bytes.u8(bytes, iloc.content);
        if (version > 2) {
            throw new NotAnImage("iloc version " + version);
        }
        int sizes = Bytes.u8(bytes, iloc.content + 4);
        int more = Bytes.u8(bytes, iloc.content + 5);
        int offsetSize = sizes >> 4;
        int lengthSize = sizes & 0xF;
        int baseSize = more >> 4;
        int indexSize = version == 0 ? 0 : more & 0xF;
        long items = version < 2 ? Bytes.u16be(bytes, iloc.content + 6) : Bytes.u32be(bytes, iloc.content + 6);
        long at = iloc.content + (version < 2 ? 8 : 10);
        boolean located = false;
        boolean exifLocated = false;
        ByteBuffer exif = null;
        for (long item = 0; item < items; item++) {
            if (at >= iloc.end) {
                throw new NotAnImage("iloc items beyond the box");
            }
            long id = version < 2 ? Bytes.u16be(bytes, at) : Bytes.u32be(bytes, at);
            at += version < 2 ? 2 : 4;
            int method = 0;
            if (version > 0) {
                method = Bytes.u16be(bytes, at) & 0xF;
                at += 2;
            }
            at += 2; // data reference index
            long base = Bytes.uintBe(bytes, at, baseSize);
            at += baseSize;
            int count = Bytes.u16be(bytes, at);
            at += 2;
            var extents = new Extents(bytes, at, count, indexSize, offsetSize, lengthSize, base);
            at += (long) count * extents.entrySize();
            if (at > iloc.end) {
                throw new NotAnImage("iloc extents beyond the box");
            }
            // Data in the file (method 0) or in idat (1) can be checked; by item offset (2), not.
            long origin = method == 1 && idat != null ? idat.content : 0;
            long limit = method == 0 ? bytes.limit() : method == 1 && idat != null ? idat.end - idat.content : -1;
            if (id != primary && id != exifItem) {
                continue;
            }
            if (id == primary ? located : exifLocated) {
                // Each item is placed once; checking a repeated one again and again would cost.
                throw new NotAnImage("item " + id + " located twice");
            }
            boolean inside = limit >= 0 && extents.within(limit);
            if (id == primary) {
                if (count == 0 || (limit >= 0 && !inside)) {
                    throw new NotAnImage("the primary item lies outside the file");
                }
                located = true;
            }
            if (id == exifItem) {
                exifLocated = true;
                exif = inside ? tiffOf(extents.gather(origin, limit)) : null;
            }
        }
        if (!located) {
            throw new NotAnImage("the primary item has no location");
        }
        return exif;
    }

    /** The TIFF block inside an Exif item's data, or null when its header offset is off. */
    private static @Nullable ByteBuffer tiffOf(byte[] gathered) {
        ByteBuffer data = ByteBuffer.wrap(gathered);
        if (gathered.length < 4) {
            return null;
        }
        long offset = Bytes.u32be(data, 0);
        if (4 + offset >= gathered.length) {
            return null;
        }
        return ImageStructure.exif(data, (int) (4 + offset), gathered.length - 4 - (int) offset);
    }

    /** The extents of one item as {@code iloc} lists them, relative to its data's origin. */
    private record Extents(
            ByteBuffer bytes, long at, int count, int indexSize, int offsetSize, int lengthSize, long base) {

        int entrySize() {
            return indexSize + offsetSize + lengthSize;
        }

        long start(int extent) {
            return base + Bytes.uintBe(bytes, at + (long) extent * entrySize() + indexSize, offsetSize);
        }

        /** A length of 0 means "to the end". */
        long length(int extent, long limit) {
            long length = Bytes.uintBe(bytes, at + (long) extent * entrySize() + indexSize + offsetSize, lengthSize);
            return length == 0 ? limit - start(extent) : length;
        }

        boolean within(long limit) {
            for (int i = 0; i < count; i++) {
                long start = start(i);
                if (start < 0 || start > limit || length(i, limit) > limit - start) {
                    return false;
                }
            }
            return true;
        }

        /** The extents' bytes in order: at most the EXIF budget and its headers in all. */
        byte[] gather(long origin, long limit) {
            long total = 0;
            for (int i = 0; i < count; i++) {
                total += length(i, limit);
                if (total > ImageStructure.MAX_EXIF_BYTES + 10) {
                    throw new MetadataOverBudget("an Exif item of over " + total + " bytes");
                }
            }
            byte[] data = new byte[(int) total];
            int filled = 0;
            for (int i = 0; i < count; i++) {
                int length = (int) length(i, limit);
                bytes.get((int) (origin + start(i)), data, filled, length);
                filled += length;
            }
            return data;
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static Box once(@Nullable Box found, Boxes boxes) {
        if (found != null) {
            throw new NotAnImage("a second " + Bytes.fourCc(boxes.bytes, boxes.start + 4) + " box");
        }
        return boxes.box();
    }

    private static int code(String fourCc) {
        return fourCc.charAt(0) << 24 | fourCc.charAt(1) << 16 | fourCc.charAt(2) << 8 | fourCc.charAt(3);
    }

    /** A box: where it starts, where its content starts (after its header) and where it ends. */
    private record Box(long start, long content, long end) {}

    /** The boxes between two offsets, one after the other; each must fit exactly. */
    private static final class Boxes {
        private final ByteBuffer bytes;
        private final long end;
        private long at;
        long start;
        long content;
        long boxEnd;
        int type;

        Boxes(ByteBuffer bytes, long from, long to) {
            if (from > to) {
                throw new NotAnImage("a box shorter than its header");
            }
            this.bytes = bytes;
            this.at = from;
            this.end = to;
        }

        boolean next() {
            if (at == end) {
                return false;
            }
            if (at + 8 > end) {
                throw new NotAnImage("a box header beyond its container at byte " + at);
            }
            long size = Bytes.u32be(bytes, at);
            long header = 8;
            if (size == 1) {
                size = Bytes.uintBe(bytes, at + 8, 8);
                header = 16;
            } else if (size == 0) {
                size = end - at;
            }
            if (size < header || size > end - at) {
                throw new NotAnImage("a box of size " + size + " at byte " + at);
            }
            type = (int) Bytes.u32be(bytes, at + 4);
            start = at;
            content = at + header;
            boxEnd = at + size;
            at = boxEnd;
            return true;
        }

        Box box() {
            return new Box(start, content, boxEnd);
        }
    }
}
