package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.urbanorder.testing.JpegMarkers;
import vn.urbanorder.testing.TestPhotos;

/** The viewer copies of one original: their sizes, upright, without metadata, in bounded memory. */
class CopyMakerTests {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({
        "4000, 3000, 1600, 1200, 320, 240",
        "3000, 4000, 1200, 1600, 240, 320",
        "1600, 1200, 1600, 1200, 320, 240",
        "800, 600, 800, 600, 320, 240",
        "64, 48, 64, 48, 64, 48",
        "5000, 10, 1600, 3, 320, 1"
    })
    void copiesFitTheirSizeAndAreNeverEnlarged(
            int width, int height, int viewWidth, int viewHeight, int thumbWidth, int thumbHeight) {
        var copies = CopyMaker.make(file(TestPhotos.jpeg(width, height)), PhotoType.JPEG);

        assertThat(size(copies.view())).containsExactly(viewWidth, viewHeight);
        assertThat(size(copies.thumb())).containsExactly(thumbWidth, thumbHeight);
    }

    @Test
    void aPhotoTakenWithThePhoneTurnedRightComesOutUpright() {
        // Stored as the sensor saw it, 400 wide: red on the left, blue on the right; the EXIF says
        // turn it clockwise, so upright it is 200 wide and 400 high, red on top.
        byte[] tiff = TestImages.tiff(ByteOrder.BIG_ENDIAN, List.of(orientation(6)), List.of(), List.of());
        byte[] stored = TestImages.jpeg(halves(400, 200), tiff);

        var copies = CopyMaker.make(file(stored), PhotoType.JPEG);

        BufferedImage view = read(copies.view());
        assertThat(new int[] {view.getWidth(), view.getHeight()}).containsExactly(200, 400);
        assertThat(new Color(view.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new Color(view.getRGB(100, 350)).getBlue()).isGreaterThan(200);
        assertThat(size(copies.thumb())).containsExactly(160, 320);
    }

    @ParameterizedTest
    @CsvSource({
        // orientation, where the stored left (red) half ends up: top, bottom, left or right
        "1, left",
        "2, right",
        "3, right",
        "4, left",
        "5, top",
        "6, top",
        "7, bottom",
        "8, bottom"
    })
    void everyOrientationIsApplied(int orientation, String redSide) {
        byte[] tiff = TestImages.tiff(ByteOrder.BIG_ENDIAN, List.of(orientation(orientation)), List.of(), List.of());

        BufferedImage view = read(CopyMaker.make(file(TestImages.jpeg(halves(400, 200), tiff)), PhotoType.JPEG)
                .view());

        boolean turned = orientation >= 5;
        assertThat(view.getWidth()).isEqualTo(turned ? 200 : 400);
        int[] red =
                switch (redSide) {
                    case "top" -> new int[] {view.getWidth() / 2, view.getHeight() / 4};
                    case "bottom" -> new int[] {view.getWidth() / 2, view.getHeight() * 3 / 4};
                    case "left" -> new int[] {view.getWidth() / 4, view.getHeight() / 2};
                    default -> new int[] {view.getWidth() * 3 / 4, view.getHeight() / 2};
                };
        assertThat(new Color(view.getRGB(red[0], red[1])).getRed())
                .as("red at %s", redSide)
                .isGreaterThan(200);
    }

    @Test
    void copiesCarryNoMetadataAtAll() {
        byte[] phone = TestImages.jpeg(
                640,
                480,
                TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 08:15:00", "+07:00", 21.0452, 105.8853));
        assertThat(JpegMarkers.of(phone)).contains(0xE1);

        var copies = CopyMaker.make(file(phone), PhotoType.JPEG);

        for (byte[] copy : List.of(copies.view(), copies.thumb())) {
            // SOI, then JFIF (APP0) and the tables, frame and scan: no APP1 (EXIF, XMP), APP2 (ICC),
            // no other application segment and no comment.
            assertThat(JpegMarkers.of(copy)).first().isEqualTo(0xE0);
            assertThat(JpegMarkers.of(copy))
                    .filteredOn(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE)
                    .isEmpty();
            assertThat(ImageStructure.read(java.nio.ByteBuffer.wrap(copy), PhotoType.JPEG)
                            .exif())
                    .isNull();
        }
    }

    @Test
    void aFiftyMegapixelPhotoIsNeverDecodedWhole() {
        // 8192 x 6144 pixels (50.3 million), grey, so that the test's own image stays small.
        var original = new BufferedImage(8192, 6144, BufferedImage.TYPE_BYTE_GRAY);
        var graphics = original.createGraphics();
        graphics.setPaint(new java.awt.GradientPaint(0, 0, Color.BLACK, 8192, 6144, Color.WHITE));
        graphics.fillRect(0, 0, 8192, 6144);
        graphics.dispose();
        Path file = file(encode(original));
        original = null;

        long before = allocated();
        BufferedImage decoded = CopyMaker.decode(file);
        long decoding = allocated() - before;
        var copies = CopyMaker.make(file, PhotoType.JPEG);
        long making = allocated() - before - decoding;

        assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isLessThanOrEqualTo(CopyMaker.MAX_DECODED_SIDE);
        assertThat(new int[] {decoded.getWidth(), decoded.getHeight()}).containsExactly(2731, 2048);
        // The whole picture would take 50 MB in one byte a pixel, 200 MB in four; only the
        // subsampled one is built (5.6 MB), then the copies (four bytes a pixel, 7.7 MB the view).
        assertThat(decoding).as("bytes allocated decoding").isLessThan(16L << 20);
        assertThat(making).as("bytes allocated making both copies").isLessThan(64L << 20);
        assertThat(size(copies.view())).containsExactly(1600, 1200);
    }

    @Test
    void aCmykJpegThatTheJdkCannotReadIsDecoded() throws IOException {
        // Four channels without JFIF or Adobe marker, as some scanners and editors write them.
        WritableRaster cmyk = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 120, 80, 4, null);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                cmyk.setPixel(x, y, new int[] {0, 200, 200, 0});
            }
        }
        ImageWriter writer = jdkJpegWriter();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }

        var copies = CopyMaker.make(file(out.toByteArray()), PhotoType.JPEG);

        assertThat(size(copies.view())).containsExactly(120, 80);
    }

    @Test
    void webpIsDecoded() {
        var lossless = CopyMaker.make(file(TestImages.webpSimple("VP8L", TestImages.VP8L_7X5)), PhotoType.WEBP);
        var lossy = CopyMaker.make(file(TestImages.webpSimple("VP8 ", TestImages.VP8_16X16)), PhotoType.WEBP);

        assertThat(size(lossless.view())).containsExactly(7, 5);
        assertThat(size(lossy.thumb())).containsExactly(16, 16);
    }

    @Test
    void aLosslessWebpTooLargeToDecodeWholeGetsNoCopies() {
        // Its decoder builds the whole picture before subsampling: 8192 x 6144 would take 200 MB.
        long bits = (8192 - 1) | (6144 - 1) << 14;
        byte[] header = {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0};
        byte[] huge = TestImages.webpSimple("VP8L", header);
        assertThat(ImageStructure.read(java.nio.ByteBuffer.wrap(huge), PhotoType.WEBP)
                        .pixels())
                .as("the inspector takes it")
                .isEqualTo(8192L * 6144);

        assertThatThrownBy(() -> CopyMaker.make(file(huge), PhotoType.WEBP))
                .isInstanceOf(Undecodable.class)
                .hasMessageContaining("50331648 pixels");
    }

    @Test
    void aTransparentPngIsLaidOnWhite() throws IOException {
        var clear = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(clear, "png", out);

        BufferedImage view =
                read(CopyMaker.make(file(out.toByteArray()), PhotoType.PNG).view());

        assertThat(new Color(view.getRGB(25, 20))).isEqualTo(new Color(view.getRGB(0, 0)));
        assertThat(new Color(view.getRGB(25, 20)).getRed()).isGreaterThan(250);
    }

    @Test
    void heicAndDamagedPixelsAreUndecodable() {
        byte[] heic = TestImages.heic(4032, 3024, null);
        // A PNG whose every chunk is sound, CRC included, but whose image data is not zlib.
        byte[] png = TestImages.png(32, 32, null);
        byte[] damaged = TestImages.concat(
                java.util.Arrays.copyOf(png, 8 + 12 + 13),
                TestImages.pngChunk("IDAT", "these are not compressed pixels".getBytes()),
                TestImages.pngChunk("IEND", new byte[0]));
        assertThat(ImageStructure.read(java.nio.ByteBuffer.wrap(damaged), PhotoType.PNG)
                        .width())
                .as("the inspector takes it")
                .isEqualTo(32);

        assertThatThrownBy(() -> CopyMaker.make(file(heic), PhotoType.HEIC)).isInstanceOf(Undecodable.class);
        assertThatThrownBy(() -> CopyMaker.make(file(damaged), PhotoType.PNG)).isInstanceOf(Undecodable.class);
        assertThatThrownBy(() -> CopyMaker.make(file(new byte[] {1, 2, 3}), PhotoType.JPEG))
                .isInstanceOf(Undecodable.class);
    }

    @Test
    void subsamplingKeepsTheLongerSideWithinTwiceTheViewCopy() {
        assertThat(CopyMaker.subsampling(3200, 100)).isOne();
        assertThat(CopyMaker.subsampling(3201, 100)).isEqualTo(2);
        assertThat(CopyMaker.subsampling(100, 9600)).isEqualTo(3);
        assertThat(CopyMaker.subsampling(9601, 9601)).isEqualTo(4);
        for (int side = 1; side <= 16_384; side += 7) {
            int step = CopyMaker.subsampling(side, 1);
            int decoded = (side + step - 1) / step;
            assertThat(decoded).isLessThanOrEqualTo(CopyMaker.MAX_DECODED_SIDE);
            assertThat(decoded).isGreaterThanOrEqualTo(Math.min(side, CopySize.VIEW.longSide()));
        }
    }

    static TestImages.Entry orientation(int value) {
        return new TestImages.Entry(0x0112, 3, 1, new byte[] {0, (byte) value}); // big-endian SHORT
    }

    /** A JPEG whose left half is red and right half blue. */
    private static BufferedImage halves(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    private Path file(byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(folder, "original", ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage read(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] size(byte[] jpeg) {
        BufferedImage image = read(jpeg);
        return new int[] {image.getWidth(), image.getHeight()};
    }

    private static ImageWriter jdkJpegWriter() {
        var writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio")) {
                return writer;
            }
        }
        throw new IllegalStateException("no JDK JPEG writer");
    }

    private static long allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
