package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.urbanorder.testing.HostilePhotos;

class ExifFactsTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    enum Order {
        BIG(ByteOrder.BIG_ENDIAN),
        LITTLE(ByteOrder.LITTLE_ENDIAN);

        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void timeAndPositionAreReadInEitherByteOrder(Order order) {
        byte[] tiff = TestImages.phoneTiff(order.order, "2026:11:20 09:15:30", "+07:00", 21.0452, 105.8853);

        var facts = read(tiff);

        assertThat(facts.takenAt()).isEqualTo(Instant.parse("2026-11-20T02:15:30.456Z"));
        assertThat(facts.gps().lat()).isCloseTo(21.0452, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(facts.gps().lon()).isCloseTo(105.8853, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aTimeWithoutOffsetIsTheWardsLocalTime() {
        byte[] tiff = TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", null, 21, 105);

        assertThat(read(tiff).takenAt()).isEqualTo(Instant.parse("2026-11-20T02:15:30.456Z"));
    }

    @Test
    void southAndWestAreNegative() {
        byte[] tiff = TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", null, -33.8688, -70.6693);

        var gps = read(tiff).gps();

        assertThat(gps.lat()).isCloseTo(-33.8688, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(gps.lon()).isCloseTo(-70.6693, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aPositionOfZeroOrOutOfRangeIsNoPosition() {
        byte[] zero = TestImages.tiff(ByteOrder.BIG_ENDIAN, List.of(), List.of(), TestImages.gps(0, 0));
        byte[] beyond = TestImages.tiff(ByteOrder.BIG_ENDIAN, List.of(), List.of(), TestImages.gps(95, 10));

        assertThat(read(zero).gps()).isNull();
        assertThat(read(beyond).gps()).isNull();
    }

    @Test
    void valuesThatCannotBeReadAreLeftOut() {
        byte[] badDate = TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:13:45 99:00:00", null, 21, 105);
        byte[] notTiff = TestImages.ascii("not a TIFF block at all");
        var zeroDenominator = TestImages.rationals(0x0002, 21, 0, 2, 1, 42, 1);
        byte[] badGps = TestImages.tiff(
                ByteOrder.BIG_ENDIAN,
                List.of(),
                List.of(),
                List.of(
                        TestImages.ascii(1, "N"),
                        zeroDenominator,
                        TestImages.ascii(3, "E"),
                        TestImages.rationals(4, 105, 1, 0, 1, 0, 1)));
        byte[] cut = TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", null, 21, 105);

        assertThat(read(badDate).takenAt()).isNull();
        assertThat(read(badDate).gps()).isNotNull();
        assertThat(read(notTiff)).isEqualTo(ExifFacts.NONE);
        assertThat(read(badGps).gps()).isNull();
        assertThat(read(Arrays.copyOf(cut, 60))).isEqualTo(ExifFacts.NONE);
    }

    @Test
    void directoriesPointingAtEachOtherAreReadOnce() {
        byte[] tiff = TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", null, 21, 105);
        // IFD0's next-directory link, back to IFD0 itself.
        int entries = ByteBuffer.wrap(tiff).getShort(8);
        ByteBuffer.wrap(tiff).putInt(8 + 2 + 12 * entries, 8);

        assertThat(read(tiff).takenAt()).isNotNull();
    }

    @Test
    void valuesDeclaredManyTimesOverTheBlockAreOverTheBudget() {
        byte[] jpeg = HostilePhotos.exifAmplification(1);
        // The TIFF block inside the first APP1 segment, behind SOI, marker, length and "Exif\0\0".
        byte[] tiff = Arrays.copyOfRange(jpeg, 2 + 4 + 6, 2 + 2 + 0xFFFF);

        assertThatThrownBy(() -> read(tiff)).isInstanceOf(MetadataOverBudget.class);
    }

    @Test
    void aFewOverlappingTextsAreOverTheBudgetTooAndTheirEntryCountDoesNotMatter() {
        // 20 entries, under any entry limit, all naming the same 3 KB: 60 KB declared in a 3 KB block.
        String text = "x".repeat(3000);
        ByteBuffer block = ByteBuffer.allocate(8 + 2 + 12 * 20 + 4 + 3001);
        block.put(TestImages.ascii("MM")).putShort((short) 42).putInt(8).putShort((short) 20);
        int textAt = 8 + 2 + 12 * 20 + 4;
        for (int i = 0; i < 20; i++) {
            block.putShort((short) (0x1000 + i))
                    .putShort((short) 2)
                    .putInt(3001)
                    .putInt(textAt);
        }
        block.putInt(0).put(TestImages.ascii(text)).put((byte) 0);

        assertThatThrownBy(() -> read(block.array())).isInstanceOf(MetadataOverBudget.class);
    }

    @Test
    void aDirectoryOfMoreEntriesThanAnyCameraWritesIsOverTheBudget() {
        List<TestImages.Entry> many = new ArrayList<>();
        for (int i = 0; i <= ExifFacts.MAX_ENTRIES; i++) {
            many.add(new TestImages.Entry(0x1000 + i, 3, 1, new byte[] {0, 1}));
        }

        assertThatThrownBy(() -> read(TestImages.tiff(ByteOrder.BIG_ENDIAN, many, List.of(), List.of())))
                .isInstanceOf(MetadataOverBudget.class);
    }

    private static ExifFacts read(byte[] tiff) {
        return ExifFacts.read(ByteBuffer.wrap(tiff), HANOI);
    }
}
