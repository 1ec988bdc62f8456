package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.urbanorder.testing.HostilePhotos;

class HeifStructureTests {

    private static final byte[] TIFF =
            TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", "+07:00", 21.0452, 105.8853);

    @Test
    void aHeicGivesItsPrimaryItemsSizeAndItsExifItem() {
        var structure = HeifStructure.read(ByteBuffer.wrap(TestImages.heic(4032, 3024, TIFF)));

        assertThat(structure.type()).isEqualTo(PhotoType.HEIC);
        assertThat(structure.width()).isEqualTo(4032);
        assertThat(structure.height()).isEqualTo(3024);
        assertThat(structure.exif().remaining()).isEqualTo(TIFF.length);
        assertThat(structure.exif().get(0)).isEqualTo((byte) 'M');
    }

    @Test
    void aHeicWithoutExifHasNone() {
        assertThat(HeifStructure.read(ByteBuffer.wrap(TestImages.heic(64, 48, null)))
                        .exif())
                .isNull();
    }

    @Test
    void aWebPageBehindTheFileTypeBoxIsNotAHeic() {
        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(HostilePhotos.htmlBehindHeicSignature())))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void boxesThatDoNotAddUpAreNotAHeic() {
        byte[] heic = TestImages.heic(64, 48, TIFF);

        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(Arrays.copyOf(heic, heic.length - 1))))
                .isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(TestImages.concat(heic, new byte[] {0, 0, 0}))))
                .isInstanceOf(NotAnImage.class);
    }

    @Test
    void aHeicWithoutMetaOrPrimarySizeIsNotAHeic() {
        byte[] heic = TestImages.heic(64, 48, null);
        byte[] noSize = heic.clone();
        replace(noSize, "ispe", "isPe");
        byte[] noPrimary = heic.clone();
        replace(noPrimary, "pitm", "pItm");
        byte[] ftypOnly = Arrays.copyOf(heic, 28);

        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(noSize))).isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(noPrimary))).isInstanceOf(NotAnImage.class);
        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(ftypOnly))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void aPrimaryItemOutsideTheFileIsNotAHeic() {
        byte[] heic = TestImages.heic(64, 48, null);
        int iloc = indexOf(heic, "iloc");
        // The one item's extent: after the box header, version and flags, sizes, count, id, reference and count.
        ByteBuffer.wrap(heic, iloc + 4 + 4 + 2 + 2 + 2 + 2 + 2, 4).putInt(heic.length);

        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(heic))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void anItemPlacedTwiceIsNotAHeic() {
        byte[] heic = TestImages.heic(64, 48, TIFF);
        int iloc = indexOf(heic, "iloc");
        // The first item (the Exif item, 2) renamed 1: the primary item, placed twice.
        ByteBuffer.wrap(heic, iloc + 4 + 4 + 2 + 2, 2).putShort((short) 1);

        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(heic))).isInstanceOf(NotAnImage.class);
    }

    @Test
    void anExifItemOverTheBudgetIsRefused() {
        byte[] large = TestImages.concat(TIFF, new byte[ImageStructure.MAX_EXIF_BYTES]);

        assertThatThrownBy(() -> HeifStructure.read(ByteBuffer.wrap(TestImages.heic(64, 48, large))))
                .isInstanceOf(MetadataOverBudget.class);
    }

    @Test
    void aDeclaredSizeIsReadWhateverItIs() {
        assertThat(HeifStructure.read(ByteBuffer.wrap(TestImages.heic(100_000, 100_000, null)))
                        .pixels())
                .isEqualTo(10_000_000_000L);
    }

    private static void replace(byte[] bytes, String from, String to) {
        int at = indexOf(bytes, from);
        System.arraycopy(TestImages.ascii(to), 0, bytes, at, 4);
    }

    private static int indexOf(byte[] bytes, String fourCc) {
        byte[] code = TestImages.ascii(fourCc);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, code, 0, 4)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + fourCc);
    }
}
