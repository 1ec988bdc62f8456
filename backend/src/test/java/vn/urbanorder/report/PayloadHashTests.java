package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoType;
import vn.urbanorder.shared.GeoPoint;

/**
 * The hash intake compares a retry with the report it already recorded under the same client id
 * ({@link ReportIntake#payloadSha256}): the same statement, however the phone wrote it, hashes
 * equal and is answered with the recorded report; any change to what the officer stated hashes
 * apart and is refused (422).
 */
class PayloadHashTests {

    private static final String PHOTO_1 = "a".repeat(64);
    private static final String PHOTO_2 = "b".repeat(64);

    @Test
    void theHashIsOfTheFirstFormSoThatRetriesOfReportsStoredEarlierStillMatch() throws Exception {
        // The v1 form: the fields in this order, joined by U+001F, an absent one as empty, then the photos' hashes.
        String canonical = String.join(
                "\u001f",
                "v1",
                "SANITATION",
                "LITTERING",
                "Rác đổ trước cổng chợ",
                "Số 5 Nguyễn Văn Cừ",
                "21.0452",
                "105.8853",
                "6.0",
                "2026-11-20T02:15:30Z",
                "+07:00",
                "",
                PHOTO_1,
                PHOTO_2);
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(new Statement().hash()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameStatement")
    void theSameStatementWrittenAnotherWayHashesEqual(
            String difference, Consumer<Statement> first, Consumer<Statement> retry) {
        assertThat(Statement.of(retry).hash())
                .as(difference)
                .isEqualTo(Statement.of(first).hash());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherStatement")
    void anyChangeToWhatWasStatedHashesApart(String difference, Consumer<Statement> first, Consumer<Statement> retry) {
        assertThat(Statement.of(retry).hash())
                .as(difference)
                .isNotEqualTo(Statement.of(first).hash());
    }

    static Stream<Arguments> sameStatement() {
        return Stream.of(
                retry("another client id: it is the key, not the content", s -> s.clientId = UUID.randomUUID()),
                retry(
                        "the description with decomposed diacritics (NFD)",
                        s -> s.description = Normalizer.normalize(s.description, Normalizer.Form.NFD)),
                retry(
                        "the address with decomposed diacritics (NFD)",
                        s -> s.address = Normalizer.normalize(s.address, Normalizer.Form.NFD)),
                // The v1 form writes an absent value as empty, so these two cannot be told apart.
                pair("an empty description for an absent one", s -> s.description = null, s -> s.description = ""),
                pair("latitude -0.0 for 0.0", s -> s.lat = 0.0, s -> s.lat = -0.0));
    }

    static Stream<Arguments> otherStatement() {
        return Stream.of(
                retry("another category", s -> s.category = "SIDEWALK_ENCROACHMENT"),
                retry("another subtype", s -> s.subtype = "ILLEGAL_DUMPING"),
                retry("no subtype", s -> s.subtype = null),
                retry("one letter more in the description", s -> s.description += "."),
                retry("no description", s -> s.description = null),
                retry("another address", s -> s.address = "Số 7 Nguyễn Văn Cừ"),
                pair(
                        "a word moved from the description to the address",
                        s -> {
                            s.description = "Rác đổ trước cổng";
                            s.address = "chợ Gia Thụy";
                        },
                        s -> {
                            s.description = "Rác đổ trước";
                            s.address = "cổng chợ Gia Thụy";
                        }),
                retry("latitude moved by 1e-7°", s -> s.lat = 21.0452001),
                retry("longitude moved by 1e-7°", s -> s.lon = 105.8853001),
                retry("another accuracy", s -> s.accuracy = 6.5),
                retry("no accuracy", s -> s.accuracy = null),
                retry("observed a second later", s -> s.observedAt = s.observedAt.plusSeconds(1)),
                retry(
                        "the same instant at another offset",
                        s -> s.observedAt = s.observedAt.withOffsetSameInstant(ZoneOffset.UTC)),
                retry("on an inspection round", s -> s.round = UUID.randomUUID()),
                retry("a photo fewer", s -> s.photos = List.of(PHOTO_1)),
                retry("no photos", s -> s.photos = List.of()),
                retry("the photos in another order", s -> s.photos = List.of(PHOTO_2, PHOTO_1)),
                retry("another photo", s -> s.photos = List.of(PHOTO_1, "c".repeat(64))));
    }

    /** The sample first, then a retry changed so. */
    private static Arguments retry(String difference, Consumer<Statement> change) {
        return Arguments.of(difference, (Consumer<Statement>) s -> {}, change);
    }

    /** Two statements, each the sample changed its own way. */
    private static Arguments pair(String difference, Consumer<Statement> first, Consumer<Statement> retry) {
        return Arguments.of(difference, first, retry);
    }

    /** What an officer states in a submission, starting from one sample; each row changes a part. */
    static final class Statement {
        UUID clientId = UUID.fromString("3f1c2a9e-8b1d-4c55-9a70-2b6f0d1e4a11");
        String category = "SANITATION";
        String subtype = "LITTERING";
        String description = "Rác đổ trước cổng chợ";
        String address = "Số 5 Nguyễn Văn Cừ";
        double lat = 21.0452;
        double lon = 105.8853;
        Double accuracy = 6.0;
        OffsetDateTime observedAt = OffsetDateTime.parse("2026-11-20T09:15:30+07:00");
        UUID round;
        List<String> photos = List.of(PHOTO_1, PHOTO_2);

        static Statement of(Consumer<Statement> change) {
            var statement = new Statement();
            change.accept(statement);
            return statement;
        }

        String hash() {
            return ReportIntake.payloadSha256(
                    new ReportSubmission(
                            clientId,
                            category,
                            subtype,
                            description,
                            address,
                            new ReportLocation(new GeoPoint(lat, lon), accuracy),
                            observedAt,
                            round),
                    photos.stream()
                            .map(sha256 ->
                                    new InspectedPhoto(Path.of("unused"), 0, sha256, PhotoType.JPEG, 1, 1, null, null))
                            .toList());
        }
    }
}
