package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.TestPhotos;

class JpegStructureTests {

    private static final byte[] TIFF =
            TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", "+07:00", 21.0452, 105.8853);

    @Test
    void aJpegGivesItsFrameSizeAndItsExif() {
        var structure = JpegStructure.read(ByteBuffer.wrap(TestImages.jpeg(640, 480, TIFF)));

        assertThat(structure.type()).isEqualTo(PhotoType.JPEG);
        assertThat(structure.width()).isEqualTo(640);
        assertThat(structure.height()).isEqualTo(480);
        assertThat(structure.exif().remaining()).isEqualTo(TIFF.length);
        assertThat(structure.exif().get(0)).isEqualTo((byte) 'M');
    }

    @Test
    void aJpegWithoutExifHasNone() {
        assertThat(JpegStructure.read(ByteBuffer.wrap(TestPhotos.jpeg(64, 48))).exif())
                .isNull();
    }

    @Test
    void aProgressiveJpegWithManyScansIsRead() throws Exception {
        var image = new BufferedImage(100, 70, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF0000);
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }

        var structure = JpegStructure.read(ByteBuffer.wrap(out.toByteArray()));

        assertThat(structure.width()).isEqualTo(100);
        assertThat(structure.height()).isEqualTo(70);
    }

    @Test
    void bytesAfterTheEndOfTheImageAreAllowed() {
        // Phones append data after the EOI (motion photos, Samsung's trailer).
        byte[] withTrailer = TestImages.concat(TestPhotos.jpeg(64, 48), TestImages.ascii("SEFHtrailer"));

        assertThat(JpegStructure.read(ByteBuffer.wrap(withTrailer)).width()).isEqualTo(64);
    }

    @Test
    void onlyTheFirstExifSegmentIsTaken() {
        byte[] other = TestImages.tiff(
                ByteOrder.LITTLE_ENDIAN, List.of(TestImages.ascii(0x010F, "Other")), List.of(), List.of());
        byte[] twice = TestImages.jpeg(64, 48, TIFF);
        byte[] app1 = Arrays.copyOfRange(TestImages.jpeg(64, 48, other), 2, 2 + 10 + other.length);
        byte[] file = TestImages.concat(
                Arrays.copyOf(twice, 2 + 10 + TIFF.length),
                app1,
                Arrays.copyOfRange(twice, 2 + 10 + TIFF.length, twice.length));

        assertThat(JpegStructure.read(ByteBuffer.wrap(file)).exif().remaining()).isEqualTo(TIFF.length);
    }

    @Test
    void aWebPageBehindTheSignatureIsNotAJpeg() {
        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(HostilePhotos.htmlBehindJpegSignature())))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void aJpegCutShortIsNotAJpeg() {
        byte[] jpeg = TestPhotos.jpeg(64, 48);

        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(Arrays.copyOf(jpeg, jpeg.length - 2))))
                .as("no EOI")
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(Arrays.copyOf(jpeg, 40))))
                .as("inside a segment")
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(Arrays.copyOf(jpeg, 3))))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void aJpegWithoutAFrameHeaderOrWithASizeOfZeroIsNotAJpeg() {
        byte[] jpeg = TestPhotos.jpeg(64, 48);
        int frame = indexOf(jpeg, (byte) 0xC0);
        int length = (jpeg[frame + 1] & 0xFF) << 8 | jpeg[frame + 2] & 0xFF;
        byte[] noFrame = TestImages.concat(
                Arrays.copyOf(jpeg, frame - 1), Arrays.copyOfRange(jpeg, frame + 1 + length, jpeg.length));

        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(noFrame))).isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(HostilePhotos.jpegDeclaring(0, 48))))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void aSegmentLongerThanTheFileIsNotAJpeg() {
        byte[] jpeg = TestPhotos.jpeg(64, 48);
        jpeg[4] = (byte) 0xFF; // the APP0 segment's length, now 65 KB
        jpeg[5] = (byte) 0xF0;

        assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(jpeg))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void aDeclaredSizeIsReadWhateverItIs() {
        var structure = JpegStructure.read(ByteBuffer.wrap(HostilePhotos.jpegDeclaring(65535, 65535)));

        assertThat(structure.pixels()).isEqualTo(65535L * 65535L);
    }

    @Test
    void theEndOfAScanIsFoundWhereverItFallsAmongEightByteWords() {
        for (int length = 0; length < 40; length++) {
            for (int escape = -1; escape < length - 1; escape++) {
                byte[] scan = new byte[length];
                Arrays.fill(scan, (byte) 0x5A);
                if (escape >= 0) {
                    // A stuffed zero or a restart marker: both belong to the scan.
                    scan[escape] = (byte) 0xFF;
                    scan[escape + 1] = (byte) (escape % 2 == 0 ? 0x00 : 0xD3);
                }
                byte[] jpeg = TestImages.concat(MINIMAL_HEAD, scan, new byte[] {(byte) 0xFF, (byte) 0xD9});

                assertThat(JpegStructure.read(ByteBuffer.wrap(jpeg)).width())
                        .as("scan of %d bytes, escape at %d", length, escape)
                        .isEqualTo(2);
                assertThatThrownBy(() -> JpegStructure.read(ByteBuffer.wrap(Arrays.copyOf(jpeg, jpeg.length - 1))))
                        .as("scan of %d bytes without its EOI", length)
                        .isInstanceOf(NotAnImage.class);
            }
        }
    }

    @Test
    void aByteOf0xFFIsSeenInEveryPlaceOfAWord() {
        for (int place = 0; place < 8; place++) {
            long mask = 0xFFL << (8 * place);
            assertThat(JpegStructure.hasFF(mask)).isTrue();
            assertThat(JpegStructure.hasFF(0x7F7F7F7F7F7F7F7FL & ~mask | mask)).isTrue();
            assertThat(JpegStructure.hasFF(0x0101010101010101L & ~mask | 0xFEL << (8 * place)))
                    .isFalse();
        }
        assertThat(JpegStructure.hasFF(0xFEFEFEFEFEFEFEFEL)).isFalse();
        assertThat(JpegStructure.hasFF(0L)).isFalse();
    }

    /** SOI, a frame of 2 x 1 pixels with one component, and the header of a scan. */
    private static final byte[] MINIMAL_HEAD = {
        (byte) 0xFF,
        (byte) 0xD8,
        (byte) 0xFF,
        (byte) 0xC0,
        0,
        11,
        8,
        0,
        1,
        0,
        2,
        1,
        1,
        0x11,
        0,
        (byte) 0xFF,
        (byte) 0xDA,
        0,
        8,
        1,
        1,
        0,
        0,
        0x3F,
        0
    };

    /** The first marker of that kind after the SOI. */
    private static int indexOf(byte[] jpeg, byte marker) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == marker) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no such marker");
    }
}
