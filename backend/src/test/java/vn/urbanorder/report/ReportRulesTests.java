package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.TestCategories;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoType;
import vn.urbanorder.photo.PhotosProperties;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.ward.Ward;

/**
 * Each rule a submission must keep beyond its shape, at its edges, with the settings' defaults
 * (30 days old at most, 5 minutes ahead of the service's clock, 50 m accuracy, photos within 150 m).
 */
class ReportRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final UUID ROUND = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    /** The fixtures' test ward: its first corner lies on its boundary. */
    private static final Ward WARD = new Ward(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "GT",
            "Phường Gia Thụy",
            ZoneId.of("Asia/Ho_Chi_Minh"),
            java.util.List.of(new vn.urbanorder.ward.WardArea(
                    Instant.parse("2025-06-30T17:00:00Z"),
                    GeoJson.read("{\"type\":\"Polygon\",\"coordinates\":[[[105.8790,21.0400],[105.8915,21.0395],"
                            + "[105.8925,21.0500],[105.8805,21.0510],[105.8790,21.0400]]]}"))));
    /** Metres per degree of latitude on the sphere the service measures on. */
    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    /** What the round check was asked, and what it answers: a refusal, or none. */
    private final List<Instant> roundAskedAbout = new ArrayList<>();

    private Optional<String> roundRefusal = Optional.empty();

    private final ReportRules rules = new ReportRules(
            null, // the caller's ward is looked up elsewhere: these tests hand it in
            TestCategories.of(
                    new Category(
                            "SANITATION",
                            "Vệ sinh môi trường",
                            24,
                            List.of(new Category.Subtype("LITTERING", "Vứt, xả rác ra đường phố, nơi công cộng"))),
                    new Category(
                            "CONSTRUCTION",
                            "Trật tự xây dựng",
                            120,
                            List.of(new Category.Subtype("NO_PERMIT", "Xây dựng không có giấy phép")))),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new ReportsProperties(Duration.ofDays(30), Duration.ofMinutes(5), 50),
            new PhotosProperties(
                    "unused", 10_485_760, 6, 150, 4, Duration.ofHours(1), 50_000_000, Duration.ofSeconds(5), null),
            (caller, ward, roundId, observedAt) -> {
                roundAskedAbout.add(observedAt);
                return Mono.just(roundRefusal);
            });

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("submissions")
    void aSubmissionIsRefusedForEachRuleItBreaksAndForNoOther(
            String submission, String refusedFields, Consumer<Submission> change) {
        var sent = new Submission();
        change.accept(sent);
        roundRefusal = sent.roundRefusal;

        List<String> expected = refusedFields.isEmpty() ? List.of() : List.of(refusedFields.split(" "));

        StepVerifier.create(rules.check(patrol(), WARD, sent.build())
                        .then(Mono.just(List.<String>of()))
                        .onErrorResume(
                                InvalidRequestException.class,
                                invalid -> Mono.just(invalid.fieldErrors().stream()
                                        .map(InvalidRequestException.FieldProblem::field)
                                        .toList())))
                .assertNext(refused -> assertThat(refused).as(submission).isEqualTo(expected))
                .verifyComplete();
    }

    static Stream<Arguments> submissions() {
        Instant aheadLimit = NOW.plus(Duration.ofMinutes(5));
        Instant ageLimit = NOW.minus(Duration.ofDays(30));
        return Stream.of(
                row("a sound one", "", s -> {}),
                row("no subtype", "", s -> s.subtype = null),
                row("an unknown category", "category", s -> s.category = "PARKING"),
                row("an unknown category: its subtype is not judged", "category", s -> {
                    s.category = "PARKING";
                    s.subtype = "NO_SUCH_THING";
                }),
                row("another category's subtype", "subtype", s -> s.subtype = "NO_PERMIT"),
                row("outside the ward", "location", s -> s.at = new GeoPoint(21.0600, 105.8853)),
                row("on the ward's boundary", "", s -> s.at = new GeoPoint(21.0400, 105.8790)),
                row("observed as far ahead as the phone's clock may run", "", s -> s.observedAt(aheadLimit)),
                row("observed a second further ahead", "observedAt", s -> s.observedAt(aheadLimit.plusSeconds(1))),
                row("observed as long ago as allowed", "", s -> s.observedAt(ageLimit)),
                row("observed a second earlier", "observedAt", s -> s.observedAt(ageLimit.minusSeconds(1))),
                row("on a round that takes it", "", s -> s.round = ROUND),
                row("on a round that refuses it", "inspectionRoundId", s -> {
                    s.round = ROUND;
                    s.roundRefusal = Optional.of("Đợt kiểm tra đã kết thúc.");
                }),
                row(
                        "every rule broken: all refusals at once, in the form's order",
                        "category location observedAt" + " inspectionRoundId",
                        s -> {
                            s.category = "PARKING";
                            s.at = new GeoPoint(21.0600, 105.8853);
                            s.observedAt(aheadLimit.plusSeconds(1));
                            s.round = ROUND;
                            s.roundRefusal = Optional.of("Đợt kiểm tra đã kết thúc.");
                        }));
    }

    @Test
    void theRefusalsSayWhatIsWrongInVietnamese() {
        var tooOld = new Submission();
        tooOld.observedAt(NOW.minus(Duration.ofDays(31)));
        tooOld.at = new GeoPoint(21.0600, 105.8853);
        tooOld.subtype = "NO_PERMIT";

        StepVerifier.create(rules.check(patrol(), WARD, tooOld.build()))
                .expectErrorSatisfies(error -> assertThat(((InvalidRequestException) error).fieldErrors())
                        .extracting(InvalidRequestException.FieldProblem::message)
                        .containsExactly(
                                "Lĩnh vực Vệ sinh môi trường không có loại vi phạm này.",
                                "Vị trí nằm ngoài địa bàn Phường Gia Thụy.",
                                "Thời điểm ghi nhận cũ hơn 30 ngày."))
                .verify();
    }

    @Test
    void theRoundIsAskedAboutTheMomentOfTheObservation() {
        var onRound = new Submission();
        onRound.round = ROUND;
        onRound.observedAt = OffsetDateTime.parse("2026-11-20T09:15:30+07:00");

        StepVerifier.create(rules.check(patrol(), WARD, onRound.build())).verifyComplete();

        assertThat(roundAskedAbout).containsExactly(Instant.parse("2026-11-20T02:15:30Z"));
    }

    @ParameterizedTest(name = "{0}, round {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PATROL                | no  | taken
            PATROL                | yes | taken
            PATROL INSPECTOR      | no  | taken
            INSPECTOR             | yes | taken
            INSPECTOR             | no  | forbidden
            WARD_ADMIN            | no  | forbidden
            UNIT_STAFF            | no  | forbidden
            WARD_ADMIN UNIT_STAFF | no  | forbidden
            """)
    void onlyPatrolsSubmitOutsideARound(String roles, String onRound, String outcome) {
        var sent = new Submission();
        sent.round = onRound.equals("yes") ? ROUND : null;
        Mono<Void> checked = rules.check(caller(roles), WARD, sent.build());

        if (outcome.equals("taken")) {
            StepVerifier.create(checked).verifyComplete();
        } else {
            StepVerifier.create(checked)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOfSatisfying(
                                    ProblemException.class, problem -> assertThat(problem.getStatusCode())
                                            .isEqualTo(HttpStatus.FORBIDDEN)))
                    .verify();
            assertThat(roundAskedAbout).isEmpty();
        }
    }

    @ParameterizedTest(name = "accuracy {0} m, photos at {1} m: {2}")
    @CsvSource(delimiter = '|', textBlock = """
                  |             |
            50    |             |
            50.01 |             | LOW_ACCURACY
            6     | none        |
            6     | 149.9       |
            6     | 150.1       | PHOTO_LOCATION_MISMATCH
            6     | none 0 150.1 | PHOTO_LOCATION_MISMATCH
            80    | 1000        | LOW_ACCURACY PHOTO_LOCATION_MISMATCH
            """)
    void aReportIsFlaggedForAVaguePositionAndForPhotosTakenFarAway(Double accuracy, String photos, String flags) {
        var sent = new Submission();
        sent.accuracy = accuracy;
        List<InspectedPhoto> inspected = photos == null
                ? List.of()
                : Arrays.stream(photos.split(" "))
                        .map(metres -> photo(metres.equals("none") ? null : north(sent.at, Double.parseDouble(metres))))
                        .toList();
        Set<ReportFlag> expected = EnumSet.noneOf(ReportFlag.class);
        if (flags != null) {
            Arrays.stream(flags.split(" ")).map(ReportFlag::valueOf).forEach(expected::add);
        }

        assertThat(rules.flags(sent.build(), inspected))
                .as("accuracy %s m, photos at %s m", accuracy, photos)
                .isEqualTo(expected);
    }

    /** The point that many metres due north: along a meridian the service's distance is exact. */
    private static GeoPoint north(GeoPoint from, double metres) {
        return new GeoPoint(from.lat() + metres / METRES_PER_DEGREE, from.lon());
    }

    private static InspectedPhoto photo(GeoPoint gps) {
        return new InspectedPhoto(Path.of("unused"), 0, "a".repeat(64), PhotoType.JPEG, 64, 48, null, gps);
    }

    private static Arguments row(String submission, String refusedFields, Consumer<Submission> change) {
        return Arguments.of(submission, refusedFields, change);
    }

    private static Caller patrol() {
        return caller("PATROL");
    }

    private static Caller caller(String roles) {
        return new Caller(
                UUID.randomUUID(),
                "u",
                WARD.provinceId(),
                WARD.id(),
                WARD.code(),
                Arrays.stream(roles.split(" ")).map(Role::valueOf).collect(java.util.stream.Collectors.toSet()),
                null);
    }

    /** A sound submission of a patrol, observed an hour ago in the ward; each row changes a part. */
    static final class Submission {
        String category = "SANITATION";
        String subtype = "LITTERING";
        GeoPoint at = new GeoPoint(21.0452, 105.8853);
        Double accuracy = 6.0;
        OffsetDateTime observedAt = OffsetDateTime.ofInstant(NOW.minus(Duration.ofHours(1)), ZoneOffset.ofHours(7));
        UUID round;
        Optional<String> roundRefusal = Optional.empty();

        void observedAt(Instant instant) {
            observedAt = OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(7));
        }

        ReportSubmission build() {
            return new ReportSubmission(
                    UUID.randomUUID(),
                    category,
                    subtype,
                    null,
                    null,
                    new ReportLocation(at, accuracy),
                    observedAt,
                    round);
        }
    }
}
