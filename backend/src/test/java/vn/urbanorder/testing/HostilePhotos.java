package vn.urbanorder.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Files a hostile client sends as photos: metadata bombs, pixel bombs, other files behind an image's first bytes. */
public final class HostilePhotos {

    /** Entries in each amplifying EXIF block, all pointing at the same text. */
    public static final int AMPLIFYING_ENTRIES = 3000;

    private static final String HTML = "<!DOCTYPE html><html><head><title>Hi</title></head>"
            + "<body><script>alert(document.cookie)</script></body></html>\n";

    private HostilePhotos() {}

    /**
     * A real JPEG with {@code segments} APP1 EXIF segments before its image, each as large as a
     * segment may be: a TIFF block whose IFD0 holds {@value #AMPLIFYING_ENTRIES} text entries
     * that all point at one text of about 29.5 KB. A reader that builds every value builds that
     * text 3,000 times per segment: 88 MB from 64 KB. Ten segments make a 656 KB file; 150, one
     * of 9.8 MB.
     */
    public static byte[] exifAmplification(int segments) {
        int ifdLength = 2 + 12 * AMPLIFYING_ENTRIES + 4;
        int textAt = 8 + ifdLength;
        int tiffLength = 0xFFFF - 2 - 6; // the largest APP1 segment, less its length and "Exif\0\0"
        int textLength = tiffLength - textAt;
        ByteBuffer tiff = ByteBuffer.allocate(tiffLength);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) AMPLIFYING_ENTRIES);
        for (int i = 0; i < AMPLIFYING_ENTRIES; i++) {
            // Distinct tags, so that a reader keeping one value per tag keeps them all.
            tiff.putShort((short) (0x1000 + i))
                    .putShort((short) 2)
                    .putInt(textLength)
                    .putInt(textAt);
        }
        tiff.putInt(0);
        while (tiff.position() < tiffLength - 1) {
            tiff.put((byte) ('A' + tiff.position() % 26));
        }
        tiff.put((byte) 0);
        byte[] segment = ByteBuffer.allocate(2 + 0xFFFF)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) 0xFFFF)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array())
                .array();
        byte[] image = TestPhotos.jpeg(64, 48);
        ByteBuffer file = ByteBuffer.allocate(image.length + segments * segment.length);
        file.put(image, 0, 2);
        for (int i = 0; i < segments; i++) {
            file.put(segment);
        }
        return file.put(image, 2, image.length - 2).array();
    }

    /** A web page behind a JFIF JPEG's first four bytes. */
    public static byte[] htmlBehindJpegSignature() {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, html());
    }

    /** A web page behind a RIFF header that says WEBP, its size right. */
    public static byte[] htmlBehindWebpSignature() {
        byte[] html = html();
        ByteBuffer header = ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + html.length);
        header.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        return concat(header.array(), html);
    }

    /** A web page behind an ISO-BMFF {@code ftyp} box of brand heic. */
    public static byte[] htmlBehindHeicSignature() {
        byte[] ftyp = ByteBuffer.allocate(24)
                .putInt(24)
                .put("ftypheic".getBytes(StandardCharsets.US_ASCII))
                .putInt(0)
                .put("mif1heic".getBytes(StandardCharsets.US_ASCII))
                .array();
        return concat(ftyp, html());
    }

    /** A real 64 × 48 JPEG whose frame header declares another size, as a pixel bomb does. */
    public static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = TestPhotos.jpeg(64, 48);
        for (int at = 2; at < jpeg.length; ) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                ByteBuffer.wrap(jpeg, at + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
            at += 2 + length;
        }
        throw new IllegalStateException("ImageIO wrote no frame header");
    }

    /** A real 64 × 48 PNG whose header declares another size (its CRC made right again). */
    public static byte[] pngDeclaring(long width, long height) {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = out.toByteArray();
        ByteBuffer.wrap(png, 16, 8).putInt((int) width).putInt((int) height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    private static byte[] html() {
        return HTML.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length)
                .put(first)
                .put(second)
                .array();
    }
}
