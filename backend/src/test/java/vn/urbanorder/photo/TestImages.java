package vn.urbanorder.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import vn.urbanorder.testing.TestPhotos;

/**
 * Image files of each format built here, laid out as their usual writers lay them out, with an
 * EXIF block of our making: a JPEG and a PNG drawn by ImageIO, WebP image data as cwebp writes
 * it, a HEIC container as libheif writes it (around image data no one decodes here).
 */
final class TestImages {

    /** cwebp -lossless of a 7 × 5 image of one colour: a VP8L chunk's content. */
    static final byte[] VP8L_7X5 = HexFormat.of().parseHex("2f060001000750b3ce34b3ff8188e87f00");

    /** cwebp -q 80 of a 16 × 16 image of one colour: a VP8 chunk's content. */
    static final byte[] VP8_16X16 = HexFormat.of()
            .parseHex("f001009d012a1000100001402625a00274ba01f800044c0000feefbd57fe376e30df82eff7de80de06000000");

    private TestImages() {}

    // --- EXIF

    /** One TIFF directory entry; its value is laid out after the directory when over 4 bytes. */
    record Entry(int tag, int type, long count, byte[] value) {}

    static Entry ascii(int tag, String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, bytes.length, bytes);
    }

    /** Rationals, given as numerator and denominator pairs, in the block's byte order when laid out. */
    static Entry rationals(int tag, long... pairs) {
        ByteBuffer value = ByteBuffer.allocate(4 * pairs.length);
        for (long number : pairs) {
            value.putInt((int) number);
        }
        return new Entry(tag, 5, pairs.length / 2, value.array());
    }

    /** A GPS directory's entries for a position, as phones write it: degrees, minutes, seconds. */
    static List<Entry> gps(double lat, double lon) {
        return List.of(
                ascii(0x0001, lat < 0 ? "S" : "N"),
                degrees(0x0002, Math.abs(lat)),
                ascii(0x0003, lon < 0 ? "W" : "E"),
                degrees(0x0004, Math.abs(lon)));
    }

    private static Entry degrees(int tag, double value) {
        int degrees = (int) value;
        double minutesExact = (value - degrees) * 60;
        int minutes = (int) minutesExact;
        long seconds = Math.round((minutesExact - minutes) * 60 * 10_000);
        return rationals(tag, degrees, 1, minutes, 1, seconds, 10_000);
    }

    /** A TIFF block with IFD0 (pointing at the others when they have entries), an Exif and a GPS directory. */
    static byte[] tiff(ByteOrder order, List<Entry> main, List<Entry> exif, List<Entry> gps) {
        var layout = new Layout(order);
        List<Entry> first = new ArrayList<>(main);
        int exifPointer = -1;
        int gpsPointer = -1;
        if (!exif.isEmpty()) {
            first.add(new Entry(0x8769, 4, 1, null));
        }
        if (!gps.isEmpty()) {
            first.add(new Entry(0x8825, 4, 1, null));
        }
        layout.header();
        int[] pointers = layout.directory(first);
        int index = 0;
        for (Entry entry : sorted(first)) {
            if (entry.tag() == 0x8769) {
                exifPointer = pointers[index];
            } else if (entry.tag() == 0x8825) {
                gpsPointer = pointers[index];
            }
            index++;
        }
        if (exifPointer >= 0) {
            layout.directory(exif);
            layout.patch(exifPointer, layout.lastDirectory);
        }
        if (gpsPointer >= 0) {
            layout.directory(gps);
            layout.patch(gpsPointer, layout.lastDirectory);
        }
        return layout.bytes();
    }

    /** A TIFF block of the given time and position, as a phone writes it. */
    static byte[] phoneTiff(ByteOrder order, String dateTimeOriginal, String offset, double lat, double lon) {
        List<Entry> exif = new ArrayList<>();
        exif.add(ascii(0x9003, dateTimeOriginal));
        if (offset != null) {
            exif.add(ascii(0x9011, offset));
        }
        exif.add(ascii(0x9291, "456"));
        return tiff(
                order,
                List.of(ascii(0x010F, "TestPhone"), ascii(0x0110, "X1"), ascii(0x0131, "Camera 1.0")),
                exif,
                gps(lat, lon));
    }

    private static List<Entry> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparingInt(Entry::tag)).toList();
    }

    /** Writes directories one after the other, each followed by its out-of-line values. */
    private static final class Layout {
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        int lastDirectory;

        Layout(ByteOrder order) {
            buffer.order(order);
        }

        void header() {
            buffer.put(buffer.order() == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
            buffer.put(buffer.get(0)).putShort((short) 42).putInt(8);
        }

        /** Writes a directory; the offsets of its entries' value fields, in tag order. */
        int[] directory(List<Entry> entries) {
            List<Entry> ordered = sorted(entries);
            lastDirectory = buffer.position();
            buffer.putShort((short) ordered.size());
            int valuesAt = lastDirectory + 2 + 12 * ordered.size() + 4;
            int[] fields = new int[ordered.size()];
            List<byte[]> outOfLine = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                Entry entry = ordered.get(i);
                buffer.putShort((short) entry.tag())
                        .putShort((short) entry.type())
                        .putInt((int) entry.count());
                fields[i] = buffer.position();
                byte[] value = entry.value() == null ? new byte[4] : ordered(entry);
                if (value.length <= 4) {
                    buffer.put(java.util.Arrays.copyOf(value, 4));
                } else {
                    buffer.putInt(valuesAt);
                    outOfLine.add(value);
                    valuesAt += value.length + (value.length & 1);
                }
            }
            buffer.putInt(0);
            for (byte[] value : outOfLine) {
                buffer.put(value);
                if ((value.length & 1) == 1) {
                    buffer.put((byte) 0);
                }
            }
            return fields;
        }

        /** Rationals were written big-endian; in an "II" block each number is swapped. */
        private byte[] ordered(Entry entry) {
            if (entry.type() != 5 || buffer.order() == ByteOrder.BIG_ENDIAN) {
                return entry.value();
            }
            ByteBuffer big = ByteBuffer.wrap(entry.value());
            ByteBuffer little = ByteBuffer.allocate(entry.value().length).order(ByteOrder.LITTLE_ENDIAN);
            while (big.hasRemaining()) {
                little.putInt(big.getInt());
            }
            return little.array();
        }

        void patch(int field, int value) {
            buffer.putInt(field, value);
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    // --- JPEG

    static byte[] jpeg(int width, int height, byte[] tiff) {
        return withExif(TestPhotos.jpeg(width, height), tiff);
    }

    /** The picture as a JPEG, with the TIFF block as its EXIF (APP1) right after SOI. */
    static byte[] jpeg(BufferedImage picture, byte[] tiff) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withExif(out.toByteArray(), tiff);
    }

    private static byte[] withExif(byte[] plain, byte[] tiff) {
        if (tiff == null) {
            return plain;
        }
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + tiff.length)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) (2 + 6 + tiff.length))
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff);
        return concat(
                java.util.Arrays.copyOf(plain, 2), app1.array(), java.util.Arrays.copyOfRange(plain, 2, plain.length));
    }

    // --- PNG

    static byte[] png(int width, int height, byte[] tiff) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = out.toByteArray();
        if (tiff == null) {
            return png;
        }
        int afterHeader = 8 + 12 + 13;
        return concat(
                java.util.Arrays.copyOf(png, afterHeader),
                pngChunk("eXIf", tiff),
                java.util.Arrays.copyOfRange(png, afterHeader, png.length));
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        return chunk.putInt((int) crc.getValue()).array();
    }

    // --- WebP

    /** A simple WebP: one image chunk, as cwebp writes it without metadata. */
    static byte[] webpSimple(String type, byte[] data) {
        return riff(webpChunk(type, data));
    }

    /** An extended WebP: VP8X with the canvas size, the image, then EXIF, as cwebp -metadata exif writes it. */
    static byte[] webpExtended(int width, int height, byte[] imageChunk, byte[] tiff) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) (tiff == null ? 0 : 0x08)).put(new byte[3]);
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return riff(webpChunk("VP8X", vp8x.array()), imageChunk, tiff == null ? new byte[0] : webpChunk("EXIF", tiff));
    }

    static byte[] webpChunk(String type, byte[] data) {
        ByteBuffer chunk =
                ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(type.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data)
                .array();
    }

    static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length);
        header.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        return concat(header.array(), body);
    }

    // --- HEIC

    /**
     * A HEIC as libheif's heif-enc lays it out: ftyp, then meta (hdlr, pitm, iloc, iinf with an
     * hvc1 item and an Exif item, iprp with ispe), then mdat holding the Exif item's data (the
     * TIFF header's offset, "Exif\0\0", the TIFF block) and the image's (not real HEVC).
     */
    static byte[] heic(long width, long height, byte[] tiff) {
        byte[] exifData = tiff == null
                ? null
                : concat(new byte[] {0, 0, 0, 6}, "Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff);
        byte[] imageData = new byte[64];
        byte[] ftyp = box("ftyp", concat(ascii("heic"), new byte[4], ascii("mif1heicmiaf")));
        byte[] hdlr = fullBox("hdlr", 0, concat(new byte[4], ascii("pict"), new byte[13]));
        byte[] pitm = fullBox("pitm", 0, new byte[] {0, 1});
        byte[] iinf = fullBox(
                "iinf",
                0,
                concat(
                        new byte[] {0, (byte) (exifData == null ? 1 : 2)},
                        fullBox("infe", 2, concat(new byte[] {0, 1, 0, 0}, ascii("hvc1"), new byte[1])),
                        exifData == null
                                ? new byte[0]
                                : fullBox("infe", 2, concat(new byte[] {0, 2, 0, 0}, ascii("Exif"), new byte[1]))));
        byte[] ispe = fullBox(
                "ispe",
                0,
                ByteBuffer.allocate(8).putInt((int) width).putInt((int) height).array());
        byte[] ipco = box("ipco", concat(box("hvcC", new byte[23]), ispe));
        byte[] ipma = fullBox("ipma", 0, new byte[] {0, 0, 0, 1, 0, 1, 2, (byte) 0x81, 0x02});
        byte[] iprp = box("iprp", concat(ipco, ipma));
        // iloc v0, 4-byte offsets and lengths, no base offset; offsets patched once the size of meta is known.
        int items = exifData == null ? 1 : 2;
        int ilocSize = 16 + items * (2 + 2 + 2 + 8);
        int metaSize = 12 + hdlr.length + pitm.length + ilocSize + iinf.length + iprp.length;
        int mdatData = ftyp.length + metaSize + 8;
        ByteBuffer iloc = ByteBuffer.allocate(ilocSize);
        iloc.putInt(ilocSize)
                .put(ascii("iloc"))
                .putInt(0)
                .put((byte) 0x44)
                .put((byte) 0)
                .putShort((short) items);
        int at = mdatData;
        if (exifData != null) {
            iloc.putShort((short) 2)
                    .putShort((short) 0)
                    .putShort((short) 1)
                    .putInt(at)
                    .putInt(exifData.length);
            at += exifData.length;
        }
        iloc.putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 1)
                .putInt(at)
                .putInt(imageData.length);
        byte[] meta = fullBox("meta", 0, concat(hdlr, pitm, iloc.array(), iinf, iprp));
        byte[] mdat = box("mdat", concat(exifData == null ? new byte[0] : exifData, imageData));
        return concat(ftyp, meta, mdat);
    }

    static byte[] box(String type, byte[] content) {
        return ByteBuffer.allocate(8 + content.length)
                .putInt(8 + content.length)
                .put(ascii(type))
                .put(content)
                .array();
    }

    static byte[] fullBox(String type, int version, byte[] content) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, content));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
