package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.urbanorder.testing.HostilePhotos;

class PngStructureTests {

    private static final byte[] TIFF =
            TestImages.phoneTiff(ByteOrder.LITTLE_ENDIAN, "2026:11:20 09:15:30", null, 21.0452, 105.8853);

    @Test
    void aPngGivesItsHeaderSizeAndItsExifChunk() {
        var structure = PngStructure.read(ByteBuffer.wrap(TestImages.png(120, 90, TIFF)));

        assertThat(structure.type()).isEqualTo(PhotoType.PNG);
        assertThat(structure.width()).isEqualTo(120);
        assertThat(structure.height()).isEqualTo(90);
        assertThat(structure.exif().remaining()).isEqualTo(TIFF.length);
    }

    @Test
    void aPngWithoutExifHasNone() {
        assertThat(PngStructure.read(ByteBuffer.wrap(TestImages.png(12, 9, null)))
                        .exif())
                .isNull();
    }

    @Test
    void aWebPageBehindTheSignatureIsNotAPng() {
        byte[] signature = Arrays.copyOf(TestImages.png(12, 9, null), 8);
        byte[] page = TestImages.concat(signature, TestImages.ascii("<html><body>hi</body></html>"));

        assertThatThrownBy(() -> PngStructure.read(ByteBuffer.wrap(page))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void aPngCutShortOrWithAWrongChecksumIsNotAPng() {
        byte[] png = TestImages.png(12, 9, null);
        byte[] corrupt = png.clone();
        corrupt[40] ^= 1; // inside IDAT

        assertThatThrownBy(() -> PngStructure.read(ByteBuffer.wrap(Arrays.copyOf(png, png.length - 12))))
                .as("no IEND")
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> PngStructure.read(ByteBuffer.wrap(corrupt)))
                .as("CRC")
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void theHeaderMustComeFirstAndDataBeforeTheEnd() {
        byte[] png = TestImages.png(12, 9, null);
        byte[] header = Arrays.copyOfRange(png, 8, 33);
        byte[] textFirst = TestImages.concat(
                Arrays.copyOf(png, 8),
                TestImages.pngChunk("tEXt", TestImages.ascii("a\0b")),
                Arrays.copyOfRange(png, 8, png.length));
        byte[] noData = TestImages.concat(Arrays.copyOf(png, 8), header, TestImages.pngChunk("IEND", new byte[0]));

        assertThatThrownBy(() -> PngStructure.read(ByteBuffer.wrap(textFirst))).isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> PngStructure.read(ByteBuffer.wrap(noData))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void aChunkLongerThanTheFileIsNotAPng() {
        byte[] png = TestImages.png(12, 9, null);
        png[33] = 0x7F; // the first chunk after IHDR claims 2 GB

        assertThatThrownBy(() -> PngStructure.read(ByteBuffer.wrap(png))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void bytesAfterTheEndChunkAreAllowed() {
        byte[] png = TestImages.concat(TestImages.png(12, 9, null), TestImages.ascii("trailer"));

        assertThat(PngStructure.read(ByteBuffer.wrap(png)).width()).isEqualTo(12);
    }

    @Test
    void aDeclaredSizeIsReadWhateverItIs() {
        var structure = PngStructure.read(ByteBuffer.wrap(HostilePhotos.pngDeclaring(100_000, 100_000)));

        assertThat(structure.pixels()).isEqualTo(10_000_000_000L);
    }
}
