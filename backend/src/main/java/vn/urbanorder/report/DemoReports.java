package vn.urbanorder.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.assignment.Assignments;
import vn.urbanorder.assignment.DemoMap;
import vn.urbanorder.deadline.Deadlines;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoInspector;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.RandomIds;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;

/**
 * The demo profile's reports: about 200 over the three months before they are first added, on
 * Gia Thụy's streets, each with a photo, as the demo patrols would have filed them. The same
 * reports every time (a fixed seed and client ids derived from it), added once: a restart finds
 * them and adds nothing. They are loaded directly, not through intake, which would refuse
 * observations older than 30 days, and {@link DemoHistory} gives each the handling it had since.
 * {@code urbanorder.demo.reports=false} leaves them out (the tests do: reports at random spots would
 * make the tests' own reports their duplicates).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "urbanorder.demo.reports", havingValue = "true", matchIfMissing = true)
class DemoReports {

    static final int COUNT = 200;
    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final List<UUID> PATROLS = List.of(
            UUID.fromString("a1000000-0000-4000-8000-000000000102"),
            UUID.fromString("a1000000-0000-4000-8000-000000000103"));
    private static final String[] STREETS = {
        "Nguyễn Văn Cừ", "Ngọc Lâm", "Gia Thụy", "Ngô Gia Tự", "Nguyễn Sơn", "Hoàng Như Tiếp", "Lâm Du", "Phú Viên"
    };
    private static final String[][] KINDS = {
        {"SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", "Bày bán hoa quả, hàng tạp hóa chiếm hết vỉa hè"},
        {"SIDEWALK_ENCROACHMENT", "VEHICLE_PARKING", "Trông giữ xe máy trái phép trên vỉa hè"},
        {"SIDEWALK_ENCROACHMENT", "KIOSK_AWNING", "Dựng mái che, biển quảng cáo lấn ra lòng đường"},
        {"SIDEWALK_ENCROACHMENT", "STREET_VENDING", "Bán hàng rong gây ùn tắc giờ tan tầm"},
        {"CONSTRUCTION", "MATERIALS_ON_ROAD", "Tập kết cát, gạch xây dựng xuống lòng đường"},
        {"CONSTRUCTION", "NO_PERMIT", "Cơi nới tầng 4 không có giấy phép xây dựng"},
        {"CONSTRUCTION", "UNSAFE_SITE", "Công trình không che chắn, vật liệu rơi xuống đường"},
        {"SANITATION", "ILLEGAL_DUMPING", "Đổ rác thải sinh hoạt không đúng giờ, đúng nơi quy định"},
        {"SANITATION", "CONSTRUCTION_WASTE", "Đổ trộm phế thải xây dựng ở chân cột điện"},
        {"SANITATION", "WASTE_WATER", "Xả nước thải rửa xe ra đường"}
    };

    private final WardDirectory wards;
    private final ReportStore reports;
    private final PhotoInspector inspector;
    private final Photos photos;
    private final TransactionalOperator transactions;
    private final DemoMap demoMap;
    private final ReportEvents events;
    private final Deadlines deadlines;
    private final Assignments assignments;
    private final LocationMatching locations;
    private final DemoHistory history;
    private final DatabaseClient database;
    private final Clock clock;

    DemoReports(
            WardDirectory wards,
            ReportStore reports,
            PhotoInspector inspector,
            Photos photos,
            TransactionalOperator transactions,
            DemoMap demoMap,
            ReportEvents events,
            Deadlines deadlines,
            Assignments assignments,
            LocationMatching locations,
            DemoHistory history,
            DatabaseClient database,
            Clock clock) {
        this.wards = wards;
        this.reports = reports;
        this.inspector = inspector;
        this.photos = photos;
        this.transactions = transactions;
        this.demoMap = demoMap;
        this.events = events;
        this.deadlines = deadlines;
        this.assignments = assignments;
        this.locations = locations;
        this.history = history;
        this.database = database;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        demoMap.ready()
                .then(wards.findByCode("GT"))
                .flatMap(ward -> Flux.range(0, COUNT)
                        .concatMap(index -> addIfMissing(ward, index))
                        .filter(added -> added)
                        .count()
                        .flatMap(added -> added == 0
                                ? Mono.just(added)
                                : forgetWorkloads(ward).thenReturn(added)))
                .subscribe(
                        added -> {
                            if (added > 0) {
                                log.info("Added {} demo reports to Phường Gia Thụy", added);
                            }
                        },
                        failure -> log.error("Could not add the demo reports", failure));
    }

    /**
     * The demo's reports carry events dated in the past, the only ones that ever do; a month-end
     * workload the statistics kept while they were being added would miss them, so it is dropped.
     */
    private Mono<Void> forgetWorkloads(Ward ward) {
        return database.sql("DELETE FROM workload_snapshot WHERE ward_id = :ward")
                .bind("ward", ward.id())
                .then();
    }

    private Mono<Boolean> addIfMissing(Ward ward, int index) {
        Random random = new Random(31L * index + 7);
        UUID reporter = PATROLS.get(index % PATROLS.size());
        UUID clientId = UUID.nameUUIDFromBytes(("demo-report-" + index).getBytes(StandardCharsets.UTF_8));
        return reports.findByClientId(reporter, clientId)
                .map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> add(ward, index, random, reporter, clientId)));
    }

    private Mono<Boolean> add(Ward ward, int index, Random random, UUID reporter, UUID clientId) {
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        String street = STREETS[random.nextInt(STREETS.length)];
        GeoPoint point = pointIn(ward, random);
        Instant observed = clock.instant().minus(Duration.ofMinutes(30 + random.nextInt(90 * 24 * 60)));
        var submission = new ReportSubmission(
                clientId,
                kind[0],
                kind[1],
                kind[2],
                "Số " + (1 + random.nextInt(200)) + " " + street,
                new ReportLocation(point, 4.0 + random.nextInt(20)),
                observed.atZone(ward.timeZone()).toOffsetDateTime(),
                null);
        int year = observed.atZone(ward.timeZone()).getYear();
        Instant received = observed.plusSeconds(5 + random.nextInt(600));
        Mono<Assignment> assignment = assignments.decide(ward.id(), submission.category(), point);
        Mono<Optional<Instant>> dueAt = assignment.flatMap(decided -> decided.assigned()
                ? deadlines
                        .due(ward.id(), ward.timeZone(), submission.category(), received)
                        .map(Optional::of)
                : Mono.just(Optional.<Instant>empty()));
        return Mono.fromCallable(() -> photo(index, kind[2]))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(bytes -> inspector.inspect(List.of(bytes), ward.timeZone()))
                .map(inspected -> inspected.get(0))
                .zipWith(assignment)
                .zipWith(dueAt)
                .flatMap(decided -> {
                    InspectedPhoto photo = decided.getT1().getT1();
                    UUID id = RandomIds.uuid();
                    Assignment assigned = decided.getT1().getT2();
                    Function<LocationMatching.LocationMatch, NewReport> report = match -> new NewReport(
                            id,
                            ward.id(),
                            reporter,
                            year,
                            ward.code() + "-" + year + "-",
                            submission,
                            ReportIntake.payloadSha256(submission, List.of(photo)),
                            received,
                            java.util.EnumSet.noneOf(ReportFlag.class),
                            assigned,
                            decided.getT2().orElse(null),
                            assigned.assigned() ? ReportStatus.ASSIGNED : ReportStatus.UNASSIGNED,
                            match.locationId(),
                            null);
                    // Placed at their locations as intake would, but not judged duplicates or
                    // repeats: they are the history the demo starts from.
                    Mono<Boolean> added = locations
                            .match(
                                    ward.id(),
                                    submission.category(),
                                    point,
                                    assigned.zone() == null
                                            ? null
                                            : assigned.zone().id(),
                                    id,
                                    received)
                            .map(report)
                            .flatMap(stored -> locations
                                    .countNew(
                                            stored.locationId(),
                                            stored.submission().observedAt().toInstant(),
                                            false)
                                    .then(reports.insert(
                                            stored, events.first(ward.id(), id, IntakeEvents.of(reporter, stored))))
                                    // Another instance added this one first: roll the number back.
                                    .switchIfEmpty(Mono.error(new IllegalStateException("added elsewhere")))
                                    .flatMap(recorded -> photos.record(ward.id(), recorded, List.of(photo)))
                                    .then(history.play(stored, random)))
                            .thenReturn(true);
                    return photos.stageAndRun(ward.id(), List.of(photo), stored -> transactions.transactional(added));
                })
                .onErrorResume(failure -> {
                    log.debug("Demo report {} not added: {}", index, failure.toString());
                    return Mono.just(false);
                });
    }

    /** A point inside the ward's service area, drawn from its bounding box. */
    private static GeoPoint pointIn(Ward ward, Random random) {
        var box = ward.serviceArea().getEnvelopeInternal();
        while (true) {
            var point = new GeoPoint(
                    box.getMinY() + random.nextDouble() * box.getHeight(),
                    box.getMinX() + random.nextDouble() * box.getWidth());
            if (ward.serves(point)) {
                return point;
            }
        }
    }

    /** A small JPEG standing in for the officer's photo, captioned with what it shows. */
    private static byte[] photo(int index, String caption) {
        var image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(90 + index % 100, 110, 130));
        graphics.fillRect(0, 0, 480, 360);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        graphics.drawString("Ảnh minh hoạ #" + (index + 1), 20, 40);
        graphics.drawString(caption.length() > 48 ? caption.substring(0, 48) + "…" : caption, 20, 80);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
