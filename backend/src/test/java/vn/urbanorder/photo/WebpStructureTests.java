package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.urbanorder.testing.HostilePhotos;

class WebpStructureTests {

    private static final byte[] TIFF =
            TestImages.phoneTiff(ByteOrder.LITTLE_ENDIAN, "2026:11:20 09:15:30", "+07:00", 21.0452, 105.8853);

    @Test
    void simpleLosslessAndLossyFilesGiveTheirImagesSize() {
        var lossless = WebpStructure.read(ByteBuffer.wrap(TestImages.webpSimple("VP8L", TestImages.VP8L_7X5)));
        var lossy = WebpStructure.read(ByteBuffer.wrap(TestImages.webpSimple("VP8 ", TestImages.VP8_16X16)));

        assertThat(lossless.width()).isEqualTo(7);
        assertThat(lossless.height()).isEqualTo(5);
        assertThat(lossless.exif()).isNull();
        assertThat(lossy.width()).isEqualTo(16);
        assertThat(lossy.height()).isEqualTo(16);
    }

    @Test
    void anExtendedFileGivesItsCanvasSizeAndItsExif() {
        byte[] webp = TestImages.webpExtended(7, 5, TestImages.webpChunk("VP8L", TestImages.VP8L_7X5), TIFF);

        var structure = WebpStructure.read(ByteBuffer.wrap(webp));

        assertThat(structure.type()).isEqualTo(PhotoType.WEBP);
        assertThat(structure.width()).isEqualTo(7);
        assertThat(structure.height()).isEqualTo(5);
        assertThat(structure.exif().remaining()).isEqualTo(TIFF.length);
    }

    @Test
    void aWebPageBehindTheHeaderIsNotAWebp() {
        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(HostilePhotos.htmlBehindWebpSignature())))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void sizesBeyondTheFileAreNotAWebp() {
        byte[] webp = TestImages.webpSimple("VP8L", TestImages.VP8L_7X5);
        byte[] riffTooLong = webp.clone();
        riffTooLong[4] += 2;
        byte[] chunkTooLong = webp.clone();
        chunkTooLong[16] += 2;

        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(riffTooLong)))
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(chunkTooLong)))
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(Arrays.copyOf(webp, 20))))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void anExtendedFileWithoutAnImageIsNotAWebp() {
        byte[] webp = TestImages.webpExtended(7, 5, new byte[0], TIFF);

        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(webp))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void imageDataWithoutItsHeaderIsNotAWebp() {
        byte[] notKeyFrame = TestImages.VP8_16X16.clone();
        notKeyFrame[0] |= 1;
        byte[] noSignature = TestImages.VP8L_7X5.clone();
        noSignature[0] = 0x2E;

        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(TestImages.webpSimple("VP8 ", notKeyFrame))))
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> WebpStructure.read(ByteBuffer.wrap(TestImages.webpSimple("VP8L", noSignature))))
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(
                        () -> WebpStructure.read(ByteBuffer.wrap(TestImages.webpSimple("ALPH", TestImages.VP8L_7X5))))
                .isInstanceOf(NotAnImage.class);
    }
}
