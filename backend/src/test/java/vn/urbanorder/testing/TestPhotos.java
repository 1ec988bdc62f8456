package vn.urbanorder.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;

/** Real image files for tests: JPEGs drawn here, optionally with an EXIF GPS position in them. */
public final class TestPhotos {

    private TestPhotos() {}

    public static byte[] jpeg(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color((width * 7919 + height) & 0xFFFFFF));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG of noise, which compresses badly: 1000 by 1000 makes about a megabyte. */
    public static byte[] noisyJpeg(int width, int height) {
        return noise(width, height, new java.util.Random(width * 31L + height));
    }

    /**
     * A small JPEG of noise whose hash no other test's photo has: for a test that checks a file is
     * removed, which must not meet the same bytes recorded by another test on the run's database.
     */
    public static byte[] uniqueJpeg() {
        return noise(96, 64, java.util.concurrent.ThreadLocalRandom.current());
    }

    private static byte[] noise(int width, int height, java.util.Random random) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG whose EXIF says where it was taken (north and east of the equator and Greenwich). */
    public static byte[] jpegTakenAt(double lat, double lon) {
        byte[] plain = jpeg(64, 48);
        byte[] exif = exifWithGps(lat, lon);
        // SOI, then the APP1 segment, then the rest of the image.
        ByteBuffer out = ByteBuffer.allocate(plain.length + exif.length);
        out.put(plain, 0, 2).put(exif).put(plain, 2, plain.length - 2);
        return out.array();
    }

    private static byte[] exifWithGps(double lat, double lon) {
        ByteBuffer tiff = ByteBuffer.allocate(128); // big-endian, as "MM" says
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, the GPS IFD's offset.
        tiff.putShort((short) 1);
        entry(tiff, 0x8825, 4, 1, 26);
        tiff.putInt(0);
        // GPS IFD at 26: four entries.
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        entry(tiff, 0x0002, 5, 3, 80);
        tiff.putShort((short) 0x0003)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'E')
                .put((byte) 0)
                .putShort((short) 0);
        entry(tiff, 0x0004, 5, 3, 104);
        tiff.putInt(0);
        degreesMinutesSeconds(tiff, lat);
        degreesMinutesSeconds(tiff, lon);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + header.length + tiff.capacity();
        return ByteBuffer.allocate(2 + length)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) length)
                .put(header)
                .put(tiff.array())
                .array();
    }

    /**
     * A JPEG whose EXIF says when it was taken, as a camera writes it: DateTimeOriginal on the
     * camera's clock, and OffsetTimeOriginal for its offset from UTC.
     */
    public static byte[] jpegTakenAt(OffsetDateTime taken) {
        byte[] plain = jpeg(80, 60);
        byte[] when =
                taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")).getBytes(StandardCharsets.US_ASCII);
        byte[] offset = taken.getOffset().getId().replace("Z", "+00:00").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(96); // big-endian, as "MM" says
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, the Exif IFD's offset.
        tiff.putShort((short) 1);
        entry(tiff, 0x8769, 4, 1, 26);
        tiff.putInt(0);
        // Exif IFD at 26: DateTimeOriginal (20 ASCII bytes at 56) and OffsetTimeOriginal (7 at 76).
        tiff.putShort((short) 2);
        entry(tiff, 0x9003, 2, 20, 56);
        entry(tiff, 0x9011, 2, 7, 76);
        tiff.putInt(0);
        tiff.put(when).put((byte) 0).put(offset).put((byte) 0);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + header.length + tiff.capacity();
        byte[] exif = ByteBuffer.allocate(2 + length)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) length)
                .put(header)
                .put(tiff.array())
                .array();
        return ByteBuffer.allocate(plain.length + exif.length)
                .put(plain, 0, 2)
                .put(exif)
                .put(plain, 2, plain.length - 2)
                .array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void degreesMinutesSeconds(ByteBuffer tiff, double value) {
        int degrees = (int) value;
        double minutesExact = (value - degrees) * 60;
        int minutes = (int) minutesExact;
        long tenThousandthsOfSeconds = Math.round((minutesExact - minutes) * 60 * 10_000);
        tiff.putInt(degrees)
                .putInt(1)
                .putInt(minutes)
                .putInt(1)
                .putInt((int) tenThousandthsOfSeconds)
                .putInt(10_000);
    }
}
